import process from 'node:process';

/**
 * Where builds keep what the next build reuses (Astro's cacheDir: content store, incremental
 * pages, share cards, search index, the formulas' tracer). Tests and benchmarks build other
 * content folders side by side, each with its own (LECTERN_CACHE).
 */
export function buildCache(): string {
  return process.env.LECTERN_CACHE ?? './node_modules/.astro';
}
