/**
 * The constants of Pagefind 1.6's files that this folder reads and writes. Pagefind documents its
 * Node API and its browser script, not its files or its WebAssembly: README.md says why this site
 * depends on them anyway and what to check when Pagefind is upgraded.
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
