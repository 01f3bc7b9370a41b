/**
 * The browser side of a search bundle, in place of Pagefind's pagefind.js: it loads the bundle's
 * WebAssembly and metadata, fetches the index chunks a query needs, runs the query in Pagefind's
 * WebAssembly, and fetches a result's fragment when it is shown. Pagefind's script is 13.3 KiB
 * gzipped on every first query and carries what this site does not use (its UI hooks, a worker,
 * sub-results, an inflater the browser already has); this is the part the search page needs.
 *
 * It speaks to the WebAssembly as Pagefind 1.6's generated bindings do (wasm-bindgen: strings and
 * bytes are copied into its memory through its allocator, strings come back as pointer and
 * length), so it is tied to that version: package.json pins it, and the unit tests run it on a
 * built bundle. Shared by the browser and the tests (no DOM, no Node modules).
 */

import { type Cbor, encodeCbor } from './cbor.ts';
import { CROSSING_WEIGHT } from './cjk.ts';
import { type FragmentGroup, NAMES, chunkPath, fragmentPath, rankOf } from './page-id.ts';
import { withNames } from './shipped-meta.ts';
import { PAGEFIND_VERSION, SIGNATURE } from './pagefind-format.ts';

/** Fetches a file of the bundle, by its path under the bundle's folder. */
export type Load = (path: string) => Promise<ArrayBuffer>;

export type Counts = Record<string, Record<string, number>>;

export interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
}

export interface Hit {
  /** The record's id (page-id.ts). */
  id: string;
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

interface Wasm {
  memory: WebAssembly.Memory;
  __wbindgen_externrefs: WebAssembly.Table;
  __wbindgen_malloc: (size: number, align: number) => number;
  __wbindgen_free: (ptr: number, size: number, align: number) => void;
  __wbindgen_start: () => void;
  init_pagefind: (ptr: number, len: number) => number;
  load_index_chunk: (state: number, ptr: number, len: number) => number;
  load_filter_chunk: (state: number, ptr: number, len: number) => number;
  request_indexes: (state: number, ptr: number, len: number) => [number, number];
  request_filter_indexes: (state: number, ptr: number, len: number) => [number, number];
  request_all_filter_indexes: (state: number) => [number, number];
  filters: (state: number) => [number, number];
  search: (state: number, ...args: (number | boolean)[]) => [number, number];
}

interface Entry {
  version: string;
  [NAMES]?: Names;
  languages: Record<string, { hash: string; wasm?: string }>;
  include_characters?: string[];
}

/** Where files are (page-id.ts: NAMES): the folders of fragments and of index chunks. */
interface Names {
  fragment: FragmentGroup[];
  index: string[];
}

interface RawHit {
  p: string;
  s: number;
  l: { l: number; s: number; w: number }[];
}

interface RawResults {
  results: RawHit[];
  filtered_counts: Counts;
  total_counts: Counts;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class BundleError extends Error {
  override name = 'BundleError';
}

/** Pagefind's files are gzip-compressed and signed; the browser inflates them itself. */
async function unpack(file: ArrayBuffer, path: string): Promise<Uint8Array> {
  const inflated = new Response(new Blob([file]).stream().pipeThrough(new DecompressionStream('gzip')));
  const bytes = new Uint8Array(await inflated.arrayBuffer());
  if (decoder.decode(bytes.subarray(0, SIGNATURE.length)) !== SIGNATURE)
    throw new BundleError(`${path} is not a Pagefind file`);
  return bytes.subarray(SIGNATURE.length);
}

/** Lets the page handle what waits (a key, a paint) before going on. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The WebAssembly compiled once per file: a language's segments share one (segments.ts loads it
 * once), and each compiling it again was tens of milliseconds before a first query's results.
 */
const modules = new WeakMap<ArrayBuffer, Promise<WebAssembly.Module>>();

function compiled(file: ArrayBuffer, path: string): Promise<WebAssembly.Module> {
  let compiling = modules.get(file);
  if (!compiling) {
    compiling = unpack(file, path).then((code) => WebAssembly.compile(code as Uint8Array<ArrayBuffer>));
    compiling.catch(() => modules.delete(file));
    modules.set(file, compiling);
  }
  return compiling;
}

/** Copies bytes into the WebAssembly's memory, which takes them over. */
function pass(wasm: Wasm, bytes: Uint8Array): [number, number] {
  const ptr = wasm.__wbindgen_malloc(bytes.length, 1) >>> 0;
  new Uint8Array(wasm.memory.buffer).set(bytes, ptr);
  return [ptr, bytes.length];
}

/** The text the WebAssembly handed back, its memory freed. */
function take(wasm: Wasm, [ptr, len]: [number, number]): string {
  const text = decoder.decode(new Uint8Array(wasm.memory.buffer, ptr >>> 0, len));
  wasm.__wbindgen_free(ptr, len, 1);
  return text;
}

/**
 * Pagefind's search as its script calls it: the query folded (`term`) and as typed, the filters
 * as JSON, no sort, and whether the query is a phrase.
 */
function searchIn(
  wasm: Wasm,
  state: number,
  term: string,
  original: string,
  filters: string,
  asPhrase: boolean,
): RawResults {
  const text = (value: string) => pass(wasm, encoder.encode(value));
  const found = wasm.search(state, ...text(term), ...text(original), ...text(filters), ...text(''), asPhrase, false);
  return JSON.parse(take(wasm, found)) as RawResults;
}

/** An instance of Pagefind's WebAssembly, started as wasm-bindgen's script starts it. */
async function instantiate(module: WebAssembly.Module): Promise<Wasm> {
  const bound: { exports?: Wasm } = {};
  const imports = {
    './pagefind_web_bg.js': {
      // What wasm-bindgen's start-up asks of its host: the table its references live in.
      __wbindgen_init_externref_table() {
        const table = bound.exports!.__wbindgen_externrefs;
        const offset = table.grow(4);
        table.set(0, undefined);
        table.set(offset, undefined);
        table.set(offset + 1, null);
        table.set(offset + 2, true);
        table.set(offset + 3, false);
      },
    },
  };
  const instance = await WebAssembly.instantiate(module, imports);
  const exports = (bound.exports = instance.exports as unknown as Wasm);
  exports.__wbindgen_start();
  return exports;
}

const warmed = new WeakMap<WebAssembly.Module, Promise<number>>();

/**
 * Runs a search through `module` once, on an index of two pages made here, in an instance of its
 * own, thrown away: V8 compiles a WebAssembly function when it first runs, and on a fresh visit
 * that was 43 ms of the first query's main thread at 10x (Chromium's trace of "Huawei"; 16 ms
 * with the warm-up: what is left runs only on real data). Done once the index is open, while the
 * reader types. Resolves to how many results it found (its two pages by the word, then by the
 * phrase), so that a test sees it still searches after a Pagefind upgrade.
 */
export function warmUp(module: WebAssembly.Module): Promise<number> {
  let warming = warmed.get(module);
  if (!warming) {
    warming = nextTask().then(async () => {
      const wasm = await instantiate(module);
      const pages = [0, 1];
      const meta: Cbor = [
        PAGEFIND_VERSION,
        pages.map((page) => [String(page), 10, '']),
        [['up', 'warm', '0']],
        [],
        [],
        [],
      ];
      const chunk: Cbor = [
        [
          ['up', pages.map((page) => [page, [1], []]), []],
          ['warm', pages.map((page) => [page, [-26, 0], []]), []],
        ],
      ];
      const opened = wasm.init_pagefind(...pass(wasm, encodeCbor(meta))) >>> 0;
      take(wasm, wasm.request_indexes(opened, ...pass(wasm, encoder.encode('warm up'))));
      const state = wasm.load_index_chunk(opened, ...pass(wasm, encodeCbor(chunk))) >>> 0;
      let found = 0;
      for (const [term, phrase] of [
        ['warm', false],
        ['warm up', true],
      ] as const) {
        found += searchIn(wasm, state, term, term, '{}', phrase).results.length;
      }
      return found;
    });
    warmed.set(module, warming);
  }
  return warming;
}

export class PagefindBundle {
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

  private constructor(wasm: Wasm, meta: Uint8Array, load: Load, keep: Set<string>, names: Names) {
    this.wasm = wasm;
    this.load = load;
    this.keep = keep;
    this.names = names;
    this.state = wasm.init_pagefind(...this.pass(meta)) >>> 0;
  }

  /**
   * Opens the bundle `load` reads from; its entry (pagefind-entry.json) is fetched fresh unless
   * given (segments.json carries each segment's, saving a round trip before anything else can load).
   */
  static async open(load: Load, given?: unknown): Promise<PagefindBundle> {
    const entry = (given ?? JSON.parse(decoder.decode(await load(`pagefind-entry.json?ts=${Date.now()}`)))) as Entry;
    if (entry.version !== PAGEFIND_VERSION)
      throw new BundleError(
        `the search bundle was built by Pagefind ${entry.version}; this page speaks to ${PAGEFIND_VERSION}`,
      );
    const index = Object.values(entry.languages)[0];
    const names = entry[NAMES];
    if (
      !index ||
      !Array.isArray(names?.fragment) ||
      !Array.isArray(names.index) ||
      !names.fragment.every((group) => Array.isArray(group) && typeof group[0] === 'number')
    )
      throw new BundleError('the search bundle has no index, or was not compacted');
    const fetchPacked = async (path: string) => unpack(await load(path), path);
    const wasmPath = `wasm.${index.wasm ?? 'unknown'}.pagefind`;
    const [meta, module] = await Promise.all([
      fetchPacked(`pagefind.${index.hash}.pf_meta`),
      load(wasmPath).then((file) => compiled(file, wasmPath)),
    ]);
    const exports = await instantiate(module);
    // Only a head start: if it failed, the first search would compile the same code itself.
    warmUp(module).catch(() => undefined);
    // Writing the names back and Pagefind reading its tables are 20-90 ms each at 10x, while the
    // reader types: each in a task of its own, so that their keys are not held behind both (and
    // a pause the keys seemed to make does not search the word they were typing).
    await nextTask();
    const full = withNames(meta);
    await nextTask();
    return new PagefindBundle(exports, full, load, new Set(entry.include_characters ?? []), names);
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
              const bytes = this.pass(await unpack(await this.load(path), path));
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
   * The query as Pagefind's own script hands it to the WebAssembly: lower case, punctuation
   * dropped (quotes included: a quoted query is searched as a phrase), diacritics folded.
   */
  private prepare(query: string): { term: string; original: string; exact: boolean } {
    let kept = '';
    for (const char of query) {
      if (this.keep.has(char)) kept += char;
      else if (!/^[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]$/u.test(char)) kept += char.toLocaleLowerCase();
    }
    const words = kept
      .replace(/\s{2,}/g, ' ')
      .trim()
      .split(' ');
    const pairs = words.map((word) => [word, foldDiacritics(word)] as const).filter(([, folded]) => folded.length > 0);
    return {
      term: pairs.map(([, folded]) => folded).join(' '),
      original: pairs.map(([word]) => word).join(' '),
      exact: /^\s*".+"\s*$/.test(query),
    };
  }

  /**
   * Fetches the index chunks `query` needs, without searching: called while the reader types,
   * so that by the time they ask, the chunks of their words are loaded (Pagefind's preload).
   */
  async preload(query: string): Promise<void> {
    const { term } = this.prepare(query);
    if (term === '' || this.broken) return;
    await this.loadChunks(this.take(this.wasm.request_indexes(this.state, ...this.passText(term))), 'index');
  }

  /** Answers matching `query` (every word, or the quoted phrase), or all answers if it is null, within `filters`. */
  async search(query: string | null, filters: Record<string, { any: string[] }> = {}): Promise<Results> {
    const { term, original, exact } = query === null ? { term: '', original: '', exact: false } : this.prepare(query);
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
    return {
      results: raw.results.map((hit) => {
        const { p, s, l } = scored?.get(hit.p) ?? hit;
        // Several words not searched as a phrase need not be next to each other.
        return new Match(p, s, l, exact || words === 1 ? crossedIn(l, words) : 0, fragment);
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
      loading = this.load(path).then(async (file) => JSON.parse(decoder.decode(await unpack(file, path))) as Fragment);
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
  month = '';
  readonly score: number;
  readonly crossed: number;
  demoted = false;
  private readonly raw: RawHit['l'];
  private mapped: Hit['locations'] | undefined;
  private readonly fetch: (id: string) => Promise<Fragment>;

  constructor(id: string, score: number, raw: RawHit['l'], crossed: number, fetch: (id: string) => Promise<Fragment>) {
    this.id = id;
    this.rank = rankOf(id);
    this.score = score;
    this.raw = raw;
    this.crossed = crossed;
    this.fetch = fetch;
  }

  get locations(): Hit['locations'] {
    return (this.mapped ??= this.raw.map((at) => ({ location: at.l, score: at.s, weight: at.w })));
  }

  data(): Promise<Fragment> {
    return this.fetch(this.id);
  }
}

/**
 * The fewest bigrams crossing a word boundary among a result's matches of `words` words in a row
 * (a single word: 0 if any of its matches is a whole word); `words` if it has no such match.
 */
function crossedIn(locations: RawHit['l'], words: number): number {
  // Only Chinese bigrams are ever weighted down: other text crosses nothing.
  if (!locations.some(({ w }) => w <= CROSSING_WEIGHT)) return 0;
  if (words === 1) return locations.some(({ w }) => w > CROSSING_WEIGHT) ? 0 : 1;
  // Positions in order, each once with its least weight: a match is a run of consecutive positions.
  const sorted = [...locations].sort((a, b) => a.l - b.l || a.w - b.w);
  const at: number[] = [];
  const crossing: number[] = [];
  for (const { l, w } of sorted) {
    if (at[at.length - 1] === l) continue;
    at.push(l);
    crossing.push(w <= CROSSING_WEIGHT ? 1 : 0);
  }
  let fewest = words;
  for (let start = 0; start + words <= at.length && fewest > 0; start++) {
    if (at[start + words - 1]! - at[start]! !== words - 1) continue;
    let crossed = 0;
    for (let i = start; i < start + words; i++) crossed += crossing[i]!;
    fewest = Math.min(fewest, crossed);
  }
  return fewest;
}

/** Pagefind's folding: combining marks dropped, Japanese voicing marks kept. */
function foldDiacritics(text: string): string {
  const stripped = text.normalize('NFD').replace(/(?![\u3099\u309A])\p{M}/gu, '');
  return /[\u3099\u309A]/.test(stripped) ? stripped.normalize('NFC') : stripped;
}
