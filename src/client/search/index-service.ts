/**
 * The search indexes, served to the search page from a Web Worker (early.ts starts it): each
 * language's index opened, searched and its fragments fetched there, so that none of it waits for
 * the page's thread, which is laying out the page, drawing the chart or running the reader's keys.
 * On the page's thread every file of an opening waited for the page's tasks before the next could
 * be asked for (bench/results/search.md, per step). The page speaks to it through
 * search-worker.ts; this side knows nothing of the page.
 */
import { type Fragment, type Hit, type Load, type Results, SearchIndex } from '../../lib/search/pagefind/read.ts';
import type { Lang } from '../../schemas/transcript.ts';
import { RESULTS_PER_PAGE } from '../../lib/search/ready.ts';
import { IndexCache } from './index-files.ts';

/** What the page asks, by operation. */
export type Request = { id: number } & (
  | { op: 'open'; lang: Lang; facets: boolean; expected?: string | undefined }
  | { op: 'preload'; lang: Lang; query: string }
  | {
      op: 'search';
      lang: Lang;
      query: string | null;
      filters: Record<string, { any: string[] }>;
      /** How many of the best results' fragments to fetch at once: the first page's, in relevance order. */
      ahead: number;
    }
  | { op: 'filters'; lang: Lang }
  | { op: 'fragment'; search: string; hit: number }
  | { op: 'forget'; langs: Lang[] }
);

/** A hit as it crosses to the page: its number, rank, month, score, crossed and demoted (Hit). */
export type HitRow = [ref: number, rank: number, month: string, score: number, crossed: number, demoted: boolean];

export interface SearchReply {
  /** The search's name, for its hits' fragments to be asked for by (`fragment`). */
  search: string;
  hits: HitRow[];
  /** The first page's places (Hit.place), for the page to check ready results against. */
  places: string[];
  filters: Results['filters'];
  totalFilters: Results['totalFilters'];
}

export interface FragmentReply {
  fragment: Fragment;
  locations: Hit['locations'];
}

/** An answer, or what went wrong: the error's name and message, for the page to say (render.ts: failureText). */
export type Reply = { id: number } & ({ ok: true; value: unknown } | { ok: false; name: string; message: string });

/** How many searches' hits are kept for their fragments to be asked for (the page's current ones, and the "More" of each). */
const KEPT = 8;

/**
 * Answers the page's requests on `port`; `load(lang)` fetches a file of a language's index
 * (index-files.ts: fetchIndexFile, in the worker; a folder, in the tests).
 */
export function serveIndexes(
  port: {
    postMessage(reply: Reply): void;
    addEventListener(type: 'message', on: (event: MessageEvent<Request>) => void): void;
    start?: () => void;
  },
  load: (lang: Lang) => Load,
): void {
  const indexes = new IndexCache<SearchIndex>((from, _lang, expected) => SearchIndex.open(from, expected), load);
  /**
   * Recent searches by language, query and filters, the most recently asked last, with their hits
   * by id for their fragments and locations: an answer's locations are those of the search that
   * found it (another query matched other words).
   */
  const searches = new Map<string, Promise<{ search: Results; hits: Map<number, Hit> }>>();

  const handle = async (request: Request): Promise<unknown> => {
    switch (request.op) {
      case 'open':
        await indexes.get(request.lang, request.facets, request.expected);
        return undefined;
      case 'preload':
        return (await indexes.get(request.lang, false)).preload(request.query);
      case 'filters':
        return (await indexes.get(request.lang, false)).filters();
      case 'search': {
        const { lang, query, filters, ahead } = request;
        const key = JSON.stringify([lang, query, filters]);
        // The same search asked again (the head script's, then the page's) is run once.
        const searching =
          searches.get(key) ??
          indexes
            .get(lang, false)
            .then((index) => index.search(query, filters))
            .then((search) => ({ search, hits: new Map(search.results.map((hit) => [hit.ref, hit])) }));
        searches.delete(key);
        searches.set(key, searching);
        searching.catch(() => searches.delete(key));
        for (const old of [...searches.keys()].slice(0, -KEPT)) searches.delete(old);
        const { search } = await searching;
        // The first page's fragments, on their way before the page asks for them.
        for (const hit of search.results.slice(0, ahead)) hit.data().catch(() => undefined);
        const reply: SearchReply = {
          search: key,
          hits: search.results.map((hit) => [hit.ref, hit.rank, hit.month, hit.score, hit.crossed, hit.demoted]),
          // Only the first page's: each is a lookup and a string, and a common word has thousands of hits.
          places: search.results.slice(0, RESULTS_PER_PAGE).map((hit) => hit.place ?? ''),
          filters: search.filters,
          totalFilters: search.totalFilters,
        };
        return reply;
      }
      case 'fragment': {
        const hit = (await searches.get(request.search))?.hits.get(request.hit);
        if (!hit) throw new Error(`the search that found the answer ${request.hit} is no longer kept: search again`);
        const reply: FragmentReply = { fragment: await hit.data(), locations: hit.locations };
        return reply;
      }
      case 'forget':
        indexes.forget(request.langs);
        searches.clear();
        return undefined;
    }
  };

  port.addEventListener('message', (event) => {
    const request = event.data;
    handle(request).then(
      (value) => {
        port.postMessage({ id: request.id, ok: true, value });
      },
      (error: unknown) => {
        port.postMessage({
          id: request.id,
          ok: false,
          name: error instanceof Error ? error.name : 'Error',
          message: error instanceof Error ? error.message : String(error),
        });
      },
    );
  });
  port.start?.();
}
