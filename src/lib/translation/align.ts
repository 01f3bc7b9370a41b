import { anchorsOf, measure } from './anchors.ts';

/**
 * Aligning the exchanges of a transcript with those of its translation, in order: dynamic
 * programming in the manner of Gale and Church (1993), where each step matches one exchange with
 * one, or leaves one out of the other version. A match scores by how well the two lengths agree
 * (a Chinese text runs at a steady ratio to its English) and by the anchors both share (numbers,
 * dates, names from the bilingual table); leaving an exchange out costs a fixed penalty, so the
 * aligner only does it where the lengths and anchors make the other choice worse.
 */

/** One exchange (or the opening statements) as the aligner sees it. */
export interface Unit {
  id: string;
  /** Question and answer as plain text, the asker's label included (an outlet's name is an anchor). */
  text: string;
  /** Pinned in front matter: the counterpart's id, or `none`. */
  pin?: string;
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
  /** Mean score of the matches per exchange: how well the two transcripts correspond, for pairing. */
  fit: number;
}

/** A pin that cannot hold: it names no exchange, or crosses another. */
export class PinError extends Error {}

/** The id the opening statements take in an alignment: they can only pair with each other. */
export const OPENING = 'opening';

const SKIP = 0.9;
const ANCHOR_WEIGHT = 2;
const LENGTH_WEIGHT = 1;
const LENGTH_SIGMA = 0.45;
/** Margins above this read as certain: a match that alone outweighs leaving out two exchanges. */
const MARGIN_SCALE = SKIP;

interface Features {
  anchors: Set<string>[];
  lengths: number[];
}

export function align(en: Unit[], zh: Unit[]): Alignment {
  const gains = gainMatrix(en, zh);
  const { skipEn, skipZh } = skipCosts(en, zh);
  const best = solve(gains, skipEn, skipZh);
  if (best.score === -Infinity) throw new PinError(describeConflict(en, zh));
  const links: Link[] = [];
  let matched = 0;
  let matchGain = 0;
  for (const step of best.path) {
    if (step.i !== undefined && step.j !== undefined) {
      const pinned = en[step.i]!.pin !== undefined || zh[step.j]!.pin !== undefined;
      const without = pinned ? -Infinity : solve(gains, skipEn, skipZh, { i: step.i, j: step.j }).score;
      matched += 1;
      matchGain += gains[step.i]![step.j]!;
      links.push({ en: en[step.i]!.id, zh: zh[step.j]!.id, confidence: certainty(best.score - without), pinned });
    } else if (step.i !== undefined) {
      const pinned = en[step.i]!.pin === 'none';
      const forced = pinned ? -Infinity : solve(gains, skipEn.with(step.i, -Infinity), skipZh).score;
      links.push({ en: en[step.i]!.id, confidence: certainty(best.score - forced), pinned });
    } else {
      const j = step.j!;
      const pinned = zh[j]!.pin === 'none';
      const forced = pinned ? -Infinity : solve(gains, skipEn, skipZh.with(j, -Infinity)).score;
      links.push({ zh: zh[j]!.id, confidence: certainty(best.score - forced), pinned });
    }
  }
  const units = Math.max(en.length, zh.length, 1);
  return { links, fit: (matchGain - SKIP * (en.length + zh.length - 2 * matched)) / units };
}

function certainty(margin: number): number {
  if (margin === Infinity) return 1;
  return Math.round(Math.min(1, Math.max(0, margin / (2 * MARGIN_SCALE))) * 100) / 100;
}

function features(units: Unit[], lang: 'en' | 'zh'): Features {
  return { anchors: units.map((unit) => anchorsOf(unit.text, lang)), lengths: units.map((unit) => measure(unit.text)) };
}

/** What a match of en[i] with zh[j] is worth; -Infinity where pins or openings forbid it. */
function gainMatrix(en: Unit[], zh: Unit[]): number[][] {
  const a = features(en, 'en');
  const b = features(zh, 'zh');
  // Anchors of a kind the other version never has (English words, Chinese numerals) say nothing.
  const shared = new Set(
    [...a.anchors.flatMap((set) => [...set])].filter((key) => b.anchors.some((set) => set.has(key))),
  );
  const frequency = new Map<string, number>();
  for (const set of [...a.anchors, ...b.anchors]) {
    for (const key of set) if (shared.has(key)) frequency.set(key, (frequency.get(key) ?? 0) + 1);
  }
  // A name every exchange mentions tells them apart less than one only two of them do.
  const weight = (key: string) => Math.log(1 + (en.length + zh.length) / frequency.get(key)!);
  const weigh = (set: Set<string>) =>
    [...set].filter((key) => shared.has(key)).reduce((sum, key) => sum + weight(key), 0);
  const totalEn = a.lengths.reduce((sum, n) => sum + n, 0);
  const totalZh = b.lengths.reduce((sum, n) => sum + n, 0);
  const ratio = totalEn > 0 && totalZh > 0 ? totalZh / totalEn : 0.4;
  return en.map((left, i) =>
    zh.map((right, j) => {
      if (!allowed(left, right) || !allowed(right, left)) return -Infinity;
      if ((left.id === OPENING) !== (right.id === OPENING)) return -Infinity;
      const common = [...a.anchors[i]!].filter((key) => shared.has(key) && b.anchors[j]!.has(key));
      const sum = (weigh(a.anchors[i]!) + weigh(b.anchors[j]!)) / 2;
      const anchors = sum > 0 ? common.reduce((total, key) => total + weight(key), 0) / sum : 0;
      const deviation = Math.log((b.lengths[j]! + 8) / (ratio * a.lengths[i]! + 8));
      const length = Math.exp(-(deviation * deviation) / (2 * LENGTH_SIGMA * LENGTH_SIGMA));
      return ANCHOR_WEIGHT * anchors + LENGTH_WEIGHT * length;
    }),
  );
}

function allowed(unit: Unit, other: Unit): boolean {
  return unit.pin === undefined || unit.pin === other.id;
}

function skipCosts(en: Unit[], zh: Unit[]): { skipEn: number[]; skipZh: number[] } {
  const cost = (unit: Unit, others: Unit[]) =>
    unit.pin === undefined || unit.pin === 'none'
      ? -SKIP
      : // A pin naming a real counterpart forbids leaving the exchange out; one naming nothing is reported.
        others.some((other) => other.id === unit.pin)
        ? -Infinity
        : Number.NaN;
  const skipEn = en.map((unit) => cost(unit, zh));
  const skipZh = zh.map((unit) => cost(unit, en));
  const dangling = [...en.filter((_, i) => Number.isNaN(skipEn[i])), ...zh.filter((_, j) => Number.isNaN(skipZh[j]))];
  if (dangling.length > 0) {
    throw new PinError(
      dangling
        .map((unit) => `exchange "${unit.id}" pins translation "${unit.pin}", which the other version does not have`)
        .join('; '),
    );
  }
  return { skipEn, skipZh };
}

interface Step {
  i?: number;
  j?: number;
}

/** The best order-preserving alignment, optionally with one match forbidden. */
function solve(
  gains: number[][],
  skipEn: number[],
  skipZh: number[],
  forbid?: { i: number; j: number },
): { score: number; path: Step[] } {
  const m = skipEn.length;
  const n = skipZh.length;
  const score: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(-Infinity));
  const move: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  score[0]![0] = 0;
  for (let i = 0; i <= m; i++) {
    for (let j = 0; j <= n; j++) {
      if (i === 0 && j === 0) continue;
      let best = -Infinity;
      let how = 0;
      if (i > 0 && j > 0 && !(forbid && forbid.i === i - 1 && forbid.j === j - 1)) {
        const value = score[i - 1]![j - 1]! + gains[i - 1]![j - 1]!;
        if (value > best) [best, how] = [value, 1];
      }
      if (i > 0) {
        const value = score[i - 1]![j]! + skipEn[i - 1]!;
        if (value > best) [best, how] = [value, 2];
      }
      if (j > 0) {
        const value = score[i]![j - 1]! + skipZh[j - 1]!;
        if (value > best) [best, how] = [value, 3];
      }
      score[i]![j] = best;
      move[i]![j] = how;
    }
  }
  const path: Step[] = [];
  for (let i = m, j = n; (i > 0 || j > 0) && score[m]![n]! > -Infinity;) {
    const how = move[i]![j]!;
    if (how === 1) path.push({ i: --i, j: --j });
    else if (how === 2) path.push({ i: --i });
    else path.push({ j: --j });
  }
  return { score: score[m]![n]!, path: path.reverse() };
}

function describeConflict(en: Unit[], zh: Unit[]): string {
  const pins = [...en, ...zh].filter((unit) => unit.pin !== undefined && unit.pin !== 'none');
  return `the pinned translations cannot all hold in order (${pins.map((unit) => `${unit.id} → ${unit.pin}`).join(', ')}): pins must keep both versions' order and agree from both sides`;
}
