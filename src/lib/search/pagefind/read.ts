/**
 * Opening a language's search index and searching it, in the browser and in tests (no DOM, no
 * Node modules): its segments (segments.ts), each a compacted bundle searched by Pagefind's
 * WebAssembly (bundle.ts). With write.ts and markup.ts, all the rest of the site may use of this
 * folder (README.md).
 */
export type { Counts, Fragment, Hit, Load, Results } from './bundle.ts';
export { BundleError } from './errors.ts';
export { SearchIndex, byRelevance } from './segments.ts';
