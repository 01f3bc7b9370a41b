/**
 * The search page's head script, small and bundled alone, loaded `async` so that it runs as soon
 * as it arrives: it starts the index worker (worker.ts), and for a search opened from a link
 * (`/search/?q=…`, or the box in every page's header) asks it at once to open the query's index,
 * fetching the query's index chunks as it opens, and to search it, fetching the first page's
 * fragments: all of it before the page's script, many times this one's size, has arrived and run,
 * and none of it waiting for the page's thread (bench/results/search-vs-stock.md, per step). The
 * page's script finds the worker on the window (search-worker.ts).
 */
import { toPagefindQuery } from '../../lib/search/cjk.ts';
import type { Lang } from '../../schemas/transcript.ts';
import { FIRST_PAGE, SearchWorker } from './search-worker.ts';
import { scriptLang } from './url-state.ts';

function start(script: HTMLScriptElement): void {
  const worker = SearchWorker.of(script.dataset.worker!);
  const params = new URLSearchParams(location.search);
  const q = params.get('q')?.trim();
  if (!q) return;
  const bundles = (script.dataset.bundles ?? 'en').split(' ') as Lang[];
  const chosen = params.getAll('lang').filter((lang): lang is Lang => bundles.includes(lang as Lang));
  // Filters, or an order other than the best match, make another search: only its index is opened.
  const plain =
    [...params.keys()].every((name) => name === 'q' || name === 'lang' || name === 'sort') &&
    (params.get('sort') ?? 'relevance') === 'relevance';
  // The query as the page's search will ask for it (searches.ts), so that the worker runs it once.
  const query = toPagefindQuery(q);
  for (const lang of chosen.length > 0 ? chosen : [scriptLang(q, bundles)]) {
    worker
      .index(lang, false, query)
      .then((index) => (plain ? index.search(query, {}, FIRST_PAGE) : undefined))
      // A failure is the page's search to report, when it asks again.
      .catch(() => undefined);
  }
}

// By its id, not document.currentScript: under npm run dev, Vite serves it as a module, which has none.
const script = document.querySelector<HTMLScriptElement>('#search-worker');
if (script) start(script);
