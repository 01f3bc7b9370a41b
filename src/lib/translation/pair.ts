import type { Kind } from '../../schemas/kind.ts';
import type { Lang } from '../../schemas/transcript.ts';
import { answerText, questionText } from '../transcript/exchange.ts';
import type { TranscriptBody } from '../transcript/model.ts';
import { align, OPENING, PinError, type Alignment, type Unit } from './align.ts';

/**
 * Pairing each transcript with its translation: the transcript of the other language on the same
 * day, of the same kind where there is one (the ministry files an English "remarks" page for what
 * its Chinese site calls 答记者问), the best aligned where several are candidates. A `translation:`
 * in front matter pins the pairing (an id, or the translation's source URL) or refuses it (`none`).
 */

/** What pairing needs of a transcript: its front matter's facts and its body. */
export interface PairInput {
  id: string;
  /** The file, for errors. */
  file: string;
  lang: Lang;
  date: string;
  kind: Kind;
  source: string;
  translation?: string | undefined;
  transcript: TranscriptBody;
}

export interface Pair {
  en: string;
  zh: string;
  alignment: Alignment;
  /** Set by `translation:` in front matter rather than found. */
  pinned: boolean;
}

export interface Pairing {
  pairs: Pair[];
  /** Transcripts whose translation is only elsewhere: `translation:` gives a URL no transcript here has as its source. */
  external: Map<string, string>;
}

/** A front matter pin that cannot hold: names the file and what to write instead. */
export class PairingError extends Error {}

/**
 * Alignments by the two models aligned. A model is never changed once made, so its alignment with
 * another holds while both are alive: `npm run dev` keeps models between edits (held-models.ts)
 * and aligns again only the pairs of the one edited (aligning every pair took most of an edit's wait).
 * On globalThis, as the dev server evaluates this module anew after each edit; a build makes
 * each alignment once anyway.
 */
const memoKey = '__lecternAlignments';

function alignOf(en: TranscriptBody, zh: TranscriptBody): Alignment {
  const global = globalThis as typeof globalThis & {
    [memoKey]?: WeakMap<TranscriptBody, WeakMap<TranscriptBody, Alignment | PinError>>;
  };
  const memo = (global[memoKey] ??= new WeakMap());
  let withEn = memo.get(en);
  if (!withEn) memo.set(en, (withEn = new WeakMap()));
  let result = withEn.get(zh);
  if (!result) {
    try {
      result = align(unitsOf(en), unitsOf(zh));
    } catch (error) {
      if (!(error instanceof PinError)) throw error;
      result = error;
    }
    withEn.set(zh, result);
  }
  if (result instanceof PinError) throw result;
  return result;
}

/** The aligner's view of a transcript: its opening statements and exchanges, with their pins. */
export function unitsOf(transcript: TranscriptBody): Unit[] {
  const units: Unit[] = [];
  if (transcript.opening) units.push({ id: OPENING, text: transcript.opening.text });
  for (const exchange of transcript.exchanges) {
    const text = [exchange.asker ?? '', questionText(exchange), answerText(exchange)].join('\n');
    const first = exchange.turns[0];
    units.push({
      id: exchange.id,
      text,
      ...(exchange.translation !== undefined && { pin: exchange.translation }),
      followUps:
        exchange.turns.filter((turn) => turn.kind === 'follow-up').length +
        (text.match(afterTheConference) ?? []).length,
      followUp: first !== undefined && (followUpLabel.test(first.label) || followUpOpening.test(first.text)),
    });
  }
  return units;
}

/** Questions put after the conference, which a transcript may append to the last answer. */
const afterTheConference = /after the (?:regular )?press conference|记者会后|会后[，,]?有记者/gi;
const followUpLabel = /^(?:follow-?up|追问)/i;
const followUpOpening =
  /^(?:追问|(?:a |one )?(?:quick |short )?follow-?up\b|(?:I(?:'d| would) like to |let me |can I |may I )?follow(?:ing)? up\b|The following question was raised after)/i;

const families: Kind[][] = [
  ['press-conference', 'briefing'],
  ['remarks', 'answers', 'statement'],
];

function compatible(a: Kind, b: Kind): boolean {
  return families.some((family) => family.includes(a) && family.includes(b));
}

export function pairTranscripts(inputs: PairInput[]): Pairing {
  const byId = new Map(inputs.map((input) => [input.id, input]));
  const bySource = new Map(inputs.map((input) => [input.source, input]));
  const errors: string[] = [];
  const external = new Map<string, string>();
  const pinned = new Map<string, PairInput>();
  const refused = new Set<string>();

  for (const input of inputs) {
    const value = input.translation;
    if (value === undefined) continue;
    if (value === 'none') {
      refused.add(input.id);
      continue;
    }
    const other = /^https?:\/\//.test(value) ? bySource.get(value) : byId.get(value);
    if (!other) {
      if (/^https?:\/\//.test(value)) external.set(input.id, value);
      else
        errors.push(
          `${input.file}: translation "${value}" is not a transcript here: give the id of a file under content/remarks (its path without .md), the translation's URL, or none.`,
        );
      continue;
    }
    if (other.lang === input.lang) {
      errors.push(
        `${input.file}: translation "${value}" is in the same language (${input.lang}): name the transcript in the other language.`,
      );
      continue;
    }
    pinned.set(input.id, other);
  }
  for (const [id, other] of pinned) {
    const back = pinned.get(other.id);
    if (back && back.id !== id) {
      errors.push(
        `${byId.get(id)!.file}: translation names ${other.id}, but ${other.file} names ${back.id} as its translation: make the two agree.`,
      );
    }
    if (refused.has(other.id)) {
      errors.push(
        `${byId.get(id)!.file}: translation names ${other.id}, which says "translation: none": make the two agree.`,
      );
    }
  }

  const pairs: Pair[] = [];
  const taken = new Set<string>();
  const alignOrFail = (en: PairInput, zh: PairInput): Alignment | undefined => {
    try {
      return alignOf(en.transcript, zh.transcript);
    } catch (error) {
      if (!(error instanceof PinError)) throw error;
      errors.push(`${en.file} and ${zh.file}: ${error.message}.`);
      return undefined;
    }
  };
  for (const [id, other] of pinned) {
    const input = byId.get(id)!;
    if (taken.has(id) || taken.has(other.id)) continue;
    const [en, zh] = input.lang === 'en' ? [input, other] : [other, input];
    taken.add(en.id).add(zh.id);
    const alignment = alignOrFail(en, zh);
    if (alignment) pairs.push({ en: en.id, zh: zh.id, alignment, pinned: true });
  }

  // The rest: candidates of the same day and a compatible kind, best first, each transcript once.
  const free = (input: PairInput) => !taken.has(input.id) && !refused.has(input.id) && !external.has(input.id);
  const byDay = new Map<string, PairInput[]>();
  for (const input of inputs.filter(free)) byDay.set(input.date, [...(byDay.get(input.date) ?? []), input]);
  for (const day of [...byDay.keys()].sort()) {
    const list = byDay.get(day)!.sort((a, b) => a.id.localeCompare(b.id));
    const candidates: { en: PairInput; zh: PairInput; alignment?: Alignment; problem?: string; score: number }[] = [];
    for (const en of list.filter((input) => input.lang === 'en')) {
      for (const zh of list.filter((input) => input.lang === 'zh' && compatible(input.kind, en.kind))) {
        const bonus = en.kind === zh.kind ? 10 : 0;
        try {
          const alignment = alignOf(en.transcript, zh.transcript);
          // Same kind first; among those, the better aligned. A pair that matches little is no pair.
          if (alignment.fit > 0) candidates.push({ en, zh, alignment, score: alignment.fit + bonus });
        } catch (error) {
          // Exchange pins that fail with this candidate are reported only if it is the one chosen.
          if (!(error instanceof PinError)) throw error;
          candidates.push({ en, zh, problem: error.message, score: bonus - 5 });
        }
      }
    }
    candidates.sort((a, b) => b.score - a.score || a.en.id.localeCompare(b.en.id) || a.zh.id.localeCompare(b.zh.id));
    for (const { en, zh, alignment, problem } of candidates) {
      if (taken.has(en.id) || taken.has(zh.id)) continue;
      taken.add(en.id).add(zh.id);
      if (alignment) pairs.push({ en: en.id, zh: zh.id, alignment, pinned: false });
      else errors.push(`${en.file} and ${zh.file}: ${problem}.`);
    }
  }
  if (errors.length > 0)
    throw new PairingError(`${errors.length} translation pin(s) cannot hold:\n  ${errors.join('\n  ')}`);
  return { pairs, external };
}
