import { readFile } from 'node:fs/promises';
import { CborError, CborReader } from './cbor.ts';
import { BundleError } from './errors.ts';
import { unpackBytes } from './pack.ts';

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
