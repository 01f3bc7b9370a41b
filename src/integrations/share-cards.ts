import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { CardData } from '../lib/share/card-data.ts';
import type { CardMessage, CardReply } from '../lib/share/card-worker.ts';
import { readBuildData } from './build-data.ts';
import { buildProgress } from './progress.ts';

/**
 * Draws a share card for every answer (src/lib/share/card.ts) into a cache named by content hash,
 * so that a rebuild draws only new or changed answers, on every core (one process each, see
 * card-worker.ts); then puts each card beside
 * its answer page (a hard link where the file system allows, else a copy).
 */
export default function shareCardsIntegration(): AstroIntegration {
  let cache = '';
  let worker: URL;
  return {
    name: 'lectern-share-cards',
    hooks: {
      'astro:config:done': ({ config }) => {
        cache = join(fileURLToPath(config.cacheDir), 'cards');
        worker = new URL('src/lib/share/card-worker.ts', config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.LECTERN_CARDS === 'skip') {
          logger.warn('share cards skipped (LECTERN_CARDS=skip): pages point at cards that were not drawn');
          return;
        }
        logger.info('drawing share cards (a card per new or changed answer)…');
        const started = performance.now();
        const { answers } = await readBuildData(dir);
        await mkdir(cache, { recursive: true });
        const cached = new Set((await readdir(cache)).map((name) => name.replace(/\.png$/, '')));
        const missing = [
          ...new Map(answers.filter((card) => !cached.has(card.hash)).map((card) => [card.hash, card])).values(),
        ];
        if (missing.length > 0) {
          const progress = buildProgress(logger, 'drawing share cards');
          await draw(missing, cache, worker, (done) => {
            progress.update(done, missing.length);
          });
          progress.finish(missing.length, 'cards drawn');
        }
        const drawn = performance.now();
        const out = fileURLToPath(dir);
        await Promise.all(
          answers.map(async (card) => {
            const target = join(out, card.card);
            await mkdir(dirname(target), { recursive: true });
            const source = join(cache, `${card.hash}.png`);
            await link(source, target).catch(() => copyFile(source, target));
          }),
        );
        logger.info(
          `${answers.length} share cards: ${missing.length} drawn in ${Math.round(drawn - started)} ms, ${answers.length - missing.length} from cache; placed in ${Math.round(performance.now() - drawn)} ms`,
        );
      },
    },
  };
}

/**
 * Cards a process is sent at once. Sent all its share at once, a process held them for the whole
 * run, a live set its small heap collected over again and again; and a process that finished
 * first left its core idle while the other drew on. In batches, a process that finishes early
 * takes the next, and each card costs less.
 */
const BATCH = 64;

async function draw(cards: CardData[], dir: string, script: URL, onDrawn: (done: number) => void): Promise<void> {
  if (!existsSync(script)) throw new Error(`share cards: the card worker is missing at ${fileURLToPath(script)}`);
  const workers = Math.max(1, Math.min(availableParallelism(), Math.ceil(cards.length / 20)));
  let next = 0;
  let drawn = 0;
  await Promise.all(
    Array.from({ length: workers }, () => {
      return new Promise<void>((resolve, reject) => {
        const child = fork(fileURLToPath(script), {
          // A card needs little heap; a low ceiling makes V8 collect instead of growing each
          // process over the corpus, which the cold build's peak memory felt. Collected on the process's own thread: with a process per core, V8's helper
          // threads only take another process's core.
          execArgv: [...process.execArgv, '--max-old-space-size=256', '--single-threaded-gc'],
          serialization: 'advanced',
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
        const send = (message: CardMessage) => child.send(message);
        const more = () => {
          const batch = cards.slice(next, (next += BATCH));
          send(batch.length > 0 ? { cards: batch, dir } : { end: true });
        };
        child.on('message', (reply: CardReply) => {
          drawn += reply.drawn;
          onDrawn(drawn);
          more();
        });
        child.on('error', reject);
        child.on('exit', (code) => {
          if (code === 0) resolve();
          else reject(new Error(`share cards: a card process exited with code ${code}`));
        });
        more();
      });
    }),
  );
  if (drawn !== cards.length)
    throw new Error(`share cards: ${cards.length} to draw, but the card processes drew ${drawn}`);
}
