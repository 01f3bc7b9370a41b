/**
 * The id of a search record in a compacted bundle (compact-bundle.ts): its rank in date order, in
 * base 36 ("2bq"). It tells the browser a result's place in date order without a sort table to
 * download, and where to look up the name of its fragment file (see NAMES). An index chunk's id is
 * its place in the chunk list, written the same way.
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
 * Fragments and index chunks are named by a hash of their own bytes (as Pagefind names them), so
 * that a rebuild keeps the name of every file whose bytes did not change and a name never comes
 * back with other bytes: they can be cached for good, and a deploy uploads only what changed.
 * Those names are too long to list in the metadata every first query downloads (a tenth of it
 * again), so the metadata keeps the short ids, and the names are listed in small files of
 * NAMES_PER_SHARD ids each, themselves named by their content; pagefind-entry.json (fetched fresh
 * on every visit) lists those under this key: `{"fragment": [...], "index": [...]}`.
 */
export const NAMES = 'lecternNames';
export const NAMES_PER_SHARD = 64;

/** The shard of names that holds an id's name, and its place there. */
export function shardOf(id: string): { shard: number; slot: number } {
  const n = rankOf(id);
  return { shard: Math.floor(n / NAMES_PER_SHARD), slot: n % NAMES_PER_SHARD };
}

/** A file's name from its bytes' SHA-256 (hex): 12 hex digits, 48 bits, never repeated in practice. */
export const NAME_LENGTH = 12;
