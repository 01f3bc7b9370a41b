/**
 * What a search that found nothing offers instead: the same words in the language they are
 * written in, where the reader searched only the other (Huawei in the Chinese transcripts), and
 * the nearest words the English answers use (Huwei → Huawei).
 */
import { hasHan } from '../../lib/search/cjk.ts';
import { type VocabularyEntry, didYouMean } from '../../lib/search/vocabulary.ts';
import type { Lang } from '../../schemas/transcript.ts';
import type { SearchState } from './url-state.ts';

export interface Hint {
  /** What the link says and what precedes it: "Did you mean" Huawei. */
  lead: string;
  text: string;
  /** The search it leads to, as a query string. */
  query: string;
}

/** The same search in `langs`, as a query string. */
function inLangs(current: string, langs: readonly Lang[], q?: string): string {
  const params = new URLSearchParams(current);
  params.delete('lang');
  for (const lang of langs) params.append('lang', lang);
  if (q !== undefined) params.set('q', q);
  return `?${params}`;
}

/** Whether the query's words are all Latin (no Chinese), so that the English transcripts are where they are. */
function latin(q: string): boolean {
  return !hasHan(q) && /\p{L}/u.test(q);
}

/**
 * The hints for a search of `state` that found nothing, where the page's query string is
 * `current` and `vocabulary` the English words (undefined until fetched, or if it could not be).
 */
export function hintsFor(
  state: SearchState,
  current: string,
  bundles: readonly Lang[],
  vocabulary: readonly VocabularyEntry[] | undefined,
): Hint[] {
  const hints: Hint[] = [];
  if (latin(state.q) && !state.langs.includes('en') && bundles.includes('en'))
    hints.push({
      lead: 'Searched in Chinese only:',
      text: 'search the English transcripts',
      query: inLangs(current, ['en']),
    });
  if (vocabulary && state.langs.includes('en')) {
    const suggestion = didYouMean(state.q, vocabulary);
    if (suggestion)
      hints.push({ lead: 'Did you mean', text: suggestion, query: inLangs(current, state.langs, suggestion) });
  }
  return hints;
}

/** Whether hints need the English vocabulary: a Latin query searched in English found nothing. */
export function needsVocabulary(state: SearchState): boolean {
  return latin(state.q) && state.langs.includes('en');
}
