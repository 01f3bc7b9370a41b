/**
 * One compacted bundle in the browser, in place of Pagefind's pagefind.js: it loads the bundle's
 * WebAssembly and metadata, fetches the index chunks a query needs, runs the query in Pagefind's
 * WebAssembly (wasm.ts), and fetches a result's fragment when it is shown. Pagefind's script
 * carries what this site does not use (its UI hooks, a worker, sub-results, an inflater the
 * browser already has) on every first query; this is the part the search page needs (README.md).
 * Tied to Pagefind 1.6 through wasm.ts; the unit tests run it on a built bundle. No DOM, no Node
 * modules: the browser and the tests share it.
 */

import { crossedIn } from './crossed.ts';
import { BundleError } from './errors.ts';
import { inflate } from './inflate.ts';
import { withNames } from './meta-codec.ts';
import { type Names, checkedEntry, fetchExpected, metaPathOf } from './opening.ts';
import { NAMES, chunkPath, fragmentPath, rankOf } from './page-id.ts';
import { prepareQuery } from './query.ts';
import { nextTask, warmUp } from './warm-up.ts';
import { type RawHit, type Wasm, compiled, decoder, encoder, instantiate, pass, searchIn, take } from './wasm.ts';

/** Fetches a file of the bundle, by its path under the bundle's folder. */
export type Load = (path: string) => Promise<ArrayBuffer>;

export type Counts = Record<string, Record<string, number>>;

export interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
}

export interface Hit {
  /** The record's id in its segment (page-id.ts): the other segments have one of that id too. */
  id: string;
  /** The record's number in the whole index (segments.ts: its segment's and its id's). */
  ref: number;
  /**
   * Where its fragment is (page-id.ts: fragmentPath), in a folder named by its files' bytes: a
   * day's answers keep it when their week is folded into the quarter's segment, where their ids
   * and numbers change, so ready results name their answers by it (ready.ts). On the page, known
   * for the first page's results only (index-service.ts).
   */
  readonly place: string | undefined;
  /** Its place in date order, oldest first, across segments (segments.ts): not always a whole number. */
  rank: number;
  /** Its month ("2019-03"), from segments.json (segments.ts). */
  month: string;
  score: number;
  /**
   * Positions of the matched words in the record's content, by word, with their weight in the
   * score and Pagefind's weight of the word there (cjk.ts: a bigram across a word boundary weighs little).
   */
  locations: { location: number; score: number; weight: number }[];
  /**
   * How many of the matched bigrams of its best match cross a word boundary (cjk.ts, words.ts):
   * 0 where the query matches whole words.
   */
  crossed: number;
  /** Ranked below the results that match in whole words (more crossed than the fewest among them: segments.ts). */
  demoted: boolean;
  data: () => Promise<Fragment>;
}

export interface Results {
  results: Hit[];
  /** Counts of each filter value among the results. */
  filters: Counts;
  /** Counts of each filter value among the results of the query without filters. */
  totalFilters: Counts;
}

export class SearchableBundle {
  private state: number;
  private readonly chunks = new Map<string, Promise<void>>();
  private readonly fragments = new Map<string, Promise<Fragment>>();
  private readonly wasm: Wasm;
  private readonly load: Load;
  /** Characters Pagefind was told to keep in words (its include_characters). */
  private readonly keep: Set<string>;

  /** The folders of fragments and index chunks (page-id.ts). */
  private readonly names: Names;
  /** Why this bundle can no longer search (a chunk Pagefind could not decode), if it cannot. */
  private broken: string | undefined;
  /** Index chunks fetched while the bundle opened (`open`'s `expected`), by path, until loaded. */
  private readonly fetched: Map<string, Promise<ArrayBuffer>>;

  private constructor(
    wasm: Wasm,
    meta: Uint8Array,
    load: Load,
    keep: Set<string>,
    names: Names,
    fetched: Map<string, Promise<ArrayBuffer>>,
  ) {
    this.wasm = wasm;
    this.load = load;
    this.fetched = fetched;
    this.keep = keep;
    this.names = names;
    this.state = wasm.init_pagefind(...this.pass(meta)) >>> 0;
  }

  /**
   * Opens the bundle `load` reads from; its entry (pagefind-entry.json) is fetched fresh unless
   * given (segments.json carries each segment's, saving a round trip before anything else can load).
   * With `expected`, the query about to be searched (a search opened from a link), the index
   * chunks it needs are fetched as soon as the metadata is in, beside the WebAssembly's compiling.
   */
  static async open(load: Load, given?: unknown, expected?: string): Promise<SearchableBundle> {
    const entry = checkedEntry(given ?? JSON.parse(decoder.decode(await load(`pagefind-entry.json?ts=${Date.now()}`))));
    const names = entry[NAMES];
    const keep = new Set(entry.include_characters ?? []);
    let fetched = new Map<string, Promise<ArrayBuffer>>();
    const metaPath = metaPathOf(entry);
    const wasmPath = `wasm.${Object.values(entry.languages)[0]!.wasm ?? 'unknown'}.pagefind`;
    const [meta, module] = await Promise.all([
      load(metaPath).then(async (file) => {
        const shipped = await inflate(file, metaPath);
        if (expected) fetched = fetchExpected(shipped, prepareQuery(expected, keep).term, names, load);
        return shipped;
      }),
      load(wasmPath).then((file) => compiled(file, wasmPath)),
    ]);
    const exports = await instantiate(module);
    // Only a head start, while the reader types: if it failed, the first search would compile the
    // same code itself. Not when a search waits (`expected`): it would run before that search.
    if (!expected) warmUp(module).catch(() => undefined);
    // Writing the names back and Pagefind reading its tables take a while on a large archive, while
    // the reader types: each in a task of its own, so that their keys are not held behind both (and
    // a pause the keys seemed to make does not search the word they were typing).
    await nextTask();
    const full = withNames(meta);
    await nextTask();
    return new SearchableBundle(exports, full, load, keep, names, fetched);
  }

  private pass(bytes: Uint8Array): [number, number] {
    return pass(this.wasm, bytes);
  }

  private passText(text: string): [number, number] {
    return pass(this.wasm, encoder.encode(text));
  }

  private take(result: [number, number]): string {
    return take(this.wasm, result);
  }

  /** Loads the chunks named in `list` (JSON from the WebAssembly), each once. */
  private async loadChunks(list: string, folder: 'index' | 'filter'): Promise<void> {
    const hashes = JSON.parse(list) as (string | null)[];
    await Promise.all(
      hashes
        .filter((hash): hash is string => Boolean(hash))
        .map((hash) => {
          const key = `${folder}:${hash}`;
          let loading = this.chunks.get(key);
          if (!loading) {
            // Pagefind names filter chunks by their content; index chunks are listed by id, in folders (page-id.ts).
            const at = folder === 'index' ? chunkPath(hash, this.names.index) : undefined;
            if (folder === 'index' && at === undefined)
              return Promise.reject(new BundleError(`the search bundle lists no index chunk ${hash}`));
            const path = folder === 'index' ? `index/${at}` : `filter/${hash}.pf_filter`;
            loading = (async () => {
              if (this.broken) throw new BundleError(this.broken);
              const early = this.fetched.get(path);
              this.fetched.delete(path);
              const bytes = this.pass(await inflate(await (early ?? this.load(path)), path));
              const state =
                (folder === 'index'
                  ? this.wasm.load_index_chunk(this.state, ...bytes)
                  : this.wasm.load_filter_chunk(this.state, ...bytes)) >>> 0;
              // Pagefind gives back no index when it cannot decode a chunk: its state is gone with it.
              if (state === 0) {
                this.broken = `${path} is corrupted: the search index cannot be read`;
                throw new BundleError(this.broken);
              }
              this.state = state;
            })();
            loading.catch(() => this.chunks.delete(key));
            this.chunks.set(key, loading);
          }
          return loading;
        }),
    );
  }

  /**
   * Fetches the index chunks `query` needs, without searching: called while the reader types,
   * so that by the time they ask, the chunks of their words are loaded (Pagefind's preload).
   */
  async preload(query: string): Promise<void> {
    const { term } = prepareQuery(query, this.keep);
    if (term === '' || this.broken) return;
    await this.loadChunks(this.take(this.wasm.request_indexes(this.state, ...this.passText(term))), 'index');
  }

  /** Answers matching `query` (every word, or the quoted phrase), or all answers if it is null, within `filters`. */
  async search(query: string | null, filters: Record<string, { any: string[] }> = {}): Promise<Results> {
    const { term, original, exact } =
      query === null ? { term: '', original: '', exact: false } : prepareQuery(query, this.keep);
    if (this.broken) throw new BundleError(this.broken);
    if (query !== null && term === '') return { results: [], filters: {}, totalFilters: {} };
    const filterList = JSON.stringify(filters);
    await Promise.all([
      this.loadChunks(this.take(this.wasm.request_indexes(this.state, ...this.passText(term))), 'index'),
      this.loadChunks(this.take(this.wasm.request_filter_indexes(this.state, ...this.passText(filterList))), 'filter'),
    ]);
    const run = (asPhrase: boolean) => searchIn(this.wasm, this.state, term, original, filterList, asPhrase);
    const raw = run(exact);
    const words = term === '' ? 0 : term.split(' ').length;
    // Pagefind scores every phrase match alike (1.0), which left phrase results in date order. The
    // same words searched as words give each answer its score (BM25 over the words, with their
    // weights) and where each word matched: the phrase's results are ranked by those.
    const scored = exact && words > 1 ? new Map(run(false).results.map((hit) => [hit.p, hit])) : undefined;
    const fragment = (id: string) => this.fragment(id);
    const place = (id: string) => fragmentPath(id, this.names.fragment);
    return {
      results: raw.results.map((hit) => {
        const { p, s, l } = scored?.get(hit.p) ?? hit;
        // Several words not searched as a phrase need not be next to each other.
        return new Match(p, s, l, exact || words === 1 ? crossedIn(l, words) : 0, fragment, place);
      }),
      filters: raw.filtered_counts,
      totalFilters: raw.total_counts,
    };
  }

  /** Every filter's values with their counts over the whole bundle; afterwards, searches count them too. */
  async filters(): Promise<Counts> {
    await this.loadChunks(this.take(this.wasm.request_all_filter_indexes(this.state)), 'filter');
    return JSON.parse(this.take(this.wasm.filters(this.state))) as Counts;
  }

  private fragment(id: string): Promise<Fragment> {
    let loading = this.fragments.get(id);
    if (!loading) {
      const at = fragmentPath(id, this.names.fragment);
      if (at === undefined) return Promise.reject(new BundleError(`the search bundle lists no fragment for ${id}`));
      const path = `fragment/${at}`;
      loading = this.load(path).then(async (file) => JSON.parse(decoder.decode(await inflate(file, path))) as Fragment);
      loading.catch(() => this.fragments.delete(id));
      this.fragments.set(id, loading);
    }
    return loading;
  }
}

/**
 * A hit as the search returns it. A common word matches thousands of answers at 10x, and only
 * the ten shown need their locations as objects: they are made when first asked for.
 */
class Match implements Hit {
  readonly id: string;
  rank: number;
  ref: number;
  month = '';
  readonly score: number;
  readonly crossed: number;
  demoted = false;
  private readonly raw: RawHit['l'];
  private mapped: Hit['locations'] | undefined;
  private readonly fetch: (id: string) => Promise<Fragment>;
  private readonly placeOf: (id: string) => string | undefined;

  constructor(
    id: string,
    score: number,
    raw: RawHit['l'],
    crossed: number,
    fetch: (id: string) => Promise<Fragment>,
    placeOf: (id: string) => string | undefined,
  ) {
    this.id = id;
    this.placeOf = placeOf;
    this.rank = rankOf(id);
    this.ref = this.rank;
    this.score = score;
    this.raw = raw;
    this.crossed = crossed;
    this.fetch = fetch;
  }

  /** Made when asked for: a search has thousands of hits, a page shows ten. */
  get place(): string | undefined {
    return this.placeOf(this.id);
  }

  get locations(): Hit['locations'] {
    return (this.mapped ??= this.raw.map((at) => ({ location: at.l, score: at.s, weight: at.w })));
  }

  data(): Promise<Fragment> {
    return this.fetch(this.id);
  }
}
