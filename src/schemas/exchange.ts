import { z } from 'astro/zod';

/**
 * Ids the site gives other parts of its pages (the layout, the share menu, the search form, the
 * opening statements): an exchange that took one would share it, and the skip link, a shared
 * `#hash` and highlighting would jump to the wrong element.
 */
export const reservedIds = [
  'opening',
  'opening-title',
  'main',
  'share',
  'site-search',
  'search-form',
  'search-status',
  'results',
  'refine',
  'sort',
  'timeline',
  'splits',
  'more',
  'q',
] as const;

/** The longest exchange id: it names a folder (the answer's page), and file names stop at 255 bytes. */
export const MAX_ID_LENGTH = 64;

/**
 * Why `id` would collide with an id the page derives from another exchange's (its heading,
 * `q3-title`; its footnotes, `q3-2-fn-1`; the opening's notes, `opening-fn-1`), or undefined.
 */
export function derivedIdClash(id: string): string | undefined {
  if (id.endsWith('-title')) return 'ids ending in "-title" name exchanges\' headings';
  if (id.startsWith('opening-')) return 'ids starting with "opening-" name the opening statements\' notes';
  if (/-\d+-(?:fn-|footnote-label$)/.test(id)) return 'ids like "q3-2-fn-1" name footnotes';
  return undefined;
}

/** Anchor ids are part of published URLs: lower-case ASCII, digits and hyphens only. */
export const exchangeId = z
  .string({ error: 'an exchange id is text: quote it, e.g. id: "2019-03-12"' })
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens, e.g. "q3" or "huawei-5g"')
  .max(MAX_ID_LENGTH, `an exchange id has at most ${MAX_ID_LENGTH} characters: choose a shorter one`)
  .refine((id) => !(reservedIds as readonly string[]).includes(id), {
    error: (issue) => `"${String(issue.input)}" is an id the page itself uses: choose another id`,
  })
  .refine((id) => derivedIdClash(id) === undefined, {
    error: (issue) => `"${String(issue.input)}" would clash: ${derivedIdClash(String(issue.input))}; choose another id`,
  });

/** The longest topic or name: each names a page and a feed, and file names stop at 255 bytes. */
export const MAX_NAME_LENGTH = 80;
/** The most topics a transcript or an exchange may carry (the corpus's editors use one or two). */
export const MAX_TOPICS = 32;

/** A topic's name, as readers see it and its page is named. */
export const topicName = z
  .string()
  .min(1)
  .max(MAX_NAME_LENGTH, `a topic has at most ${MAX_NAME_LENGTH} characters: shorten it`);

/** A list of topics, bounded. */
export const topicList = z
  .array(topicName)
  .max(MAX_TOPICS, `at most ${MAX_TOPICS} topics: keep the ones readers would filter by`)
  .default([]);

/**
 * Per-exchange data in front matter, listed in the order the exchanges appear in the body. Where
 * the list is given it must have one entry per exchange, so that an id pinned here stays with its
 * exchange when another is added or removed.
 */
export const exchangeData = z.strictObject({
  /** Pinned anchor id. Default: `q<n>`, the exchange's position from 1. */
  id: exchangeId.optional(),
  /** Topics of this exchange (search filters). Default: none. */
  topics: topicList,
  /** The outlet that asked, where the body's label does not name it. */
  asker: z.string().min(1).optional(),
  /**
   * The counterpart exchange in the transcript's translation: its id there, or `none` where the
   * other version left this exchange out. Pins the alignment where the aligner gets it wrong.
   */
  translation: z.union([z.literal('none'), exchangeId]).optional(),
});

export type ExchangeData = z.infer<typeof exchangeData>;
