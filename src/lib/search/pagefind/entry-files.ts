/**
 * The files a language's index is opened from, at its folder's root (/pagefind/<lang>/), named
 * alike by the build that writes them (write-bundles.ts) and the opening (segments.ts).
 */

/**
 * The list of the index's segments, with each one's entry (segments.ts). Fetched fresh on every
 * visit, like Pagefind's own entry file.
 */
export const SEGMENTS_FILE = 'segments.json';

/**
 * Pagefind's WebAssembly for the language, the same for every segment, under one name whatever
 * Pagefind calls it (write-bundles.ts), so that the browser fetches it beside segments.json rather
 * than after it: on a phone's round trips, a search opened from a link then waits for the larger
 * of the two, not for both in turn.
 */
export const WASM_FILE = 'wasm.pagefind';
