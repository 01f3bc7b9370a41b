import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../lib/search/records.ts';
import { langs } from '../schemas/transcript.ts';
import { readBuildData } from './build-data.ts';

const BATCH = 256;

/**
 * Builds the Pagefind index once the pages are written, through Pagefind's Node API: one custom
 * record per answer, from the build data (src/pages/build-data.json.ts), so that navigation and page chrome are
 * never indexed and every result is an answer. Any error Pagefind reports fails the build: a
 * broken index must not ship.
 */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'lectern-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        logger.info('building the search index…');
        const started = performance.now();
        const out = fileURLToPath(dir);
        const { records } = await readBuildData(dir);
        try {
          for (const lang of langs) {
            const own = records.filter((record) => record.meta.lang === lang);
            if (own.length === 0) continue;
            await writeIndex(own, `${out}pagefind/${lang}`);
            logger.info(`indexed ${own.length} ${lang} answers`);
          }
          logger.info(`search index built in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

/**
 * One Pagefind bundle per language (pagefind/en/, pagefind/zh/): a reader's first query loads the
 * bundle of its language only, whose metadata lists that language's answers alone.
 */
async function writeIndex(records: SearchRecord[], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index || errors.length > 0) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  // Records go to Pagefind's service in batches: one awaited round trip each is much slower.
  for (let i = 0; i < records.length; i += BATCH) {
    const batch = records.slice(i, i + BATCH);
    const added = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
    added.forEach(({ errors: rejected }, j) => {
      if (rejected.length > 0) throw new Error(`Pagefind rejected ${batch[j]!.url}: ${rejected.join('; ')}`);
    });
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`Pagefind failed to write its index: ${written.errors.join('; ')}`);
  await index.deleteIndex();
}
