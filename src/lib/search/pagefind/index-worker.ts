/**
 * A process that builds the search index (write-bundles.ts): sent each language's folder and
 * records, it writes the bundles, answers with their figures and exits. A process of its own so
 * that the index is built on another core while the build's process renders the pages, and so
 * that what indexing holds (the records, the pieces being joined) goes back to the system when it ends.
 */
import process from 'node:process';
import * as pagefind from 'pagefind';
import type { Lang } from '../../../schemas/transcript.ts';
import { likelyQueries } from '../likely-queries.ts';
import type { SearchRecord } from '../records.ts';
import { type BundleStats, writeBundles } from './write-bundles.ts';

/**
 * What the build's process sends: the cache folder (segment-cache.ts), then each bundle's folder
 * followed by its records in batches, then `end`.
 */
export type IndexMessage =
  | { cache: string }
  | { names: Record<Lang, string[]> }
  | { bundle: string }
  | { records: SearchRecord[] }
  | { end: true };
/**
 * What this process answers: how many records Pagefind has been given, as it goes; then, once,
 * what it wrote and the likeliest searches of each language (likely-queries.ts), worked out here
 * from the records it holds anyway, beside the render rather than in its process.
 */
export type IndexReply =
  { indexed: number; total: number } | { written: BundleStats[]; likely: Record<Lang, string[]> } | { error: string };

const bundles: { dir: string; records: SearchRecord[] }[] = [];
let cache: string | undefined;
let names: Record<Lang, string[]> = { en: [], zh: [] };

process.on('message', (message: IndexMessage) => {
  if ('cache' in message) cache = message.cache;
  else if ('names' in message) names = message.names;
  else if ('bundle' in message) bundles.push({ dir: message.bundle, records: [] });
  else if ('records' in message) bundles.at(-1)!.records.push(...message.records);
  else void build();
});

async function build(): Promise<void> {
  let reply: IndexReply;
  try {
    const onIndexed = (indexed: number, total: number) => process.send!({ indexed, total } satisfies IndexReply);
    const written = await writeBundles(bundles, { ...(cache !== undefined && { cache }), onIndexed });
    reply = {
      written,
      likely: likelyQueries(
        bundles.flatMap(({ records }) => records),
        names,
      ),
    };
  } catch (error) {
    reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  } finally {
    await pagefind.close();
  }
  process.send!(reply, () => {
    process.disconnect();
  });
}
