/**
 * A process that builds the search index (write-bundles.ts): sent each language's folder and
 * records, it writes the bundles, then the likeliest searches' first pages from them
 * (ready-results.ts), answers with their figures and exits. A process of its own so that the
 * index is built on another core while the build's process renders the pages, and so that what
 * indexing holds (the records, the pieces being joined, the index searched) goes back to the
 * system when it ends: at 10x, searching the index in the build's own process, after the render,
 * took its heap past 2 GiB.
 */
import process from 'node:process';
import * as pagefind from 'pagefind';
import type { Lang } from '../../../schemas/transcript.ts';
import { likelyQueries } from '../likely-queries.ts';
import { type ReadyStats, writeReadyResults } from '../ready-results.ts';
import type { SearchRecord } from '../records.ts';
import { type BundleStats, writeBundles } from './write-bundles.ts';

/**
 * What the build's process sends: the cache folder (segment-cache.ts), then each bundle's folder
 * followed by its records in batches, then `end`.
 */
export type IndexMessage =
  | { cache: string }
  | { names: Record<Lang, string[]> }
  | { out: string }
  | { bundle: string; lang: Lang }
  | { records: SearchRecord[] }
  | { end: true };
/**
 * What this process answers: how many records Pagefind has been given, as it goes; then, once,
 * what it wrote and the likeliest searches of each language (likely-queries.ts), worked out here
 * from the records it holds anyway, beside the render rather than in its process.
 */
export type IndexReply =
  | { indexed: number; total: number }
  | { written: BundleStats[]; ready: ReadyStats[]; ms: { index: number; ready: number } }
  | { error: string };

const bundles: { dir: string; lang: Lang; records: SearchRecord[] }[] = [];
let cache: string | undefined;
let out: string | undefined;
let names: Record<Lang, string[]> = { en: [], zh: [] };

process.on('message', (message: IndexMessage) => {
  if ('cache' in message) cache = message.cache;
  else if ('names' in message) names = message.names;
  else if ('out' in message) out = message.out;
  else if ('bundle' in message) bundles.push({ dir: message.bundle, lang: message.lang, records: [] });
  else if ('records' in message) bundles.at(-1)!.records.push(...message.records);
  else void build();
});

async function build(): Promise<void> {
  let reply: IndexReply;
  try {
    const onIndexed = (indexed: number, total: number) => process.send!({ indexed, total } satisfies IndexReply);
    const started = performance.now();
    const written = await writeBundles(bundles, { ...(cache !== undefined && { cache }), onIndexed });
    const likely = likelyQueries(
      bundles.flatMap(({ records }) => records),
      names,
    );
    const indexed = performance.now();
    for (const bundle of bundles) bundle.records = [];
    if (out === undefined) throw new Error('the index process was not sent the output folder');
    const ready: ReadyStats[] = [];
    for (const { lang } of bundles) ready.push(await writeReadyResults(out, lang, likely[lang]));
    reply = { written, ready, ms: { index: indexed - started, ready: performance.now() - indexed } };
  } catch (error) {
    reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  } finally {
    await pagefind.close();
  }
  process.send!(reply, () => {
    process.disconnect();
  });
}
