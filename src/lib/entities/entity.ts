import type { Lang } from '../../schemas/transcript.ts';

/**
 * What the ministry talks about: an entity is one place, person or organisation, the same one in
 * both languages (Huawei and 华为), with every name it goes by in each. Defined here once; the
 * finder (lexicon.ts), the archive (archive.ts), the pages and the open data all read it.
 */
export const entityKinds = ['place', 'person', 'organisation'] as const;
export type EntityKind = (typeof entityKinds)[number];

export interface Entity {
  /** Its address under /entities/ and its id in the open data: a slug of its English name. */
  id: string;
  kind: EntityKind;
  /** Its names as the texts write them, the display name first, per language (either may be empty). */
  names: Record<Lang, string[]>;
  /**
   * Where it comes from: `iso-3166` (i18n-iso-countries), `table` (content/entities.yaml),
   * `spokespeople` (the ministry's own, src/lib/transcript/spokespeople.ts), `aligned` (found in
   * translated answers) or `pattern` (written with a title or an organisation's head word in one
   * language, patterns.ts).
   */
  origin: 'iso-3166' | 'table' | 'spokespeople' | 'aligned' | 'pattern';
}

/** One mention of an entity in an exchange: which text, and where in it (UTF-16 offsets, end exclusive). */
export interface Mention {
  entity: string;
  field: 'question' | 'answer';
  start: number;
  end: number;
}
