import { type Cbor, arrayHead, encodeCbor, headSize, headValue, itemsEnd, writeHead } from './cbor.ts';
import { pageId } from './page-id.ts';
import { META, PAGEFIND_VERSION } from './format.ts';

/**
 * A record's length as ranking uses it (to weigh a match in a long answer less), on a scale of
 * 25% steps. Exact lengths were a good part of the metadata a first query loads; steps this
 * size move a score by a few percent at most, and the table ships as one byte a record, the step
 * (`lengthStep`).
 */
export function roughLength(words: number): number {
  return stepLength(lengthStep(words));
}

const STEP = Math.log(1.25);
/** The last step whose length a Pagefind page entry holds (an integer below 2^32). */
const MAX_STEP = 1 + Math.floor(Math.log(2 ** 32 - 1) / STEP);

/** The step of a length: 0 for none, else 1 + the nearest power of 1.25. */
export function lengthStep(words: number): number {
  if (words <= 0) return 0;
  const step = 1 + Math.round(Math.log(words) / STEP);
  if (step > MAX_STEP) throw new Error(`a record of ${words} words is longer than the search metadata can say`);
  return step;
}

/** The length a step stands for. */
export function stepLength(step: number): number {
  return step === 0 ? 0 : Math.round(Math.exp((step - 1) * STEP));
}

/**
 * The metadata as this site ships it: the page table as one byte a page, its length's step
 * (`lengthStep`), without its id; the chunk list without the chunks' names, front-coded. Ids and
 * names are implicit: the n-th page is `pageId(n)` (its rank, page-id.ts), and so is the n-th
 * chunk (compact.ts). A chunk's bounds
 * are sorted words, each sharing a prefix with the bound before it (`华` then `华为`, or the
 * shortest prefixes that tell one chunk from the next, compact.ts), so each is shipped as
 * `[bytes shared with the bound before, the rest]`: a chunk is `[shared, rest, shared, rest]`. The
 * browser writes the full form back (`withNames`) before Pagefind's WebAssembly reads it.
 * Ids and names were most of the metadata, and front coding takes a third off the chunk list.
 */
export function withoutNames(meta: Cbor[]): Cbor[] {
  const pages = meta[META.pages] as Cbor[][];
  const chunks = meta[META.indexChunks] as Cbor[][];
  const steps = new Uint8Array(pages.length);
  pages.forEach((page, n) => {
    if (page[0] !== pageId(n)) throw new Error(`page ${n} is named ${String(page[0])}, not by its rank`);
    if (page.length !== 3 || page[2] !== '' || typeof page[1] !== 'number')
      throw new Error(`page ${n} is not [id, length, ""], the page entry of Pagefind ${PAGEFIND_VERSION}`);
    steps[n] = lengthStep(page[1]);
  });
  chunks.forEach((chunk, n) => {
    if (chunk[2] !== pageId(n)) throw new Error(`index chunk ${n} is named ${String(chunk[2])}, not by its place`);
  });
  const shipped = [...meta];
  shipped[META.pages] = steps;
  const utf8 = new TextEncoder();
  const text = new TextDecoder();
  let before = new Uint8Array();
  const frontCoded = (bound: Cbor): Cbor[] => {
    const bytes = utf8.encode(bound as string);
    let shared = 0;
    while (shared < bytes.length && shared < before.length && bytes[shared] === before[shared]) shared++;
    // Not inside a character: the rest stays a text.
    while (shared > 0 && shared < bytes.length && (bytes[shared]! & 0xc0) === 0x80) shared--;
    before = bytes;
    return [shared, text.decode(bytes.subarray(shared))];
  };
  shipped[META.indexChunks] = chunks.map(([first, last]) => [...frontCoded(first!), ...frontCoded(last!)]);
  return shipped;
}

/**
 * The metadata Pagefind's WebAssembly reads, from the shipped form's bytes (`withoutNames`): every
 * item but the names copied as it is. It runs once per segment, cold, before the first results: on
 * a large archive's Chinese table, decoding into values and encoding again took over a second;
 * this one loop, a small fraction of that.
 */
export function withNames(shipped: Uint8Array): Uint8Array {
  // Pages grow from a byte to at most 16 (id, length, ""), a chunk's bounds by what they share
  // with the bounds before: `room` grows the buffer when they need it.
  let out = new Uint8Array(shipped.length * 4 + 64);
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
  pos += headSize(shipped[pos]!);
  for (let field = 0; field < fields; field++) {
    if (field !== META.pages && field !== META.indexChunks) {
      const end = itemsEnd(shipped, pos);
      room(end - pos);
      out.set(shipped.subarray(pos, end), at);
      at += end - pos;
      pos = end;
      continue;
    }
    if (field === META.pages) {
      if (shipped[pos]! >> 5 !== 2) throw new Error('the search metadata has no page lengths');
      const count = headValue(shipped, pos);
      pos += headSize(shipped[pos]!);
      room(9 + count * 16);
      at = writeHead(out, at, 4, count);
      // An id and a length computed per page were slow on a large table: the id is counted up in
      // place and the lengths' bytes come from a table.
      const lengths = lengthHeads();
      const id = [48]; // "0"
      for (let n = 0; n < count; n++) {
        out[at++] = 0x83;
        out[at++] = 0x60 | id.length;
        for (const char of id) out[at++] = char;
        const length = lengths[shipped[pos++]!];
        if (!length) throw new Error(`the search metadata's page ${n} has no length step`);
        for (const byte of length) out[at++] = byte;
        out[at++] = 0x60;
        countUp(id);
      }
      continue;
    }
    const count = arrayLength(shipped, pos);
    room(9);
    at = writeHead(out, at, 4, count);
    pos += headSize(shipped[pos]!);
    pos = eachBound(shipped, pos, count, (n, bound, bytes) => {
      if (bound === 0) {
        room(1);
        out[at++] = 0x83;
      }
      room(bytes.length + 12);
      at = writeHead(out, at, 3, bytes.length);
      out.set(bytes, at);
      at += bytes.length;
      if (bound === 1) {
        room(8);
        at = writeId(out, at, pageId(n));
      }
    });
  }
  return out.slice(0, at);
}

/**
 * Reads the shipped chunk list's `count` chunks from `pos` (after its head), handing each bound's
 * UTF-8 bytes to `visit` in order (chunk `n`, bound 0 then 1); returns where the list ends.
 */
function eachBound(
  shipped: Uint8Array,
  pos: number,
  count: number,
  visit: (n: number, bound: 0 | 1, bytes: Uint8Array) => void,
): number {
  let before = new Uint8Array();
  for (let n = 0; n < count; n++) {
    const items = arrayLength(shipped, pos);
    pos++;
    if (items !== 4) throw new Error(`the search metadata's index chunk ${n} is not front-coded`);
    for (const bound of [0, 1] as const) {
      if (shipped[pos]! >> 5 !== 0 || shipped[pos + headSize(shipped[pos]!)]! >> 5 !== 3)
        throw new Error(`the search metadata's index chunk ${n} is not front-coded`);
      const shared = headValue(shipped, pos);
      pos += headSize(shipped[pos]!);
      const rest = headValue(shipped, pos);
      pos += headSize(shipped[pos]!);
      if (shared > before.length) throw new Error(`the search metadata's index chunk ${n} shares more than there is`);
      const bytes = new Uint8Array(shared + rest);
      bytes.set(before.subarray(0, shared));
      bytes.set(shipped.subarray(pos, pos + rest), shared);
      pos += rest;
      visit(n, bound, bytes);
      before = bytes;
    }
  }
  return pos;
}

/** The bounds of every index chunk, in the shipped metadata (`withoutNames`), as UTF-8 bytes. */
export function chunkBounds(shipped: Uint8Array): [from: Uint8Array, to: Uint8Array][] {
  let pos = 0;
  const fields = arrayLength(shipped, pos);
  if (fields <= META.indexChunks) throw new Error('the search metadata has no chunk list');
  pos += headSize(shipped[pos]!);
  pos = itemsEnd(shipped, pos, META.indexChunks);
  const count = arrayLength(shipped, pos);
  pos += headSize(shipped[pos]!);
  const bounds: [Uint8Array, Uint8Array][] = [];
  eachBound(shipped, pos, count, (n, bound, bytes) => {
    if (bound === 0) bounds.push([bytes, bytes]);
    else bounds[n]![1] = bytes;
  });
  return bounds;
}

/** The length of the array whose head is at `pos`. */
function arrayLength(bytes: Uint8Array, pos: number): number {
  if (bytes[pos]! >> 5 !== 4) throw new Error(`the search metadata has no array at byte ${pos}`);
  return headValue(bytes, pos);
}

let lengthBytes: Uint8Array[] | undefined;

/** Each step's length as CBOR bytes (an unsigned integer), computed once. */
function lengthHeads(): Uint8Array[] {
  if (!lengthBytes) {
    lengthBytes = Array.from({ length: MAX_STEP + 1 }, (_, step) => encodeCbor(stepLength(step)));
  }
  return lengthBytes;
}

/** The next id in base 36 (`pageId`), as ASCII codes, in place: "z" → "10". */
function countUp(id: number[]): void {
  for (let i = id.length - 1; i >= 0; i--) {
    const char = id[i]!;
    if (char === 122) {
      id[i] = 48; // "z" → "0", carried
      continue;
    }
    id[i] = char === 57 ? 97 : char + 1; // "9" → "a"
    return;
  }
  id.unshift(49); // "1"
}

/** An id as a CBOR text: a few ASCII characters, fewer than the 24 that fit in the head. */
function writeId(out: Uint8Array, at: number, id: string): number {
  out[at++] = 0x60 | id.length;
  for (let i = 0; i < id.length; i++) out[at++] = id.charCodeAt(i);
  return at;
}
