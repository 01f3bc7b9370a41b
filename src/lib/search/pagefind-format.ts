/**
 * What this site relies on of Pagefind's internals, in one place. Pagefind documents its Node API
 * and its browser script, not its files or its WebAssembly; the build rewrites the files
 * (compact-bundle.ts) and the search page drives the WebAssembly itself (pagefind-runtime.ts),
 * so both are tied to one version, which package.json pins exactly and a unit test checks against
 * the one installed.
 *
 * Upgrading Pagefind:
 * 1. Read its changelog and, in its source, `pagefind_web/src/lib.rs` (the exports and their
 *    arguments), `metadata.rs` and `index.rs` (the CBOR of the metadata and of index chunks), and
 *    the generated `pagefind_web.js` (wasm-bindgen's imports and start-up).
 * 2. Update PAGEFIND_VERSION and the pin in package.json together; check META, SIGNATURE, the Wasm
 *    interface in pagefind-runtime.ts (the order of `search`'s arguments and the keys of its result:
 *    RawResults) and the query normalisation there (`prepare`, a copy of Pagefind's script's).
 * 3. Run `npm run test:unit` (it writes real bundles and searches them in Node) and
 *    `npm run bench:search` (quality and transfer in a browser).
 */

/** The Pagefind whose files and WebAssembly this site reads (package.json pins it). */
export const PAGEFIND_VERSION = '1.6.0';

/** What every Pagefind file starts with once inflated. */
export const SIGNATURE = 'pagefind_dcd';

/** Fields of a bundle's metadata (`pagefind.<hash>.pf_meta`, a CBOR array), by position. */
export const META = {
  /** The version that wrote it. */
  version: 0,
  /** The page table: `[id, word count, ...]` per page, in the order index chunks number them. */
  pages: 1,
  /** The index chunks: `[first word, last word, name]`, in word order. */
  indexChunks: 2,
  /** The filter chunks. */
  filterChunks: 3,
  /** Sort tables by sort key (this site sorts by rank and keeps none). */
  sorts: 4,
} as const;
