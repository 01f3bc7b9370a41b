/**
 * The whole search lives in the URL (?q=&lang=&spokesperson=&year=&kind=&topic=&sort=&month=), so
 * that it can be shared, reloaded and stepped back through: this reads and writes it, without the
 * page (page.ts hands in the query string and the form's choices).
 */
import { hasHan } from '../../lib/search/cjk.ts';
import type { Lang } from '../../schemas/transcript.ts';

export interface SearchState {
  q: string;
  sort: string;
  /** The languages searched: those chosen, else the query's script's (`scriptLang`). */
  langs: Lang[];
  /** Filter values chosen, by filter name (the language aside). */
  filters: Record<string, string[]>;
  /** A month ("2019-03") chosen on the chart, within its year's filter. */
  month: string | undefined;
}

/** The language whose index a query in this script is searched in, where nobody chose one. */
export function scriptLang(text: string, bundles: readonly Lang[]): Lang {
  return hasHan(text) && bundles.includes('zh') ? 'zh' : bundles[0]!;
}

/**
 * The search `search` (a query string) describes, given the filters the form offers and the
 * languages indexed. Without a language chosen, a query is searched in its script's language.
 */
export function stateOf(search: string, filterNames: Iterable<string>, bundles: readonly Lang[]): SearchState {
  const params = new URLSearchParams(search);
  const filters: Record<string, string[]> = {};
  for (const name of new Set(filterNames)) {
    if (name === 'lang') continue;
    const values = params.getAll(name);
    if (values.length > 0) filters[name] = values;
  }
  const q = params.get('q') ?? '';
  const chosen = params.getAll('lang').filter((lang): lang is Lang => bundles.includes(lang as Lang));
  const guess: Lang[] = q.trim() === '' ? [...bundles] : [scriptLang(q, bundles)];
  // A month counts only inside its year's filter, so that the filter counts stay those of the year.
  const month = params.get('month') ?? undefined;
  const inYear = month !== undefined && /^\d{4}-\d{2}$/.test(month) && filters.year?.includes(month.slice(0, 4));
  return {
    q,
    sort: params.get('sort') ?? 'relevance',
    langs: chosen.length > 0 ? chosen : guess,
    filters,
    month: inYear ? month : undefined,
  };
}

/**
 * The query string of the form's state (empty, or `?…`): the query trimmed, each box checked, the
 * sort unless it is relevance, and the month chosen on the chart while its year stays chosen
 * (`current` is the query string now, which holds it).
 */
export function queryOf(
  form: { q: string; checked: [name: string, value: string][]; sort: string },
  current: string,
): string {
  const params = new URLSearchParams();
  if (form.q.trim()) params.set('q', form.q.trim());
  for (const [name, value] of form.checked) params.append(name, value);
  if (form.sort !== 'relevance') params.set('sort', form.sort);
  const month = new URLSearchParams(current).get('month');
  if (month && params.getAll('year').includes(month.slice(0, 4))) params.set('month', month);
  return params.size > 0 ? `?${params}` : '';
}

/** The search `current` narrowed to a year ("2019") or a month ("2019-03"), as a query string. */
export function periodQuery(current: string, period: string): string {
  const params = new URLSearchParams(current);
  params.delete('year');
  params.delete('month');
  params.append('year', period.slice(0, 4));
  if (period.length > 4) params.set('month', period);
  return `?${params}`;
}

/** How results are ordered: by date (newest or oldest first) or, undefined, by relevance; browsing is by date. */
export function dateOrder(state: SearchState): 'asc' | 'desc' | undefined {
  const browsing = state.q.trim() === '';
  if (state.sort === 'newest' || (browsing && state.sort === 'relevance')) return 'desc';
  return state.sort === 'oldest' ? 'asc' : undefined;
}

/**
 * What makes two searches the same search (with the filter counts or without): a search begun
 * while the reader typed is used when they ask for it, if they ask for this.
 */
export function searchKey(state: SearchState, facets: boolean): string {
  return JSON.stringify([state.q.trim(), state.sort, state.langs, state.filters, state.month ?? null, facets]);
}
