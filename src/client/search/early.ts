/**
 * The search page's head script, small and loaded on its own (`async`): for a search opened from
 * a link (`/search/?q=…`, or the box in every page's header), it fetches what the search will
 * open its index with (prefetch.ts: the WebAssembly, segments.json, each segment's metadata and
 * the query's index chunks) as soon as it arrives, while the page is still being laid out and its
 * script, ten times this one's size, is on its way. On a phone the page's script ran a second
 * after the page arrived, and the index's files, each named by the one before, were fetched one
 * after another from then on (bench/results/search-vs-stock.md). The page's script takes the
 * files over (prefetched.ts: `claim`); what it never claims is dropped with the page.
 */
import { toPagefindQuery } from '../../lib/search/cjk.ts';
import { prefetchIndex } from '../../lib/search/pagefind/prefetch.ts';
import type { Lang } from '../../schemas/transcript.ts';
import { fetchIndexFile } from './index-files.ts';
import { keep, tooLate } from './prefetched.ts';
import { scriptLang } from './url-state.ts';

function start(): void {
  const params = new URLSearchParams(location.search);
  const q = params.get('q')?.trim();
  // The languages with an index, from the script's own tag: the form is not parsed yet.
  const bundles = (document.currentScript?.dataset.bundles ?? 'en').split(' ') as Lang[];
  if (!q || tooLate()) return;
  const chosen = params.getAll('lang').filter((lang): lang is Lang => bundles.includes(lang as Lang));
  for (const lang of chosen.length > 0 ? chosen : [scriptLang(q, bundles)]) {
    prefetchIndex((path) => {
      const file = fetchIndexFile((url) => fetch(url), lang, path);
      keep(lang, path, file);
      return file;
    }, toPagefindQuery(q));
  }
}

start();
