import { gunzipSync, gzipSync } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';
import { SIGNATURE } from './pagefind-format.ts';

/**
 * Pagefind's files are gzip-compressed with a signature inside, and served as they are (no host
 * compresses them again). Most are packed with zlib; the few every first query downloads (each
 * segment's metadata, the WebAssembly) are packed with Zopfli, a slower compressor writing the
 * same gzip format: measured on the shared corpus, the Chinese archive's metadata 36.3 → 30.8 KiB
 * and the WebAssembly 54.1 → 51.6 KiB, for about a second each; on the thousands of small
 * fragments and chunks it gained 5% at a minute per two hundred files, so they keep zlib.
 */
export function pack(parts: Uint8Array[]): Buffer {
  return gzipSync(Buffer.concat([Buffer.from(SIGNATURE), ...parts]), { level: 9 });
}

/** As `pack`, with Zopfli: for the files every first query downloads. */
export async function packSmallest(parts: Uint8Array[]): Promise<Buffer> {
  return Buffer.from(await gzipAsync(Buffer.concat([Buffer.from(SIGNATURE), ...parts]), { numiterations: 15 }));
}

/** A packed file packed again with Zopfli (the same bytes inside). */
export async function repackSmallest(file: Uint8Array): Promise<Buffer> {
  return Buffer.from(await gzipAsync(gunzipSync(file), { numiterations: 15 }));
}
