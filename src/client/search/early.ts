/**
 * The search page's head script, small and bundled alone, a classic script that runs as soon as
 * it arrives (index.astro says why not async). It starts the index worker (worker.ts). For a
 * search opened from a link (`/search/?q=…`, or the box in every page's header) it first asks for
 * the query's ready results (ready.ts) and shows them as soon as the list is parsed; a query not
 * made ready has the worker open its index, fetching the query's chunks, and search it, fetching
 * the first page's fragments. All of it before the page's script, many times this one's size, has
 * arrived and run (bench/results/search.md, per step). The page's script finds the worker on the
 * window (search-worker.ts), and waits for the ready results' frame (handoff.ts).
 */
import { toPagefindQuery } from '../../lib/search/cjk.ts';
import type { Lang } from '../../schemas/transcript.ts';
import { afterNextPaint, handOff } from './handoff.ts';
import { notReady, readyResults } from './ready.ts';
import { showReadyResults } from './ready-view.ts';
import { FIRST_PAGE, SearchWorker } from './search-worker.ts';
import { type SearchState, scriptLang, stateOf } from './url-state.ts';

/** How long a query's worker waits to hear whether the query is ready (above). */
const STARTS_MS = 300;

function start(script: HTMLScriptElement): void {
  const params = new URLSearchParams(location.search);
  const q = params.get('q')?.trim();
  if (!q) {
    SearchWorker.of(script.dataset.worker!);
    return;
  }
  const bundles = (script.dataset.bundles ?? 'en').split(' ') as Lang[];
  const chosen = params.getAll('lang').filter((lang): lang is Lang => bundles.includes(lang as Lang));
  // Filters, or an order other than the best match, make another search: only its index is opened.
  const plain =
    [...params.keys()].every((name) => name === 'q' || name === 'lang' || name === 'sort') &&
    (params.get('sort') ?? 'relevance') === 'relevance';
  // The query as the page's search will ask for it (searches.ts), so that the worker runs it once.
  const query = toPagefindQuery(q);
  const langs = chosen.length > 0 ? chosen : [scriptLang(q, bundles)];
  // A likely query's first page is ready in a file of its own (ready.ts): asked for first, and
  // shown as soon as it is in and the page is parsed, without waiting for the page's script; its
  // fragments are then not fetched.
  const ready = plain && langs.length === 1 ? readyResults(langs[0]!, query, true) : undefined;
  const shown = (ready ?? Promise.resolve(undefined)).then((found) =>
    found
      ? new Promise<boolean>((resolve) => {
          whenListed(() => {
            resolve(showEarly(found, stateOf(location.search, [], bundles)));
          });
        })
      : false,
  );
  // The page's script and the worker wait for the frame that shows them (handoff.ts).
  const drawn = shown.then((done) => (done ? afterNextPaint() : undefined));
  handOff(drawn);
  // A query not made ready needs the index at once: its worker starts as soon as the file is
  // found missing, or after STARTS_MS if the answer is slow to come.
  let started = false;
  const openIndexes = () => {
    if (started) return;
    started = true;
    const worker = SearchWorker.of(script.dataset.worker!);
    for (const lang of langs) {
      worker
        .index(lang, false, query)
        .then(async (index) =>
          plain ? index.search(query, {}, (await ready) === undefined ? FIRST_PAGE : 0) : undefined,
        )
        // A failure is the page's search to report, when it asks again.
        .catch(() => undefined);
    }
  };
  const late = setTimeout(openIndexes, STARTS_MS);
  const missing = ready === undefined ? Promise.resolve(true) : notReady(langs[0]!, query);
  void missing.then((none) => {
    if (none) openIndexes();
  });
  void drawn.then(() => {
    clearTimeout(late);
    openIndexes();
  });
}

/**
 * Runs `then` once the page's body is parsed as far as the results list, before the page's
 * deferred script: not waiting for the parse to end, which Chrome let wait for the first layout.
 */
function whenListed(then: () => void): void {
  if (document.readyState !== 'loading' || document.querySelector('#more')) {
    then();
    return;
  }
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    watch.disconnect();
    then();
  };
  const watch = new MutationObserver(() => {
    if (document.querySelector('#more')) once();
  });
  watch.observe(document, { childList: true, subtree: true });
  document.addEventListener('readystatechange', once, { once: true });
}

/** The ready results, unless the page's script has begun a search of its own (the reader typed). */
function showEarly(found: NonNullable<Awaited<ReturnType<typeof readyResults>>>, state: SearchState): boolean {
  const form = document.querySelector<HTMLFormElement>('#search-form');
  const list = document.querySelector<HTMLElement>('#results');
  const status = document.querySelector<HTMLElement>('#search-status');
  if (!form || !list || !status || form.dataset.searches) return false;
  if (!showReadyResults({ list, status }, found, state, (form.dataset.bundles ?? 'en').split(' ') as Lang[]))
    return false;
  performance.mark('lectern:search:early');
  return true;
}

// By its id, not document.currentScript: under npm run dev, Vite serves it as a module, which has none.
const script = document.querySelector<HTMLScriptElement>('#search-worker');
if (script) start(script);
