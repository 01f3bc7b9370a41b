import { type Counts, type Hit, type Load, type Results, SearchableBundle } from './bundle.ts';
import { BundleError } from './errors.ts';
import { rankOf } from './page-id.ts';
import { SEGMENTS_FILE, WASM_FILE } from './entry-files.ts';
import { lastAtOrBefore } from './sorted.ts';

/**
 * A language's search index in segments by date: `week` (the week of the newest answers, and any
 * transcript published since that week began, whatever its date), `latest` (the rest of their
 * quarter, likewise) and `archive` (all else), each a compacted Pagefind bundle of its own
 * (write-bundles.ts).
 *
 * Why: an index chunk holds every answer that uses its words, so a new answer changes the chunks
 * of all its words. In one bundle a Chinese transcript touches three chunks in four, and every
 * deploy uploaded them again and every reader's cached copies went stale. Today's remarks, and a
 * transcript backfilled today, go into `week` only, at most a week's answers; `latest` changes
 * once a week and `archive` four times a year, when the first remarks of a new week or quarter
 * arrive. (With the newest year as `latest`, one transcript still changed one file in
 * twenty-five; with the newest quarter, a day at its end changed one in twenty-two.) A transcript
 * backfilled this week and dated earlier in the quarter sorts after the quarter's answers until
 * the week ends: a later segment is placed among the first segment's answers only.
 *
 * A query runs in every segment and the results are merged by score, as Pagefind merges several
 * sites' indexes; counts add up. `segments.json` (fetched fresh on every visit, like the entry
 * files) names the segments, the archive first; they share Pagefind's WebAssembly, fetched once.
 */

/**
 * A segment as segments.json lists it: its folder, the rank where each of its months begins
 * ("2019-03" → 812), where its answers fall among the first segment's by date (`placed`, for every
 * segment after the first: runs of `[rank, before]`, from its answer `rank` on, `before` answers of
 * the first segment are older or as old), and its pagefind-entry.json, so that the browser need not
 * fetch that next.
 */
export interface Segment {
  name: string;
  months: Record<string, number>;
  placed?: [rank: number, before: number][];
  entry?: unknown;
}

/** More than any segment's answers: a hit's place between two of the first segment's is a fraction of it. */
const RANK_SPAN = 1e8;

export class SearchIndex {
  private readonly segments: SearchableBundle[];
  /** Per segment, its months and the rank each begins at, in date order. */
  private readonly months: [month: string, start: number][][];
  private readonly placed: [rank: number, before: number][][];

  private constructor(segments: SearchableBundle[], listed: Segment[]) {
    this.segments = segments;
    this.months = listed.map((segment) => Object.entries(segment.months).sort(([, a], [, b]) => a - b));
    this.placed = listed.map((segment) => segment.placed ?? []);
  }

  /** Opens a language's index; `expected` is the query about to be searched, if known (SearchableBundle.open). */
  static async open(load: Load, expected?: string): Promise<SearchIndex> {
    const wasm = load(WASM_FILE);
    // Its failure is reported by the segment that waits for it, not here as well.
    wasm.catch(() => undefined);
    const listed = JSON.parse(new TextDecoder().decode(await load(`${SEGMENTS_FILE}?ts=${Date.now()}`))) as unknown;
    if (!Array.isArray(listed) || listed.length === 0 || !listed.every(isSegment))
      throw new BundleError(`${SEGMENTS_FILE} does not list the index's segments`);
    if (listed.slice(1).some((segment) => !segment.placed?.length))
      throw new BundleError(`${SEGMENTS_FILE} does not say where a later segment's answers fall by date`);
    // Whatever a segment's entry calls its WebAssembly, it is the one at the language's root.
    const loadIn = (segment: string) => (path: string) =>
      path.startsWith('wasm.') ? wasm : load(`${segment}/${path}`);
    return new SearchIndex(
      await Promise.all(listed.map(({ name, entry }) => SearchableBundle.open(loadIn(name), entry, expected))),
      listed,
    );
  }

  /** The month ("2019-03") of a segment's answer of `rank`, from segments.json alone: no fragment is fetched. */
  private monthOf(segment: number, rank: number): string {
    const months = this.months[segment] ?? [];
    return months[lastAtOrBefore(months.length, (i) => months[i]![1], rank)]?.[0] ?? '';
  }

  /**
   * A segment's answer's place in date order over all segments: the first segment's answers are
   * their ranks; a later segment's fall between the two of the first it is placed between
   * (`Segment.placed`), after the first's of the same date, the segments in turn.
   */
  private placeOf(segment: number, rank: number): number {
    if (segment === 0) return rank;
    const runs = this.placed[segment] ?? [];
    const before = runs[lastAtOrBefore(runs.length, (i) => runs[i]![0], rank)]?.[1] ?? 0;
    return before - 1 + (segment + (rank + 1) / RANK_SPAN) / this.segments.length;
  }

  /** Answers matching `query` in every segment, best first; each hit's `rank` orders them by date. */
  async search(query: string | null, filters: Record<string, { any: string[] }> = {}): Promise<Results> {
    const parts = await Promise.all(this.segments.map((segment) => segment.search(query, filters)));
    // Hits are placed and marked in place: at 10x a query can have thousands, each copy a cost.
    const results: Hit[] = parts.flatMap((part, i) => {
      for (const hit of part.results) {
        const rank = rankOf(hit.id);
        // Ids meet across segments: the page knows a hit by its number (index-service.ts).
        hit.ref = i * RANK_SPAN + rank;
        hit.month = this.monthOf(i, rank);
        hit.rank = this.placeOf(i, rank);
      }
      return part.results;
    });
    // A match across a word boundary (访华|为 for 华为) ranks below the matches of the word.
    const fewest = results.reduce((least, hit) => Math.min(least, hit.crossed), Infinity);
    for (const hit of results) hit.demoted = hit.crossed > fewest;
    results.sort(byRelevance);
    return {
      results,
      filters: addCounts(parts.map((part) => part.filters)),
      totalFilters: addCounts(parts.map((part) => part.totalFilters)),
    };
  }

  /** Fetches the index chunks `query` needs in every segment (SearchableBundle.preload). */
  async preload(query: string): Promise<void> {
    await Promise.all(this.segments.map((segment) => segment.preload(query)));
  }

  /** Every filter's values with their counts over the whole index. */
  async filters(): Promise<Counts> {
    return addCounts(await Promise.all(this.segments.map((segment) => segment.filters())));
  }
}

/** Best match first: whole-word matches before the others, then by score. */
export function byRelevance(a: Hit, b: Hit): number {
  return Number(a.demoted) - Number(b.demoted) || b.score - a.score;
}

function isSegment(value: unknown): value is Segment {
  if (typeof value !== 'object' || value === null) return false;
  const { name, months, placed } = value as { name?: unknown; months?: unknown; placed?: unknown };
  return (
    typeof name === 'string' &&
    typeof months === 'object' &&
    months !== null &&
    Object.values(months).every((start) => typeof start === 'number') &&
    (placed === undefined ||
      (Array.isArray(placed) &&
        placed.every((run) => Array.isArray(run) && run.length === 2 && run.every((n) => typeof n === 'number'))))
  );
}

function addCounts(all: Counts[]): Counts {
  const sum: Counts = {};
  for (const counts of all) {
    for (const [filter, values] of Object.entries(counts)) {
      const into = (sum[filter] ??= {});
      for (const [value, count] of Object.entries(values)) into[value] = (into[value] ?? 0) + count;
    }
  }
  return sum;
}
