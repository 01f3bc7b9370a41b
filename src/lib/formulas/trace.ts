import type { Lang } from '../../schemas/transcript.ts';
import { NearIndex, commonLength, editDistance } from './near.ts';
import { type Sentence, sentencesOf, traceable } from './sentences.ts';

/**
 * The tracer: every sentence of every answer, followed back through the answers said before it
 * in the same language. A sentence is the same as an earlier one when the two read alike after
 * spacing, punctuation, case and width (exact), or when only a name, a date or a word or two
 * changed, or one adds a lead-in or a clause to the other (near: found through MinHash buckets,
 * confirmed by edit distance or the longest common run of tokens).
 *
 * Each sentence joins the formula of the earliest-found wording it matches, or starts one; a
 * formula is thus the chain of its wordings over time, and a sentence's trace only ever depends
 * on what was said before it. So adding today's transcript changes no earlier answer's trace: it
 * adds uses to old formulas and starts new ones.
 */
export interface TracedAnswer {
  lang: Lang;
  text: string;
}

export interface Formula {
  /** Position in the order formulas were first said (the tracer's output order). */
  n: number;
  lang: Lang;
  /** The answers using it (indices into the tracer's input), in the order they were said, each once. */
  answers: number[];
  /** Each wording (by key), with the answer and sentence that first said it and its number of sentences. */
  wordings: Map<string, { answer: number; sentence: number; count: number }>;
}

/** One followed sentence of an answer. */
export interface Traced {
  /** Its position among the answer's sentences (`sentencesOf` the answer's text), from 0. */
  at: number;
  formula: Formula;
  /**
   * Where it was first said: the earliest sentence the tracer compared it with and found the
   * same (its own wording's first use, or an earlier wording near it); itself when said here first.
   */
  origin: { answer: number; sentence: number };
  /** How many answers used its formula since its origin and before this one (0: said here first). */
  before: number;
  /** How many answers had used its formula by this one, this one included. */
  uses: number;
  /** Whether its wording differs from every earlier one (a near-exact match). */
  near: boolean;
}

/** An answer's followed sentences, in order; sentences too short to follow are left out. */
export type Trace = Traced[];

/** Edits (of words in English, characters in Chinese) a near-exact wording may differ by: one in five, at most four. */
export function allowedEdits(tokens: number): number {
  return Math.min(4, Math.max(1, Math.floor(tokens / 5)));
}

/**
 * Whether one wording holds the other all but a word in ten, and is not much longer: the same
 * sentence with a lead-in ("As I just said, …", 我要重申，…) or a clause added. The longer may be
 * at most two thirds longer, so a sentence that merely quotes a short formula stays its own.
 */
function contains(a: readonly string[], b: readonly string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length * 0.6 > short.length) return false;
  const kept = commonLength(short, long);
  return kept >= short.length * 0.9 && kept >= long.length * 0.6;
}

/** Traces `answers`, given in the order they were said (oldest first). */
export function trace(answers: readonly TracedAnswer[]): { traces: Trace[]; formulas: Formula[] } {
  const tracer = new Tracer();
  for (const answer of answers) tracer.add(answer);
  return tracer;
}

/**
 * What the tracer has followed so far, resumable: an answer's trace depends only on the answers
 * before it, so a build whose chronology extends the last one's (today's transcript added) can
 * restore the last state and trace only the new answers (resume.ts keeps it between builds).
 */
export class Tracer {
  readonly traces: Trace[] = [];
  readonly formulas: Formula[] = [];
  /** Every wording, in the order first said: all a tracer needs to go on (see `Tracer.from`). */
  readonly wordings: Wording[] = [];
  readonly #byLang = new Map<Lang, Seen>();

  /** The tracer that had followed `traces`, making `formulas` and `wordings` (each in its order) on the way. */
  static from(traces: Trace[], formulas: Formula[], wordings: readonly Wording[]): Tracer {
    const tracer = new Tracer();
    // Not push(...): at 10x that is more arguments than a call takes.
    for (const trace of traces) tracer.traces.push(trace);
    for (const formula of formulas) tracer.formulas.push(formula);
    // Re-added in the order they were said: the buckets fill, and stop at CROWDED, as they did.
    for (const wording of wordings)
      tracer.#remember(wording, tracer.#seen(wording.formula.lang).near.signature(wording.tokens));
    return tracer;
  }

  /** Follows the next answer said, after every answer added before it. */
  add(answer: TracedAnswer): Trace {
    const index = this.traces.length;
    const seen = this.#seen(answer.lang);
    const result: Trace = [];
    sentencesOf(answer.text, answer.lang).forEach((sentence, at) => {
      if (!traceable(sentence, answer.lang)) return;
      let wording = seen.exact.get(sentence.key);
      let near = false;
      if (!wording) {
        const signature = seen.near.signature(sentence.tokens);
        const match = nearest(seen.near.candidates(signature), sentence, answer.lang);
        near = match !== undefined;
        let formula = match?.wording.formula;
        if (!formula) {
          formula = { n: this.formulas.length, lang: answer.lang, answers: [], wordings: new Map() };
          this.formulas.push(formula);
        }
        wording = {
          key: sentence.key,
          formula,
          tokens: sentence.tokens,
          first: { answer: index, sentence: at },
          origin: match?.origin ?? { answer: index, sentence: at },
        };
        formula.wordings.set(sentence.key, { answer: index, sentence: at, count: 0 });
        this.#remember(wording, signature);
      }
      const { formula, origin } = wording;
      formula.wordings.get(sentence.key)!.count++;
      if (formula.answers.at(-1) !== index) formula.answers.push(index);
      result.push({
        at,
        formula,
        origin,
        before: formula.answers.length - positionOf(formula.answers, origin.answer) - 1,
        uses: formula.answers.length,
        near,
      });
    });
    this.traces.push(result);
    return result;
  }

  #seen(lang: Lang): Seen {
    let seen = this.#byLang.get(lang);
    if (!seen) this.#byLang.set(lang, (seen = { exact: new Map(), near: new NearIndex() }));
    return seen;
  }

  #remember(wording: Wording, signature: Int32Array): void {
    const seen = this.#seen(wording.formula.lang);
    seen.exact.set(wording.key, wording);
    seen.near.add(signature, wording);
    this.wordings.push(wording);
  }
}

interface Seen {
  /** Every wording said so far, by key. */
  exact: Map<string, Wording>;
  near: NearIndex<Wording>;
}

/** Where in `answers` (ascending) the first answer at or after `since` is. */
export function positionOf(answers: readonly number[], since: number): number {
  let low = 0;
  let high = answers.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (answers[middle]! < since) low = middle + 1;
    else high = middle;
  }
  return low;
}

export interface Wording {
  /** Its key (sentences.ts keyOf): the same key is the same wording. */
  key: string;
  formula: Formula;
  tokens: string[];
  /** Its own first use. */
  first: { answer: number; sentence: number };
  /** The first use of the earliest wording found the same as it (its own, if none). */
  origin: { answer: number; sentence: number };
}

/** How near two wordings are: their edit distance within the allowed edits, one more for a containment, else Infinity. */
function nearness(a: readonly string[], b: readonly string[]): number {
  const allowed = allowedEdits(Math.min(a.length, b.length));
  const distance = editDistance(a, b, allowed);
  // A lead-in or an added clause: ranked after every wording within its edits.
  return distance === Infinity && contains(a, b) ? allowed + 1 : distance;
}

/**
 * Words that turn a sentence around: two wordings that differ by one of them ("符合" and "不符合
 * 国际社会的共同利益") are not the same formula however close they are.
 */
const NEGATIONS: Record<Lang, ReadonlySet<string>> = {
  en: new Set([
    'not',
    'no',
    'never',
    'nor',
    "don't",
    "doesn't",
    "didn't",
    "isn't",
    "aren't",
    "won't",
    'cannot',
    'neither',
  ]),
  zh: new Set(['不', '没', '无', '非', '未', '别', '勿']),
};

function negationDiffers(a: readonly string[], b: readonly string[], lang: Lang): boolean {
  const count = (tokens: readonly string[]) => tokens.filter((token) => NEGATIONS[lang].has(token)).join(' ');
  return count(a) !== count(b);
}

/**
 * The formula of the earlier wording nearest to `sentence` (the oldest formula on a tie), and the
 * earliest first use among that formula's wordings found near it: what the answer says was "first
 * said". A formula may chain wordings that drift apart ("维护地区和平稳定" … "为维护地区及世界的
 * 和平安全与稳定贡献正能量"); a sentence's origin is always a wording near it, never the far end
 * of a chain.
 */
function nearest(
  candidates: readonly Wording[],
  sentence: Sentence,
  lang: Lang,
): { wording: Wording; origin: { answer: number; sentence: number } } | undefined {
  const near: { wording: Wording; distance: number }[] = [];
  for (const candidate of candidates) {
    if (negationDiffers(sentence.tokens, candidate.tokens, lang)) continue;
    const distance = nearness(sentence.tokens, candidate.tokens);
    if (distance !== Infinity) near.push({ wording: candidate, distance });
  }
  if (near.length === 0) return undefined;
  near.sort((a, b) => a.distance - b.distance || a.wording.formula.n - b.wording.formula.n);
  const { wording } = near[0]!;
  const origin = near
    .filter((each) => each.wording.formula === wording.formula)
    .map((each) => each.wording.first)
    .reduce((a, b) => (b.answer < a.answer ? b : a));
  return { wording, origin };
}
