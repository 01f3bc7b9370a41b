/**
 * The id of a search record in a compacted bundle (see bundle.ts): the build's tag, then the
 * record's rank in date order in base 36, e.g. "k3f9a2/2bq". It names the record's fragment file
 * (fragment/k3f9a2/2bq.pf_fragment), so a new build never reuses a cached file's name, and it
 * tells the browser a result's place in date order without a sort table to download.
 *
 * Shared by the index build and the browser's search script.
 */
export function pageId(tag: string, rank: number): string {
  return `${tag}/${rank.toString(36)}`;
}

/** A record's rank in date order (oldest first), from its id. */
export function rankOf(id: string): number {
  return parseInt(id.slice(id.lastIndexOf('/') + 1), 36);
}
