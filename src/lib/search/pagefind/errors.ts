/** A search bundle that cannot be written or read: what is wrong and, where known, which file. */
export class BundleError extends Error {
  override name = 'BundleError';
}
