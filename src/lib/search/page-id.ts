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
 *   after it move. How many a folder holds is the segment's choice (write-bundle.ts): the newest
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
  let low = 0;
  let high = groups.length - 1;
  // The last folder that starts at or before the rank.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (groups[middle]![0] <= rank) low = middle;
    else high = middle - 1;
  }
  const group = groups[low];
  if (!group || group[0] > rank) return undefined;
  return `${group[1]}/${pageId(rank - group[0])}.pf_fragment`;
}

/** A file's name from its bytes' SHA-256 (hex): 12 hex digits, 48 bits, never repeated in practice. */
export const NAME_LENGTH = 12;

/**
 * The metadata as this site ships it: the page table without the pages' ids, and the chunk list
 * without the chunks' names and front-coded. Ids and names are implicit: the n-th page is
 * `pageId(n)` (its rank, above), and so is the n-th chunk (compact-bundle.ts). A chunk's bounds
 * are sorted words, each sharing a prefix with the bound before it (`华` then `华为`, or the
 * shortest prefixes that tell one chunk from the next, compact-bundle.ts), so each is shipped as
 * `[bytes shared with the bound before, the rest]`: a chunk is `[shared, rest, shared, rest]`. The
 * browser writes the full form back (`withNames`) before Pagefind's WebAssembly reads it.
 * Measured on the 10x archive's Chinese segment (11,943 chunks), gzipped: ids and names were 167 of
 * 262.7 KiB; the chunk list without names 68.1 KiB, front-coded 43.7.
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
  const utf8 = new TextEncoder();
  let before = new Uint8Array();
  const frontCoded = (bound: Cbor): Cbor[] => {
    const bytes = utf8.encode(bound as string);
    let shared = 0;
    while (shared < bytes.length && shared < before.length && bytes[shared] === before[shared]) shared++;
    // Not inside a character: the rest stays a text.
    while (shared > 0 && shared < bytes.length && (bytes[shared]! & 0xc0) === 0x80) shared--;
    before = bytes;
    return [shared, new TextDecoder().decode(bytes.subarray(shared))];
  };
  shipped[META.indexChunks] = chunks.map(([first, last]) => [...frontCoded(first!), ...frontCoded(last!)]);
  return shipped;
}

/**
 * The metadata Pagefind's WebAssembly reads, from the shipped form's bytes (`withoutNames`): every
 * item but the names copied as it is. It runs once per segment, cold, before the first results: on
 * the 10x archive's Chinese table, decoding into values and encoding again took over a second;
 * this one loop, a few tens of milliseconds.
 */
export function withNames(shipped: Uint8Array): Uint8Array {
  // A page gains at most 8 bytes (an id of up to 6 characters and its head); a chunk's bounds
  // may gain more than that, so `room` grows the buffer when they need it.
  let out = new Uint8Array(shipped.length * 9 + 64);
  const room = (needed: number) => {
    if (at + needed <= out.length) return;
    const larger = new Uint8Array(Math.max(out.length * 2, at + needed));
    larger.set(out.subarray(0, at));
    out = larger;
  };
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
      room(end - pos);
      out.set(shipped.subarray(pos, end), at);
      at += end - pos;
      pos = end;
      continue;
    }
    const count = arrayLength(shipped, pos);
    const countHead = arrayHead(count);
    room(countHead.length);
    out.set(countHead, at);
    at += countHead.length;
    pos += headLength(shipped[pos]!);
    let before = new Uint8Array();
    for (let n = 0; n < count; n++) {
      const items = arrayLength(shipped, pos);
      pos++;
      const id = pageId(n);
      if (field === META.pages) {
        if (items > 22) throw new Error(`the search metadata's page ${n} has too many fields`);
        const end = after(shipped, pos, items);
        room(end - pos + 9);
        out[at++] = 0x80 | (items + 1);
        at = writeId(out, at, id);
        for (let i = pos; i < end; i++) out[at++] = shipped[i]!;
        pos = end;
        continue;
      }
      if (items !== 4) throw new Error(`the search metadata's index chunk ${n} is not front-coded`);
      room(1);
      out[at++] = 0x83;
      for (let bound = 0; bound < 2; bound++) {
        if (shipped[pos]! >> 5 !== 0 || shipped[pos + headLength(shipped[pos]!)]! >> 5 !== 3)
          throw new Error(`the search metadata's index chunk ${n} is not front-coded`);
        const shared = headValue(shipped, pos);
        pos += headLength(shipped[pos]!);
        const rest = headValue(shipped, pos);
        pos += headLength(shipped[pos]!);
        if (shared > before.length) throw new Error(`the search metadata's index chunk ${n} shares more than there is`);
        const bytes = new Uint8Array(shared + rest);
        bytes.set(before.subarray(0, shared));
        bytes.set(shipped.subarray(pos, pos + rest), shared);
        pos += rest;
        room(bytes.length + 12);
        at = writeHead(out, at, 3, bytes.length);
        out.set(bytes, at);
        at += bytes.length;
        before = bytes;
      }
      room(8);
      at = writeId(out, at, id);
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

/** A CBOR head: its major type and its value (a length here). */
function writeHead(out: Uint8Array, at: number, major: number, value: number): number {
  if (value < 24) out[at++] = (major << 5) | value;
  else if (value < 256) {
    out[at++] = (major << 5) | 24;
    out[at++] = value;
  } else {
    out[at++] = (major << 5) | 25;
    out[at++] = value >> 8;
    out[at++] = value & 255;
  }
  return at;
}

/** An id as a CBOR text: a few ASCII characters, fewer than the 24 that fit in the head. */
function writeId(out: Uint8Array, at: number, id: string): number {
  out[at++] = 0x60 | id.length;
  for (let i = 0; i < id.length; i++) out[at++] = id.charCodeAt(i);
  return at;
}
