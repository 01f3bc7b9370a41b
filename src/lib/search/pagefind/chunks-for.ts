/**
 * The index chunks Pagefind's WebAssembly will ask for a query's terms (its `request_indexes`),
 * known from the metadata alone, before the WebAssembly is compiled: a search opened from a link
 * fetches its chunks while the WebAssembly is still on its way. For each term, the first chunk
 * whose bounds hold it, comparing UTF-8 bytes as Rust compares strings; where none does
 * (compact.ts ships bounds as the shortest prefixes that tell chunks apart: `harbour` falls after
 * the chunk `har`–`har`), the first whose bounds hold it once term and bound are cut to the
 * shorter of the two, a cut inside a character matching nothing (Rust's `str::get`). Only a head
 * start: the WebAssembly still asks for what it needs, and also asks for an English term's stem,
 * which this does not know; the unit tests hold it to Pagefind's own answer on real words.
 */
export function chunksFor(bounds: [from: Uint8Array, to: Uint8Array][], term: string): number[] {
  const utf8 = new TextEncoder();
  const words = term
    .split(' ')
    .filter((word) => word !== '')
    .map((word) => utf8.encode(word));
  const strict = (word: Uint8Array, [from, to]: [Uint8Array, Uint8Array]) =>
    compare(word, from) >= 0 && compare(word, to) <= 0;
  const loose = (word: Uint8Array, [from, to]: [Uint8Array, Uint8Array]) => {
    const low = compareCut(word, from);
    const high = compareCut(word, to);
    return low !== undefined && high !== undefined && low >= 0 && high <= 0;
  };
  const found = new Set<number>();
  for (const word of words) {
    let at = bounds.findIndex((bound) => strict(word, bound));
    if (at < 0) at = bounds.findIndex((bound) => loose(word, bound));
    if (at >= 0) found.add(at);
  }
  return [...found].sort((a, b) => a - b);
}

function compare(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** `a` against `b`, both cut to the shorter's length; undefined where the cut splits a character. */
function compareCut(a: Uint8Array, b: Uint8Array): number | undefined {
  const length = Math.min(a.length, b.length);
  const splits = (bytes: Uint8Array) => length < bytes.length && (bytes[length]! & 0xc0) === 0x80;
  if (splits(a) || splits(b)) return undefined;
  return compare(a.subarray(0, length), b.subarray(0, length));
}
