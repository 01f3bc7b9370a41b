import { BundleError } from './errors.ts';
import { SIGNATURE } from './format.ts';

const decoder = new TextDecoder();

/** Pagefind's files are gzip-compressed and signed; the browser inflates them itself. */
export async function inflate(file: ArrayBuffer, path: string): Promise<Uint8Array> {
  const inflated = new Response(new Blob([file]).stream().pipeThrough(new DecompressionStream('gzip')));
  const bytes = new Uint8Array(await inflated.arrayBuffer());
  if (decoder.decode(bytes.subarray(0, SIGNATURE.length)) !== SIGNATURE)
    throw new BundleError(`${path} is not a Pagefind file`);
  return bytes.subarray(SIGNATURE.length);
}
