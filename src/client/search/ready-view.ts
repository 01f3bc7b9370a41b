/**
 * A query's ready results (src/lib/search/ready.ts) put on the search page: the first page and the
 * count. Shared by the head script (early.ts), which shows a linked query's before the page's
 * script has arrived and run, and the page's script (page.ts), which shows a typed one's and
 * takes over from the head script's.
 */
import type { ReadyResults } from '../../lib/search/ready.ts';
import type { Lang } from '../../schemas/transcript.ts';
import { termsOf } from '../../lib/search/result-html.ts';
import { summary } from './render.ts';
import type { SearchState } from './url-state.ts';

/** Which search the list shows ready results of, in its `data-ready`: the page's script takes over from it. */
export const readyKeyOf = (state: SearchState): string =>
  JSON.stringify([state.q, state.langs, state.sort, state.filters, state.month]);

/**
 * Shows `found` for `state` in `list` and `status`, unless they are already shown. Returns the
 * places of the results shown (Hit.place), or nothing where the results were made for other words than the reader's (render.ts:
 * termsOf; the same words in other capitals are shown, linking with the reader's).
 */
export function showReadyResults(
  { list, status }: { list: HTMLElement; status: HTMLElement },
  { ready, count }: { ready: ReadyResults; count: number },
  state: SearchState,
  bundles: readonly Lang[],
): string[] | undefined {
  const places = ready.results.map(({ place }) => place);
  const key = readyKeyOf(state);
  if (list.dataset.ready === key) return places;
  const asked = termsOf(state.q).join(' ');
  const made = ready.terms.join(' ');
  if (asked.toLowerCase() !== made.toLowerCase()) return undefined;
  const mark = (html: string) =>
    asked === made ? html : html.replaceAll(`hl=${encodeURIComponent(made)}`, `hl=${encodeURIComponent(asked)}`);
  list.replaceChildren(
    ...ready.results.map(({ lang, html }) => {
      const item = document.createElement('li');
      item.lang = lang;
      item.innerHTML = mark(html);
      return item;
    }),
  );
  list.dataset.ready = key;
  status.textContent = summary(count, state, bundles);
  return places;
}
