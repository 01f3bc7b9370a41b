/**
 * The id of a search record in a compacted bundle (compact-bundle.ts): its rank in date order, in
 * base 36 ("2bq"). It names the record's fragment file (fragment/<tag>/2bq.pf_fragment) and tells
 * the browser a result's place in date order without a sort table to download.
 *
 * Shared by the index build and the browser's search script.
 */
export function pageId(rank: number): string {
  return rank.toString(36);
}

/** A record's rank in date order (oldest first), from its id. */
export function rankOf(id: string): number {
  return parseInt(id, 36);
}

/**
 * The key in pagefind-entry.json of the folder under fragment/ and index/ that holds this build's
 * files: a hash of their content, so that a new build never reuses a cached file's name.
 */
export const FILE_TAG = 'lecternFiles';
