import { type Cbor, arrayHead } from './cbor.ts';
import { META } from './pagefind-format.ts';

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
 * again), so files live in folders of consecutive ids, each folder named by the hash of the files
 * in it, a file by its place there; pagefind-entry.json (fetched fresh on every visit, inside
 * segments.json) lists the folders under this key:
 *
 * - `fragment`: folders of consecutive records (FragmentGroup), one month's at most, so that a
 *   transcript added or corrected renames the folders of its own month alone, however the ranks
 *   after it move;
 * - `index`: folders of CHUNKS_PER_GROUP consecutive index chunks.
 *
 * A result's fragment and a word's chunk are fetched at once, where a file listing their names
 * first took a query's ten results nine more requests, and each word one more round trip.
 */
export const NAMES = 'lecternNames';
/** Fragments per folder, at most. */
export const FRAGMENTS_PER_GROUP = 64;
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
  return `${group[1]}/${pageId(rank - group[0])}.pf_fragment`;
}

/** A file's name from its bytes' SHA-256 (hex): 12 hex digits, 48 bits, never repeated in practice. */
export const NAME_LENGTH = 12;

/**
 * The metadata as this site ships it: the page table without the pages' ids and the chunk list
 * without the chunks' names. Both are implicit: the n-th page is `pageId(n)` (its rank, above),
 * and so is the n-th chunk (compact-bundle.ts). The browser writes them back
 * (`withNames`) before Pagefind's WebAssembly reads the metadata. Measured on the 10x archive, the
 * ids were three quarters of the metadata every first query loads: 167 of 217 KiB gzipped
 * (Chinese), where the table without them is 7 KiB.
 */
export function withoutNames(meta: Cbor[]): Cbor[] {
  const pages = meta[META.pages] as Cbor[][];
  const chunks = meta[META.indexChunks] as Cbor[][];
  pages.forEach((page, n) => {
    if (page[0] !== pageId(n)) throw new Error(`page ${n} is named ${String(page[0])}, not by its rank`);
  });
  chunks.forEach((chunk, n) => {
    if (chunk[2] !== pageId(n)) throw new Error(`index chunk ${n} is named ${String(chunk[2])}, not by its place`);
  });
  const shipped = [...meta];
  shipped[META.pages] = pages.map(([, ...rest]) => rest);
  shipped[META.indexChunks] = chunks.map(([first, last]) => [first!, last!]);
  return shipped;
}

/**
 * The metadata Pagefind's WebAssembly reads, from the shipped form's bytes (`withoutNames`): every
 * item but the names copied as it is. It runs once per segment, cold, before the first results: on
 * the 10x archive's Chinese table, decoding into values and encoding again took over a second;
 * this one loop, a few tens of milliseconds.
 */
export function withNames(shipped: Uint8Array): Uint8Array {
  // Each entry is at least a byte and gains at most 8 (an id of up to 6 characters and its head).
  const out = new Uint8Array(shipped.length * 9 + 64);
  let at = 0;
  let pos = 0;
  const fields = arrayLength(shipped, pos);
  if (fields <= META.indexChunks) throw new Error('the search metadata has no page table or chunk list');
  const fieldsHead = arrayHead(fields);
  out.set(fieldsHead, at);
  at += fieldsHead.length;
  pos += headLength(shipped[pos]!);
  for (let field = 0; field < fields; field++) {
    if (field !== META.pages && field !== META.indexChunks) {
      const end = after(shipped, pos, 1);
      out.set(shipped.subarray(pos, end), at);
      at += end - pos;
      pos = end;
      continue;
    }
    const count = arrayLength(shipped, pos);
    const countHead = arrayHead(count);
    out.set(countHead, at);
    at += countHead.length;
    pos += headLength(shipped[pos]!);
    for (let n = 0; n < count; n++) {
      const items = arrayLength(shipped, pos);
      if (items > 22) throw new Error(`the search metadata's entry ${n} of field ${field} is too long`);
      out[at++] = 0x80 | (items + 1);
      pos++;
      const id = pageId(n);
      if (field === META.pages) at = writeId(out, at, id);
      const end = after(shipped, pos, items);
      for (let i = pos; i < end; i++) out[at++] = shipped[i]!;
      pos = end;
      if (field === META.indexChunks) at = writeId(out, at, id);
    }
  }
  return out.slice(0, at);
}

/** The length of the array whose head is at `pos`. */
function arrayLength(bytes: Uint8Array, pos: number): number {
  if (bytes[pos]! >> 5 !== 4) throw new Error(`the search metadata has no array at byte ${pos}`);
  return headValue(bytes, pos);
}

/** The length (array, string) or value (integer) in the head at `pos`. */
function headValue(bytes: Uint8Array, pos: number): number {
  const info = bytes[pos]! & 31;
  if (info < 24) return info;
  if (info > 27) throw new Error(`the search metadata has an unsupported CBOR head at byte ${pos}`);
  let value = 0;
  for (let i = 1; i <= 1 << (info - 24); i++) value = value * 256 + bytes[pos + i]!;
  return value;
}

/** Where `items` items starting at `pos` end. */
function after(bytes: Uint8Array, pos: number, items: number): number {
  for (let item = 0; item < items; item++) {
    const major = bytes[pos]! >> 5;
    const value = headValue(bytes, pos);
    pos += headLength(bytes[pos]!);
    if (major === 2 || major === 3) pos += value;
    else if (major === 4) pos = after(bytes, pos, value);
    else if (major > 1) throw new Error(`the search metadata has an unsupported CBOR type at byte ${pos}`);
  }
  return pos;
}

/** How many bytes a head takes, from its first. */
function headLength(first: number): number {
  const info = first & 31;
  return info < 24 ? 1 : 1 + (1 << (info - 24));
}

/** An id as a CBOR text: a few ASCII characters, fewer than the 24 that fit in the head. */
function writeId(out: Uint8Array, at: number, id: string): number {
  out[at++] = 0x60 | id.length;
  for (let i = 0; i < id.length; i++) out[at++] = id.charCodeAt(i);
  return at;
}
