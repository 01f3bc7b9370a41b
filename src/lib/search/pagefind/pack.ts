import { gunzipSync, gzipSync } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';
import { type Cbor, decodeCbor } from './cbor.ts';
import { BundleError } from './errors.ts';
import { SIGNATURE } from './format.ts';

/**
 * Pagefind's files are gzip-compressed with a signature inside, and served as they are (no host
 * compresses them again). Most are packed with zlib (at `level`); the few every first query
 * downloads (each segment's metadata, the WebAssembly) are packed with Zopfli, a slower compressor
 * writing the same gzip format, where its seconds buy a smaller first query; on the thousands of
 * small fragments and chunks it gains little for minutes (docs/design-figures.md).
 */
export function pack(parts: Uint8Array[], level = 9): Buffer {
  // Copied out: zlib's output is a view of a larger buffer, which a small fragment would hold
  // until its bundle is written.
  return Buffer.from(gzipSync(Buffer.concat([Buffer.from(SIGNATURE), ...parts]), { level }));
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
export function unpackCbor(file: Buffer, name: string): Cbor {
  return decodeCbor(unpackBytes(file, name));
}
