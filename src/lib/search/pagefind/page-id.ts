import { lastAtOrBefore } from './sorted.ts';

/**
 * The id of a search record in a compacted bundle (compact.ts): its rank in date order, in
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
 * again), so files live in folders of consecutive ids, each folder named by the hash of the files
 * in it, a file by its place there; pagefind-entry.json (fetched fresh on every visit, inside
 * segments.json) lists the folders under this key:
 *
 * - `fragment`: folders of consecutive records (FragmentGroup), one month's at most, so that a
 *   transcript added or corrected renames the folders of its own month alone, however the ranks
 *   after it move. How many a folder holds is the segment's choice (write-bundles.ts): the newest
 *   quarter, which changes every day, in folders of 64, so that a day's answers rename one or two;
 *   the archive, which changes four times a year, in a folder per month, because each folder's
 *   name is on every first query's bill;
 * - `index`: folders of CHUNKS_PER_GROUP consecutive index chunks.
 *
 * A result's fragment and a word's chunk are fetched at once, where a file listing their names
 * first took a query's ten results nine more requests, and each word one more round trip.
 */
export const NAMES = 'lecternNames';
/** Index chunks per folder. */
export const CHUNKS_PER_GROUP = 64;

/** A folder of fragments: the rank of its first record, and its name. */
export type FragmentGroup = [start: number, name: string];

/** Where an index chunk is, under index/, given the folders' names. */
export function chunkPath(id: string, groups: string[]): string | undefined {
  const n = rankOf(id);
  const group = groups[Math.floor(n / CHUNKS_PER_GROUP)];
  return group === undefined ? undefined : `${group}/${pageId(n % CHUNKS_PER_GROUP)}.pf_index`;
}

/** Where a record's fragment is, under fragment/, given the folders (sorted by start). */
export function fragmentPath(id: string, groups: FragmentGroup[]): string | undefined {
  const rank = rankOf(id);
  const group = groups[lastAtOrBefore(groups.length, (i) => groups[i]![0], rank)];
  if (!group || group[0] > rank) return undefined;
  return `${group[1]}/${pageId(rank - group[0])}.pf_fragment`;
}

/** A file's name from its bytes' SHA-256 (hex): 12 hex digits, 48 bits, never repeated in practice. */
export const NAME_LENGTH = 12;
