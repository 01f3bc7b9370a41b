import { anchorsOf, measure } from './anchors.ts';

/**
 * Aligning the exchanges of a transcript with those of its translation, in order: dynamic
 * programming in the manner of Gale and Church (1993), where each step matches one exchange with
 * one, two or three with one (a follow-up one version asks on its own), or leaves one out of the
 * other version. A match scores by how well the lengths agree (a Chinese text runs at a steady
 * ratio to its English) and by the anchors both share (numbers, dates, names from the bilingual
 * table); leaving an exchange out costs a fixed penalty, so the aligner only does it where the
 * lengths and anchors make every other choice worse. Measured: bench/results/translations.md.
 */

/** One exchange (or the opening statements) as the aligner sees it. */
export interface Unit {
  id: string;
  /** Question and answer as plain text, the asker's label included (an outlet's name is an anchor). */
  text: string;
  /** Pinned in front matter: the counterpart's id, or `none`. */
  pin?: string;
  /** Follow-ups and after-the-conference questions the exchange holds inside it. */
  followUps?: number;
  /** The exchange presents itself as a follow-up ("Follow-up:", "追问：", "A quick follow-up."). */
  followUp?: boolean;
}

/** A line of the alignment: a pair of exchanges, or one exchange that has no counterpart. */
export interface Link {
  en?: string;
  zh?: string;
  /**
   * How sure the aligner is, from 0 to 1: how much worse the best alignment that decides otherwise
   * scores. 1 where an editor pinned it.
   */
  confidence: number;
  pinned: boolean;
}

export interface Alignment {
  links: Link[];
  /** The alignment's score per exchange: how well the two transcripts correspond (pairing picks the best). */
  fit: number;
}

/** A pin that cannot hold: it names no exchange, or crosses another. */
export class PinError extends Error {}

/** The id the opening statements take in an alignment: they can only pair with each other. */
export const OPENING = 'opening';

const SKIP = 0.9;
/**
 * Two exchanges against one: a follow-up one version gives as its own exchange and the other keeps
 * inside the question before it. Cheap where the texts show it (the one holds more follow-ups than
 * the first of the two, or the second presents itself as a follow-up); otherwise dearer than
 * leaving an exchange out, since nothing then tells a merge from an omission but lengths.
 */
const MERGE_SHOWN = 0.2;
const MERGE_UNSHOWN = 1.5;
const ANCHOR_WEIGHT = 2;
const LENGTH_WEIGHT = 1;
const LENGTH_SIGMA = 0.45;
/** Margins above this read as certain: a match that alone outweighs leaving out two exchanges. */
const MARGIN_SCALE = SKIP;

export function align(en: Unit[], zh: Unit[]): Alignment {
  checkPins(en, zh);
  // Each step's worth is asked for again by every re-solve that measures a confidence: work it out
  // once, in a table by where the step ends and which move it is (no arrays or strings per lookup:
  // at a large archive's scale the re-solves were a noticeable part of a build).
  const worth = gainFunction(en, zh);
  const known = new Float64Array((en.length + 1) * (zh.length + 1) * moves.length).fill(NaN);
  const gain: StepGain = (i, j, k) => {
    const at = (i * (zh.length + 1) + j) * moves.length + k;
    let value = known[at]!;
    if (Number.isNaN(value)) known[at] = value = worth(range(i, moves[k]![0]), range(j, moves[k]![1]));
    return value;
  };
  const best = solve(en.length, zh.length, gain);
  if (best.score === -Infinity) throw new PinError(describeConflict(en, zh));
  const links: Link[] = [];
  let matched = 0;
  let matchGain = 0;
  for (const step of best.path) {
    const enIds = step.en.map((i) => en[i]!.id);
    const zhIds = step.zh.map((j) => zh[j]!.id);
    const units = [...step.en.map((i) => en[i]!), ...step.zh.map((j) => zh[j]!)];
    const pinned = units.some((unit) => unit.pin !== undefined);
    const without = pinned ? -Infinity : solve(en.length, zh.length, gain, step.end).score;
    const confidence = certainty(best.score - without);
    if (enIds.length > 0 && zhIds.length > 0) {
      matched += step.en.length + step.zh.length;
      matchGain += step.value;
    }
    if (enIds.length === 0) links.push({ zh: zhIds[0]!, confidence, pinned });
    else if (zhIds.length === 0) links.push({ en: enIds[0]!, confidence, pinned });
    // Two exchanges of one version in one of the other (a follow-up asked as its own question):
    // each of the two is linked to the one.
    else for (const e of enIds) for (const z of zhIds) links.push({ en: e, zh: z, confidence, pinned });
  }
  const units = Math.max(en.length, zh.length, 1);
  return { links, fit: (matchGain - SKIP * (en.length + zh.length - matched)) / units };
}

function certainty(margin: number): number {
  if (margin === Infinity) return 1;
  return Math.round(Math.min(1, Math.max(0, margin / (2 * MARGIN_SCALE))) * 100) / 100;
}

/** What a step of the alignment is worth: exchanges `en` matched with exchanges `zh`, or one left out. */
type Gain = (en: number[], zh: number[]) => number;

function gainFunction(en: Unit[], zh: Unit[]): Gain {
  const a = en.map((unit) => anchorsOf(unit.text, 'en'));
  const b = zh.map((unit) => anchorsOf(unit.text, 'zh'));
  const lengthsEn = en.map((unit) => measure(unit.text));
  const lengthsZh = zh.map((unit) => measure(unit.text));
  // Anchors of a kind the other version never has (English words, Chinese numerals) say nothing.
  const shared = new Set(a.flatMap((set) => [...set]).filter((key) => b.some((set) => set.has(key))));
  const frequency = new Map<string, number>();
  for (const set of [...a, ...b]) {
    for (const key of set) if (shared.has(key)) frequency.set(key, (frequency.get(key) ?? 0) + 1);
  }
  // A name every exchange mentions tells them apart less than one only two of them do.
  const weight = (key: string) => Math.log(1 + (en.length + zh.length) / frequency.get(key)!);
  const union = (sets: Set<string>[]) => new Set(sets.flatMap((set) => [...set].filter((key) => shared.has(key))));
  const weigh = (set: Set<string>) => [...set].reduce((sum, key) => sum + weight(key), 0);
  const sum = (list: number[]) => list.reduce((total, n) => total + n, 0);
  const totalEn = sum(lengthsEn);
  const totalZh = sum(lengthsZh);
  const ratio = totalEn > 0 && totalZh > 0 ? totalZh / totalEn : 0.4;
  return (is, js) => {
    if (is.length === 0 || js.length === 0) {
      const unit = is.length > 0 ? en[is[0]!]! : zh[js[0]!]!;
      // A pin naming a counterpart forbids leaving the exchange out.
      return unit.pin === undefined || unit.pin === 'none' ? -SKIP : -Infinity;
    }
    const left = is.map((i) => en[i]!);
    const right = js.map((j) => zh[j]!);
    const pinsHold = (units: Unit[], others: Unit[]) =>
      units.every((unit) => unit.pin === undefined || others.some((other) => other.id === unit.pin));
    if (!pinsHold(left, right) || !pinsHold(right, left)) return -Infinity;
    const openings = [...left, ...right].filter((unit) => unit.id === OPENING).length;
    if (openings !== 0 && (openings !== 2 || left.length + right.length !== 2)) return -Infinity;
    const anchorsEn = union(is.map((i) => a[i]!));
    const anchorsZh = union(js.map((j) => b[j]!));
    const common = [...anchorsEn].filter((key) => anchorsZh.has(key));
    const mean = (weigh(anchorsEn) + weigh(anchorsZh)) / 2;
    const anchors = mean > 0 ? common.reduce((total, key) => total + weight(key), 0) / mean : 0;
    const deviation = Math.log(
      (sum(js.map((j) => lengthsZh[j]!)) + 8) / (ratio * sum(is.map((i) => lengthsEn[i]!)) + 8),
    );
    const length = Math.exp(-(deviation * deviation) / (2 * LENGTH_SIGMA * LENGTH_SIGMA));
    const merge = is.length + js.length > 2 ? mergeCost(left, right) : 0;
    return ANCHOR_WEIGHT * anchors + LENGTH_WEIGHT * length - merge;
  };
}

function mergeCost(left: Unit[], right: Unit[]): number {
  const [one, two] = left.length === 1 ? [left[0]!, right] : [right[0]!, left];
  const extra = two.length - 1;
  const shown =
    (one.followUps ?? 0) - (two[0]!.followUps ?? 0) >= extra || two.slice(1).every((unit) => unit.followUp === true);
  return shown ? MERGE_SHOWN : MERGE_UNSHOWN;
}

function checkPins(en: Unit[], zh: Unit[]): void {
  const dangling = [
    ...en.filter((unit) => unit.pin !== undefined && unit.pin !== 'none' && !zh.some((other) => other.id === unit.pin)),
    ...zh.filter((unit) => unit.pin !== undefined && unit.pin !== 'none' && !en.some((other) => other.id === unit.pin)),
  ];
  if (dangling.length > 0) {
    throw new PinError(
      dangling
        .map((unit) => `exchange "${unit.id}" pins translation "${unit.pin}", which the other version does not have`)
        .join('; '),
    );
  }
}

interface Step {
  en: number[];
  zh: number[];
  value: number;
  /** Where the step ends and which move it is, as `solve` names it. */
  end: StepEnd;
}

interface StepEnd {
  i: number;
  j: number;
  move: number;
}

/** The worth of the step `moves[k]` that ends after en exchange `i` and zh exchange `j`. */
type StepGain = (i: number, j: number, k: number) => number;

/** One exchange with one, one left out on either side, or two or three with one (Gale and Church's 2–1, widened). */
const moves: [number, number][] = [
  [1, 1],
  [1, 0],
  [0, 1],
  [2, 1],
  [1, 2],
  [3, 1],
  [1, 3],
];

const range = (end: number, count: number) => Array.from({ length: count }, (_, k) => end - count + k);

/** The best order-preserving alignment, optionally with one step (its exchanges, wherever it ends) forbidden. */
function solve(m: number, n: number, gain: StepGain, forbid?: StepEnd): { score: number; path: Step[] } {
  const score: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(-Infinity));
  const move: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(-1));
  score[0]![0] = 0;
  for (let i = 0; i <= m; i++) {
    for (let j = 0; j <= n; j++) {
      if (i === 0 && j === 0) continue;
      for (let k = 0; k < moves.length; k++) {
        const [di, dj] = moves[k]!;
        if (i < di || j < dj || score[i - di]![j - dj] === -Infinity) continue;
        // A step that leaves an exchange out is the same step wherever the other version stands.
        if (forbid?.move === k && (di === 0 || forbid.i === i) && (dj === 0 || forbid.j === j)) continue;
        const value = score[i - di]![j - dj]! + gain(i, j, k);
        if (value > score[i]![j]!) {
          score[i]![j] = value;
          move[i]![j] = k;
        }
      }
    }
  }
  const path: Step[] = [];
  if (score[m]![n]! > -Infinity) {
    for (let i = m, j = n; i > 0 || j > 0;) {
      const k = move[i]![j]!;
      const [di, dj] = moves[k]!;
      const value = score[i]![j]! - score[i - di]![j - dj]!;
      path.push({ en: range(i, di), zh: range(j, dj), value, end: { i, j, move: k } });
      i -= di;
      j -= dj;
    }
  }
  return { score: score[m]![n]!, path: path.reverse() };
}

function describeConflict(en: Unit[], zh: Unit[]): string {
  const pins = [...en, ...zh].filter((unit) => unit.pin !== undefined && unit.pin !== 'none');
  return `the pinned translations cannot all hold in order (${pins.map((unit) => `${unit.id} → ${unit.pin}`).join(', ')}): pins must keep both versions' order and agree from both sides`;
}
