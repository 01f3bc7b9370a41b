import { gunzipSync, gzipSync } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';
import { readFile } from 'node:fs/promises';
import { type Cbor, CborError, CborReader, decodeCbor } from './cbor.ts';
import { SIGNATURE } from './pagefind-format.ts';
import { BundleError } from './pagefind-runtime.ts';

/**
 * Pagefind's files are gzip-compressed with a signature inside, and served as they are (no host
 * compresses them again). Most are packed with zlib; the few every first query downloads (each
 * segment's metadata, the WebAssembly) are packed with Zopfli, a slower compressor writing the
 * same gzip format: measured on the shared corpus, the Chinese archive's metadata 36.3 → 30.8 KiB
 * and the WebAssembly 54.1 → 51.6 KiB, for about a second each; on the thousands of small
 * fragments and chunks it gained 5% at a minute per two hundred files, so they keep zlib.
 */
export function pack(parts: Uint8Array[]): Buffer {
  // Copied out: zlib's output is a view of a 16 KiB buffer, which a 1.5 KiB fragment held until
  // its bundle was written (1.2 GiB for the 10x archive's Chinese fragments, measured).
  return Buffer.from(gzipSync(Buffer.concat([Buffer.from(SIGNATURE), ...parts]), { level: 9 }));
}

/** As `pack`, with Zopfli: for the files every first query downloads. */
export async function packSmallest(parts: Uint8Array[]): Promise<Buffer> {
  return Buffer.from(await gzipAsync(Buffer.concat([Buffer.from(SIGNATURE), ...parts]), { numiterations: 15 }));
}

/** A packed file packed again with Zopfli (the same bytes inside). */
export async function repackSmallest(file: Uint8Array): Promise<Buffer> {
  return Buffer.from(await gzipAsync(gunzipSync(file), { numiterations: 15 }));
}

/** What a packed file holds, checked to be Pagefind's. */
export function unpackBytes(file: Buffer, name: string): Uint8Array {
  const bytes = gunzipSync(file);
  if (bytes.subarray(0, SIGNATURE.length).toString() !== SIGNATURE)
    throw new BundleError(`${name}: not a Pagefind file (no ${SIGNATURE} signature)`);
  return bytes.subarray(SIGNATURE.length);
}

/** What a packed file holds, decoded. */
export function unpack(file: Buffer, name: string): Cbor {
  return decodeCbor(unpackBytes(file, name));
}

/** A word's entry in a word index, as its bytes, with its size as Pagefind measures it. */
export interface WordEntry {
  word: string;
  positions: number;
  bytes: Uint8Array;
}

/**
 * The entries of a word index file, in order. Each is kept as bytes (its page numbers are relative
 * to each other, not to the file): the Chinese index is ~20 MB, too much to decode into values and
 * encode again.
 */
export async function readWordIndex(file: string): Promise<WordEntry[]> {
  const bytes = unpackBytes(await readFile(file), file);
  const reader = new CborReader(bytes);
  const words: WordEntry[] = [];
  try {
    if (reader.array() !== 1) throw new CborError('a word index is an array of one item');
    for (let count = reader.array(); count > 0; count--) {
      const start = reader.pos;
      const { word, positions } = readWord(reader);
      words.push({ word, positions, bytes: bytes.subarray(start, reader.pos) });
    }
  } catch (error) {
    if (error instanceof CborError) throw new BundleError(`${file}: not a Pagefind 1.6 word index (${error.message})`);
    throw error;
  }
  return words;
}

/**
 * A word's entry in a word index: [word, [[page delta, [positions], [metadata positions]], …],
 * variants], with its size as Pagefind measures it (one per page and per position).
 */
function readWord(reader: CborReader): { word: string; positions: number } {
  const fields = reader.array();
  const word = reader.text();
  let positions = 0;
  for (let pages = reader.array(); pages > 0; pages--) {
    const parts = reader.array();
    reader.skip();
    positions += 1;
    for (let part = 1; part < parts; part++) {
      const count = reader.array();
      for (let i = 0; i < count; i++) reader.skip();
      positions += count;
    }
  }
  for (let field = 2; field < fields; field++) reader.skip();
  return { word, positions };
}
