/**
 * Ready results: the first page of the searches readers are likeliest to make (likely-queries.ts),
 * searched and written by the build (ready-results.ts), so that the search page shows them from
 * one small file instead of opening the index first: a search opened from a link otherwise waits
 * for a chain of files each named by the one before (the WebAssembly, segments.json, the
 * metadata, the chunks, the fragments), and a typed query for ten fragments' full text
 * (bench/results/search.md). The index is still searched behind them, for the chart,
 * the filter counts and the next page. No DOM, no Node: shared by the build and the page.
 */
import type { Lang } from '../../schemas/transcript.ts';

/** How many results a page of the search shows: a ready query's file holds its first. */
export const RESULTS_PER_PAGE = 10;

/** Where the ready queries of a language are listed, with how many answers each finds. */
export const readyListPath = (lang: Lang): string => `/search/ready/${lang}/queries.json`;

/**
 * A query as ready results are found by: as Pagefind is asked it (toPagefindQuery), in lower case,
 * as Pagefind compares words (Belt and Road, belt and road).
 */
export const readyKey = (query: string): string => query.toLowerCase();

/** A ready query's file: named by its key (`readyKey`), hashed. */
export const readyPath = (lang: Lang, query: string): string =>
  `/search/ready/${lang}/${queryHash(readyKey(query))}.json`;

/**
 * The ready queries of a language: each query's key hashed (its file's name) and how many answers it
 * finds. The counts live here rather than in each query's file, so that a day's transcript, which
 * adds to the counts of hundreds of queries, changes this one file and only the queries' files
 * whose first page it changes.
 */
export type ReadyList = Record<string, number>;

/** A ready query's first page, as the search page shows it. */
export interface ReadyResults {
  /** The query's key (`readyKey`): two queries whose hashes meet are told apart by it. */
  query: string;
  /** The words a result marks (result-html.ts: termsOf): a box holding other words shows its own. */
  terms: string[];
  /**
   * The first page: each result's place in the index (Hit.place: the same when its week is folded
   * into the quarter's segment, which changed a third of these files), its language and its list
   * item's HTML (result-html.ts: resultHtml).
   */
  results: { place: string; lang: string; html: string }[];
}

/**
 * A key's hash in base 36, of 24 bits: a file name for any query, short and stable, and the list
 * that every first query fetches a KiB smaller than with 32. Two likely queries of one hash (about
 * one build in fifty) keep the likelier's file; the other is searched as any query.
 */
export const queryHash = (key: string): string => (fnv1a(key) >>> 8).toString(36);

/** FNV-1a over a text's UTF-16 units: small, stable, the same in the build and the browser. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
