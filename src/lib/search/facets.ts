import type { SearchRecord } from './records.ts';

/** The filters a reader can choose, in the order the search page shows them. */
export const FACETS = ['spokesperson', 'year', 'kind', 'topic'] as const;

export type FacetCounts = Record<string, [value: string, count: number][]>;

/**
 * How many answers carry each filter value, over all records: the search page shows these before
 * any search (so browsing by filter needs no index download) and sorts each group for reading:
 * years newest first, other values most frequent first.
 */
export function facetCounts(records: SearchRecord[]): FacetCounts {
  const counts: FacetCounts = {};
  for (const facet of FACETS) {
    const tally = new Map<string, number>();
    for (const record of records)
      for (const value of record.filters[facet] ?? []) tally.set(value, (tally.get(value) ?? 0) + 1);
    if (tally.size === 0) continue;
    counts[facet] = [...tally].sort(([a, x], [b, y]) =>
      facet === 'year' ? b.localeCompare(a) : y - x || a.localeCompare(b),
    );
  }
  return counts;
}
