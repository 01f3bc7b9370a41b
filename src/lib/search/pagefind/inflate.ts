import { gunzipSync } from 'fflate';
import { BundleError } from './errors.ts';
import { SIGNATURE } from './format.ts';

const decoder = new TextDecoder();

/**
 * Files up to this size (compressed) are inflated at once, in script; larger ones by the
 * browser's own DecompressionStream. A stream costs a few tasks per file, and a query's ten
 * fragments and chunks waited behind each other's; but the WebAssembly inflated in script,
 * before the script's inflater is warm, took longer than its download on a phone
 * (bench/results/search.md, per step).
 */
const AT_ONCE = 16 * 1024;

/** Pagefind's files are gzip-compressed and signed; the browser inflates them itself. */
export async function inflate(file: ArrayBuffer, path: string): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes =
      file.byteLength <= AT_ONCE
        ? gunzipSync(new Uint8Array(file))
        : new Uint8Array(
            await new Response(new Blob([file]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer(),
          );
  } catch (error) {
    throw new BundleError(`${path} is not a Pagefind file: it does not inflate`, { cause: error });
  }
  if (decoder.decode(bytes.subarray(0, SIGNATURE.length)) !== SIGNATURE)
    throw new BundleError(`${path} is not a Pagefind file`);
  return bytes.subarray(SIGNATURE.length);
}
