/**
 * Building a search index, for the build (Node only): records in, one compacted Pagefind bundle
 * per language out (write-bundles.ts), written in a process of its own (index-worker.ts). With
 * read.ts (opening and searching a bundle) and markup.ts (what indexed text may hold), the whole
 * of what the rest of the site may use of this folder: an ESLint rule keeps it so. README.md says
 * why the folder exists.
 */
export type { IndexMessage, IndexReply } from './index-worker.ts';
export { type BundleStats, type WriteBundlesOptions, writeBundles } from './write-bundles.ts';

/**
 * The module the build starts as the indexing process, from the project's root (the integration
 * runs bundled, where this file's own URL is not where it lies); it speaks IndexMessage and IndexReply.
 */
export const INDEX_WORKER = 'src/lib/search/pagefind/index-worker.ts';
