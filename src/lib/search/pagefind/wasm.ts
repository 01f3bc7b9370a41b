import type { Counts } from './bundle.ts';
import { inflate } from './inflate.ts';

/**
 * Pagefind 1.6's WebAssembly, spoken to as its generated bindings do (wasm-bindgen: strings and
 * bytes are copied into its memory through its allocator, strings come back as pointer and
 * length). Its exports and their arguments are Pagefind's `pagefind_web/src/lib.rs`; this is the
 * part of the upgrade checklist (README.md) that a new version is most likely to break.
 */

export interface Wasm {
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

/** A search's result, as the WebAssembly's JSON has it. */
export interface RawHit {
  p: string;
  s: number;
  l: { l: number; s: number; w: number }[];
}

export interface RawResults {
  results: RawHit[];
  filtered_counts: Counts;
  total_counts: Counts;
}

export const encoder = new TextEncoder();
export const decoder = new TextDecoder();

/**
 * The WebAssembly compiled once per file: a language's segments share one (segments.ts loads it
 * once), and each compiling it again was tens of milliseconds before a first query's results.
 */
const modules = new WeakMap<ArrayBuffer, Promise<WebAssembly.Module>>();

export function compiled(file: ArrayBuffer, path: string): Promise<WebAssembly.Module> {
  let compiling = modules.get(file);
  if (!compiling) {
    compiling = inflate(file, path).then((code) => WebAssembly.compile(code as Uint8Array<ArrayBuffer>));
    compiling.catch(() => modules.delete(file));
    modules.set(file, compiling);
  }
  return compiling;
}

/** Copies bytes into the WebAssembly's memory, which takes them over. */
export function pass(wasm: Wasm, bytes: Uint8Array): [number, number] {
  const ptr = wasm.__wbindgen_malloc(bytes.length, 1) >>> 0;
  new Uint8Array(wasm.memory.buffer).set(bytes, ptr);
  return [ptr, bytes.length];
}

/** The text the WebAssembly handed back, its memory freed. */
export function take(wasm: Wasm, [ptr, len]: [number, number]): string {
  const text = decoder.decode(new Uint8Array(wasm.memory.buffer, ptr >>> 0, len));
  wasm.__wbindgen_free(ptr, len, 1);
  return text;
}

/**
 * Pagefind's search as its script calls it: the query folded (`term`) and as typed, the filters
 * as JSON, no sort, and whether the query is a phrase.
 */
export function searchIn(
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
export async function instantiate(module: WebAssembly.Module): Promise<Wasm> {
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
