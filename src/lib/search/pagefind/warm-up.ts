import { type Cbor, encodeCbor } from './cbor.ts';
import { PAGEFIND_VERSION } from './format.ts';
import { encoder, instantiate, pass, searchIn, take } from './wasm.ts';

/** Lets the page handle what waits (a key, a paint) before going on. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const warmed = new WeakMap<WebAssembly.Module, Promise<number>>();

/**
 * Runs a search through `module` once, on an index of two pages made here, in an instance of its
 * own, thrown away: V8 compiles a WebAssembly function when it first runs, and on a fresh visit
 * that was most of the first query's main-thread time in the WebAssembly (what is left after the
 * warm-up runs only on real data). Done once the index is open, while the
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
