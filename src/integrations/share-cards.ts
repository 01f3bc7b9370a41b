import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { CardData } from '../lib/share/card-data.ts';
import { readBuildData } from './build-data.ts';

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
        logger.info('drawing share cards…');
        const started = performance.now();
        const { answers } = await readBuildData(dir);
        await mkdir(cache, { recursive: true });
        const cached = new Set((await readdir(cache)).map((name) => name.replace(/\.png$/, '')));
        const missing = [
          ...new Map(answers.filter((card) => !cached.has(card.hash)).map((card) => [card.hash, card])).values(),
        ];
        if (missing.length > 0) await draw(missing, cache, worker);
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

async function draw(cards: CardData[], dir: string, script: URL): Promise<void> {
  if (!existsSync(script)) throw new Error(`share cards: the card worker is missing at ${fileURLToPath(script)}`);
  const workers = Math.max(1, Math.min(availableParallelism(), Math.ceil(cards.length / 20)));
  await Promise.all(
    Array.from({ length: workers }, (_, i) => {
      const share = cards.filter((_, j) => j % workers === i);
      return new Promise<void>((resolve, reject) => {
        const child = fork(fileURLToPath(script), {
          // A card needs little heap; a low ceiling makes V8 collect instead of growing each
          // process by ~0.5 GiB over the corpus (measured), which the cold build's peak memory felt.
          execArgv: [...process.execArgv, '--max-old-space-size=256'],
          serialization: 'advanced',
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
        child.on('error', reject);
        child.on('exit', (code) => {
          if (code === 0) resolve();
          else reject(new Error(`share cards: a card process exited with code ${code}`));
        });
        child.send({ cards: share, dir });
      });
    }),
  );
}
