import { CROSSING_WEIGHT } from '../cjk.ts';
import type { RawHit } from './wasm.ts';

/**
 * The fewest bigrams crossing a word boundary among a result's matches of `words` words in a row
 * (a single word: 0 if any of its matches is a whole word); `words` if it has no such match.
 */
export function crossedIn(locations: RawHit['l'], words: number): number {
  // Only Chinese bigrams are ever weighted down: other text crosses nothing.
  if (!locations.some(({ w }) => w <= CROSSING_WEIGHT)) return 0;
  if (words === 1) return locations.some(({ w }) => w > CROSSING_WEIGHT) ? 0 : 1;
  // Positions in order, each once with its least weight: a match is a run of consecutive positions.
  const sorted = [...locations].sort((a, b) => a.l - b.l || a.w - b.w);
  const at: number[] = [];
  const crossing: number[] = [];
  for (const { l, w } of sorted) {
    if (at[at.length - 1] === l) continue;
    at.push(l);
    crossing.push(w <= CROSSING_WEIGHT ? 1 : 0);
  }
  let fewest = words;
  for (let start = 0; start + words <= at.length && fewest > 0; start++) {
    if (at[start + words - 1]! - at[start]! !== words - 1) continue;
    let crossed = 0;
    for (let i = start; i < start + words; i++) crossed += crossing[i]!;
    fewest = Math.min(fewest, crossed);
  }
  return fewest;
}
