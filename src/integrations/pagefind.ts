import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { type BundleStats, INDEX_WORKER, type IndexMessage, type IndexReply } from '../lib/search/pagefind/write.ts';
import type { ReadyStats } from '../lib/search/ready-results.ts';
import { type SearchRecord, placeByPublication } from '../lib/search/records.ts';
import { Progress } from '../lib/progress.ts';
import { type Lang, langs } from '../schemas/transcript.ts';
import { type SearchInput, onRecords } from './build-data.ts';
import { readManifest } from './permalink-guard.ts';

/** Records a message to the index process carries: the whole archive's in one would be one huge copy. */
const BATCH = 10_000;

/**
 * Builds the search index: one custom record per answer, from the build data
 * (src/pages/build-data.jsonl.ts), so that navigation and page chrome are never indexed and every
 * result is an answer. One bundle per language (pagefind/en/, pagefind/zh/): a reader's first query
 * loads the bundle of its language only, whose metadata lists that language's answers alone.
 *
 * The index is built in a process of its own (pagefind/index-worker.ts), started as soon as the build-data
 * page hands over the records, early in the render: rendering and indexing each keep about one core
 * busy, and side by side they take the longer of the two, not both (bench/results/build.md). The
 * same process then writes the likeliest searches' first pages (ready-results.ts) from the index it
 * wrote. The build waits for both once the pages are written. Any error fails the
 * build: a broken index must not ship. A segment of the index whose records are unchanged since
 * the build before is copied from the cache folder (`search/`, pagefind/segment-cache.ts): most days that is
 * the archive and the newest quarter's answers before their week.
 */
export default function pagefindIntegration(): AstroIntegration {
  let worker: URL;
  let out = '';
  let cache = '';
  let indexing:
    | {
        written: Promise<{ stats: BundleStats[]; ready: ReadyStats[]; ms: { index: number; ready: number } }>;
        counts: LangCount[];
      }
    | undefined;
  let stopListening = () => {};
  const start = ({ records, names }: SearchInput, logger: AstroIntegrationLogger) => {
    const bundles = langs
      .map((lang) => ({ lang, records: records.filter((record) => record.meta.lang === lang) }))
      .filter(({ records: own }) => own.length > 0)
      .map(({ lang, records: own }) => ({ lang, records: own, dir: `${out}pagefind/${lang}` }));
    // Lines of their own, never a live line: Astro logs the pages it renders meanwhile.
    const progress = new Progress({
      label: 'indexing answers',
      live: false,
      write: (line) => {
        logger.info(line);
      },
    });
    const written = index(bundles, names, worker, cache, out, (done, total) => {
      progress.update(done, total);
    }).then(({ written: stats, ready, ms }) => ({ stats, ready, ms }));
    // Awaited once the pages are written; marked handled so that a failure waits for that.
    written.catch(() => undefined);
    return {
      written,
      counts: bundles.map(({ lang, records: own }) => ({ lang, count: own.length })),
    };
  };
  return {
    name: 'lectern-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        worker = new URL(INDEX_WORKER, config.root);
        cache = join(fileURLToPath(config.cacheDir), 'search');
        out = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ logger }) => {
        indexing = undefined;
        stopListening = onRecords((input) => {
          logger.info(`building the search index (${input.records.length} answers) while the pages render…`);
          placeByPublication(input.records, readManifest());
          indexing = start(input, logger);
        });
      },
      'astro:build:done': async ({ logger }) => {
        stopListening();
        const waited = performance.now();
        logger.info('finishing the search index…');
        if (!indexing)
          throw new Error(
            'search index: no search records were handed over while the pages rendered: src/pages/build-data.jsonl.ts hands them over (publishRecords) and must be built with the pages',
          );
        const { stats: written, ready, ms } = await indexing.written;
        indexing.counts.forEach(({ lang, count }, i) => {
          const { chunks, pieces, cached } = written[i]!;
          const notes = [
            `${chunks} index chunks`,
            ...(pieces > 2 ? [`Pagefind given ${pieces} pieces in turn`] : []),
            ...(cached > 0
              ? [`${cached === 1 ? 'a segment' : `${cached} segments`} unchanged, copied from the cache`]
              : []),
          ];
          logger.info(`indexed ${count} ${lang} answers (${notes.join('; ')})`);
        });
        // The likeliest searches' first pages, searched in the index just written (ready-results.ts).
        for (const { lang, written: count, bytes } of ready)
          logger.info(`${count} ${lang} searches made ready (${(bytes / 1024 / 1024).toFixed(1)} MiB)`);
        logger.info(
          `search index built in ${Math.round(ms.index)} ms, ready searches in ${Math.round(ms.ready)} ms; the build waited ${Math.round(performance.now() - waited)} ms for them after the pages`,
        );
      },
    },
  };
}

/** A language indexed and its answers, for the build's log. */
interface LangCount {
  lang: Lang;
  count: number;
}

/** Sends the bundles to a new index process and resolves with what it wrote: the index and the ready searches. */
function index(
  bundles: { lang: Lang; records: SearchRecord[]; dir: string }[],
  names: Record<Lang, string[]>,
  script: URL,
  cache: string,
  out: string,
  onIndexed: (done: number, total: number) => void,
): Promise<{ written: BundleStats[]; ready: ReadyStats[]; ms: { index: number; ready: number } }> {
  if (!existsSync(script))
    return Promise.reject(new Error(`search index: the index worker is missing at ${fileURLToPath(script)}`));
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(script), {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let reply: IndexReply | undefined;
    child.on('message', (message: IndexReply) => {
      if ('indexed' in message) onIndexed(message.indexed, message.total);
      else reply = message;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (reply && 'written' in reply && code === 0) resolve(reply);
      else if (reply && 'error' in reply) reject(new Error(`search index: ${reply.error}`));
      else reject(new Error(`search index: the index process exited with code ${code} before it was done`));
    });
    const send = (message: IndexMessage) => child.send(message);
    send({ cache });
    send({ names });
    send({ out });
    for (const { lang, records, dir } of bundles) {
      send({ bundle: dir, lang });
      for (let i = 0; i < records.length; i += BATCH) send({ records: records.slice(i, i + BATCH) });
    }
    send({ end: true });
  });
}
