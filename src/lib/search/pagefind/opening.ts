/**
 * What opening a compacted bundle fetches first, by name: its metadata, named in its entry, and
 * the index chunks a query known in advance will need, named by the metadata's chunk bounds
 * (bundle.ts opens with them).
 */
import { chunksFor } from './chunks-for.ts';
import { BundleError } from './errors.ts';
import { PAGEFIND_VERSION } from './format.ts';
import { chunkBounds } from './meta-codec.ts';
import { type FragmentGroup, NAMES, chunkPath, pageId } from './page-id.ts';
import type { Load } from './bundle.ts';

/** Where files are (page-id.ts: NAMES): the folders of fragments and of index chunks. */
export interface Names {
  fragment: FragmentGroup[];
  index: string[];
}

/** A compacted bundle's pagefind-entry.json, as the browser reads it. */
export interface Entry {
  version: string;
  [NAMES]: Names;
  languages: Record<string, { hash: string; wasm?: string }>;
  include_characters?: string[];
}

/** The entry, checked: of this Pagefind version, with an index and the compacted bundle's names. */
export function checkedEntry(entry: unknown): Entry {
  const { version, languages, [NAMES]: names } = (entry ?? {}) as Partial<Entry>;
  if (version !== PAGEFIND_VERSION)
    throw new BundleError(
      `the search bundle was built by Pagefind ${version}; this page speaks to ${PAGEFIND_VERSION}`,
    );
  if (
    !languages ||
    !Object.values(languages)[0] ||
    !Array.isArray(names?.fragment) ||
    !Array.isArray(names.index) ||
    !names.fragment.every((group) => Array.isArray(group) && typeof group[0] === 'number')
  )
    throw new BundleError('the search bundle has no index, or was not compacted');
  return entry as Entry;
}

/** The path of the bundle's metadata, under its folder. */
export function metaPathOf(entry: Entry): string {
  return `pagefind.${Object.values(entry.languages)[0]!.hash}.pf_meta`;
}

/**
 * Starts fetching the index chunks `term` needs (chunks-for.ts), from the metadata as shipped;
 * returns them by path. A failure is the search's to report, when it loads the chunk itself.
 */
export function fetchExpected(
  shipped: Uint8Array,
  term: string,
  names: Names,
  load: Load,
): Map<string, Promise<ArrayBuffer>> {
  const fetched = new Map<string, Promise<ArrayBuffer>>();
  if (term === '') return fetched;
  for (const n of chunksFor(chunkBounds(shipped), term)) {
    const at = chunkPath(pageId(n), names.index);
    if (at === undefined) continue;
    const loading = load(`index/${at}`);
    loading.catch(() => undefined);
    fetched.set(`index/${at}`, loading);
  }
  return fetched;
}
