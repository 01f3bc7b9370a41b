/**
 * A process that builds the search index (write-bundles.ts): sent each language's folder and
 * records, it writes the bundles, answers with their figures and exits. A process of its own so
 * that the index is built on another core while the build's process renders the pages, and so
 * that what indexing holds (the records, the pieces being joined) goes back to the system when it ends.
 */
import process from 'node:process';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../records.ts';
import { type BundleStats, writeBundles } from './write-bundles.ts';

/**
 * What the build's process sends: the cache folder (segment-cache.ts), then each bundle's folder
 * followed by its records in batches, then `end`.
 */
export type IndexMessage = { cache: string } | { bundle: string } | { records: SearchRecord[] } | { end: true };
/** What this process answers: how many records Pagefind has been given, as it goes; then, once, what it wrote. */
export type IndexReply = { indexed: number; total: number } | { written: BundleStats[] } | { error: string };

const bundles: { dir: string; records: SearchRecord[] }[] = [];
let cache: string | undefined;

process.on('message', (message: IndexMessage) => {
  if ('cache' in message) cache = message.cache;
  else if ('bundle' in message) bundles.push({ dir: message.bundle, records: [] });
  else if ('records' in message) bundles.at(-1)!.records.push(...message.records);
  else void build();
});

async function build(): Promise<void> {
  let reply: IndexReply;
  try {
    const onIndexed = (indexed: number, total: number) => process.send!({ indexed, total } satisfies IndexReply);
    reply = { written: await writeBundles(bundles, { ...(cache !== undefined && { cache }), onIndexed }) };
  } catch (error) {
    reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  } finally {
    await pagefind.close();
  }
  process.send!(reply, () => {
    process.disconnect();
  });
}
