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
 * pagefind-entry.json (fetched fresh on every visit) lists them under this key:
 *
 * - `index`: the names of index chunks, too long to list in the metadata every first query
 *   downloads (a tenth of it again), are in small files of NAMES_PER_SHARD ids each, themselves
 *   named by their content; the entry lists those files.
 * - `fragment`: fragments live in folders of consecutive records (FragmentGroup), a folder named by
 *   the hash of the fragments in it, a fragment by its place there. The entry lists the folders,
 *   so a result's fragment is fetched at once, not after a file of names (which took a query's ten
 *   results nine more requests). A folder holds one month's records at most, so that a transcript
 *   added or corrected renames the folders of its own month alone, however the ranks after it move.
 */
export const NAMES = 'lecternNames';
export const NAMES_PER_SHARD = 64;
/** Fragments per folder, at most. */
export const FRAGMENTS_PER_GROUP = 64;

/** A folder of fragments: the rank of its first record, and its name. */
export type FragmentGroup = [start: number, name: string];

/** The shard of names that holds an id's name, and its place there. */
export function shardOf(id: string): { shard: number; slot: number } {
  const n = rankOf(id);
  return { shard: Math.floor(n / NAMES_PER_SHARD), slot: n % NAMES_PER_SHARD };
}

/** Where a record's fragment is, under fragment/, given the folders (sorted by start). */
export function fragmentPath(id: string, groups: FragmentGroup[]): string | undefined {
  const rank = rankOf(id);
  let low = 0;
  let high = groups.length - 1;
  // The last folder that starts at or before the rank.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (groups[middle]![0] <= rank) low = middle;
    else high = middle - 1;
  }
  const group = groups[low];
  if (!group || group[0] > rank || rank - group[0] >= FRAGMENTS_PER_GROUP) return undefined;
  return `${group[1]}/${pageId(rank - group[0])}`;
}

/** A file's name from its bytes' SHA-256 (hex): 12 hex digits, 48 bits, never repeated in practice. */
export const NAME_LENGTH = 12;
