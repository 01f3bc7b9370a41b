/**
 * A search run in each language's index: the query as Pagefind should see it, looser forms of a
 * Chinese query tried while it finds nothing, ordered by date if asked (a result's rank is its
 * place in date order, so no sort table is needed), counted by month for the chart, then
 * narrowed to the month chosen on it.
 */
import { looserQueries, toPagefindQuery } from '../../lib/search/cjk.ts';
import type { Results } from '../../lib/search/pagefind/read.ts';
import type { Lang } from '../../schemas/transcript.ts';
import type { SearchState } from './url-state.ts';

/** What the page needs of an open index (SearchIndex). */
export interface Searchable {
  /** `ahead`: how many of the best results' fragments to fetch with the search. */
  search(query: string | null, filters: Record<string, { any: string[] }>, ahead?: number): Promise<Results>;
}

/** A language's results, and how many of them each month holds before a month is chosen (for the chart). */
export interface Searched {
  search: Results;
  byMonth: Map<string, number>;
}

/** The state's filters as Pagefind takes them. */
export function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  return Object.fromEntries(Object.entries(state.filters).map(([name, values]) => [name, { any: values }]));
}

/**
 * `firstPage`: how many results a page shows, whose fragments are fetched with a search by
 * relevance (a search by date shows others: its fragments are fetched once it is sorted).
 */
export function runSearches(
  state: SearchState,
  byDate: 'asc' | 'desc' | undefined,
  indexOf: (lang: Lang) => Promise<Searchable>,
  firstPage = 0,
): Promise<Searched[]> {
  const browsing = state.q.trim() === '';
  const selected = pagefindFilters(state);
  return Promise.all(
    state.langs.map(async (lang) => {
      const index = await indexOf(lang);
      let query = browsing ? null : toPagefindQuery(state.q);
      const ahead = byDate ? 0 : firstPage;
      let search = await index.search(query, selected, ahead);
      for (const looser of browsing ? [] : looserQueries(state.q)) {
        if (search.results.length > 0) break;
        search = await index.search(looser, selected, ahead);
        query = looser;
      }
      if (byDate) search.results.sort((a, b) => (byDate === 'asc' ? 1 : -1) * (a.rank - b.rank));
      const byMonth = new Map<string, number>();
      const months = search.results.map((hit) => hit.month);
      for (const month of months) byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
      if (state.month) {
        // The counts beside the filters follow the month chosen on the chart: the same search
        // within the month, with the filters chosen (`filters`) and without them (`totalFilters`,
        // which a group counts by when it is the only one chosen).
        const month = { month: { any: [state.month] } };
        const [inMonth, monthOnly] = await Promise.all([
          index.search(query, { ...selected, ...month }),
          index.search(query, month),
        ]);
        search = {
          results: search.results.filter((_, i) => months[i] === state.month),
          filters: inMonth.filters,
          totalFilters: monthOnly.filters,
        };
      }
      return { search, byMonth };
    }),
  );
}

/** The months' counts of every language's results together. */
export function monthCounts(searched: Searched[]): Map<string, number> {
  const byMonth = new Map<string, number>();
  for (const { byMonth: counts } of searched)
    for (const [month, n] of counts) byMonth.set(month, (byMonth.get(month) ?? 0) + n);
  return byMonth;
}

/**
 * The count beside a filter's value for this search; in a group with a choice made, as if it
 * were not (when it is the only group chosen). A language's count is its results', or blank if
 * it was not searched.
 */
export function filterCount(state: SearchState, searches: Results[], name: string, value: string): number | string {
  if (name === 'lang') {
    const i = state.langs.indexOf(value as Lang);
    return i >= 0 ? searches[i]!.results.length : '';
  }
  const names = Object.keys(state.filters);
  const only = names.length === 1 ? names[0] : undefined;
  let count = 0;
  for (const search of searches) count += (name === only ? search.totalFilters : search.filters)[name]?.[value] ?? 0;
  return count;
}

/**
 * The values of a filter this search counts most, most first, counted as `filterCount` counts
 * them: the entities a reader would narrow these results by.
 */
export function topValues(state: SearchState, searches: Results[], name: string, n: number): [string, number][] {
  const names = Object.keys(state.filters);
  const only = names.length === 1 ? names[0] : undefined;
  const counts = new Map<string, number>();
  for (const search of searches) {
    for (const [value, count] of Object.entries((name === only ? search.totalFilters : search.filters)[name] ?? {}))
      counts.set(value, (counts.get(value) ?? 0) + count);
  }
  return [...counts]
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, n);
}
