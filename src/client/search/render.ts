/**
 * What a reader is told of a search, as text, without the page: the line that says what was
 * found, and why a search could not run or a chart starts late. A result's own HTML is the
 * build's as well as the page's (src/lib/search/result-html.ts: ready results are drawn by the build).
 */
import { figure } from '../../lib/figures.ts';
import { monthLabel } from '../../lib/timeline.ts';
import type { Lang } from '../../schemas/transcript.ts';
import type { SearchState } from './url-state.ts';

/** "12 answers for Huawei in Chinese in March 2019": what was found, where and when. */
export function summary(count: number, state: SearchState, bundles: readonly Lang[]): string {
  const browsing = state.q.trim() === '';
  const where =
    state.langs.length === bundles.length
      ? ''
      : ` in ${state.langs.map((lang) => (lang === 'zh' ? 'Chinese' : 'English')).join(' and ')}`;
  const when = state.month ? ` in ${monthLabel(state.month)}` : '';
  const naming = state.filters.entity ? ` naming ${state.filters.entity.join(' or ')}` : '';
  return `${figure(count)} ${count === 1 ? 'answer' : 'answers'}${browsing ? '' : ` for ${state.q}`}${naming}${where}${when}`;
}

/**
 * What the reader is told when a search could not run: a broken or missing index file is not "no
 * results". `known` errors carry words a reader can pass on.
 */
export function failureText(error: unknown, known: (error: unknown) => boolean): string {
  const why =
    known(error) || (error instanceof Error && error.name === 'BundleError')
      ? (error as Error).message
      : `the search index could not be read (${error instanceof Error ? error.message : String(error)})`;
  return `Search is not working right now: ${why}. `;
}

/**
 * Why a year's chart starts with empty months: the languages searched began later that year
 * ("English transcripts begin in May 2018"). `firsts` is each language's first day ("en:2018-05-11 zh:…").
 */
export function coverageNote(state: SearchState, firsts: string): string | undefined {
  const year = state.filters.year?.length === 1 ? state.filters.year[0] : undefined;
  if (!year) return undefined;
  const begins = new Map(firsts.split(' ').map((pair) => pair.split(':') as [string, string]));
  const late = state.langs
    .map((lang) => [lang, begins.get(lang)] as const)
    .filter(
      (entry): entry is readonly [Lang, string] =>
        entry[1] !== undefined && entry[1].startsWith(year) && !entry[1].startsWith(`${year}-01`),
    );
  if (late.length === 0) return undefined;
  return late
    .map(
      ([lang, first]) =>
        `${lang === 'zh' ? 'Chinese' : 'English'} transcripts begin in ${monthLabel(first.slice(0, 7))}`,
    )
    .join('; ');
}
