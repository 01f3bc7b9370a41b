import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { IndexMessage, IndexReply } from '../lib/search/index-worker.ts';
import type { SearchRecord } from '../lib/search/records.ts';
import type { BundleStats } from '../lib/search/write-bundle.ts';
import { langs } from '../schemas/transcript.ts';
import { onRecords } from './build-data.ts';

/** Records a message to the index process carries: the 10x archive's in one would be ~0.5 GB at once. */
const BATCH = 10_000;

/**
 * Builds the search index: one custom record per answer, from the build data
 * (src/pages/build-data.jsonl.ts), so that navigation and page chrome are never indexed and every
 * result is an answer. One bundle per language (pagefind/en/, pagefind/zh/): a reader's first query
 * loads the bundle of its language only, whose metadata lists that language's answers alone.
 *
 * The index is built in a process of its own (index-worker.ts), started as soon as the build-data
 * page hands over the records, early in the render: rendering and indexing each keep about one core
 * busy, and one after the other they took 193 + 189 s of the 10x archive's build
 * (bench/results/build.md). The build waits for it once the pages are written. Any error fails the
 * build: a broken index must not ship.
 */
export default function pagefindIntegration(): AstroIntegration {
  let worker: URL;
  let out = '';
  let indexing: { started: number; written: Promise<BundleStats[]>; bundles: Bundle[] } | undefined;
  let stopListening = () => {};
  const start = (records: SearchRecord[]) => {
    const bundles = langs
      .map((lang) => ({ lang, records: records.filter((record) => record.meta.lang === lang) }))
      .filter(({ records: own }) => own.length > 0)
      .map(({ lang, records: own }) => ({ lang, records: own, dir: `${out}pagefind/${lang}` }));
    const written = index(bundles, worker);
    // Awaited once the pages are written; marked handled so that a failure waits for that.
    written.catch(() => undefined);
    return {
      started: performance.now(),
      written,
      bundles: bundles.map(({ lang, records: own }) => ({ lang, count: own.length })),
    };
  };
  return {
    name: 'lectern-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        worker = new URL('src/lib/search/index-worker.ts', config.root);
        out = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ logger }) => {
        indexing = undefined;
        stopListening = onRecords((records) => {
          logger.info(`building the search index (${records.length} answers) while the pages render…`);
          indexing = start(records);
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
        const written = await indexing.written;
        indexing.bundles.forEach(({ lang, count }, i) => {
          const { chunks, pieces } = written[i]!;
          logger.info(
            `indexed ${count} ${lang} answers (${chunks} index chunks${pieces > 2 ? `; Pagefind given ${pieces} pieces in turn` : ''})`,
          );
        });
        const now = performance.now();
        logger.info(
          `search index built in ${Math.round(now - indexing.started)} ms, ${Math.round(now - waited)} ms of it after the pages`,
        );
      },
    },
  };
}

interface Bundle {
  lang: string;
  count: number;
}

/** Sends the bundles to a new index process and resolves with what it wrote. */
function index(bundles: { records: SearchRecord[]; dir: string }[], script: URL): Promise<BundleStats[]> {
  if (!existsSync(script))
    return Promise.reject(new Error(`search index: the index worker is missing at ${fileURLToPath(script)}`));
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(script), {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let reply: IndexReply | undefined;
    child.on('message', (message: IndexReply) => (reply = message));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (reply && 'written' in reply && code === 0) resolve(reply.written);
      else if (reply && 'error' in reply) reject(new Error(`search index: ${reply.error}`));
      else reject(new Error(`search index: the index process exited with code ${code} before it was done`));
    });
    const send = (message: IndexMessage) => child.send(message);
    for (const { records, dir } of bundles) {
      send({ bundle: dir });
      for (let i = 0; i < records.length; i += BATCH) send({ records: records.slice(i, i + BATCH) });
    }
    send({ end: true });
  });
}
