import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { writeBundles } from '../lib/search/write-bundle.ts';
import { langs } from '../schemas/transcript.ts';
import { readBuildData } from './build-data.ts';

/**
 * Builds the search index once the pages are written: one custom record per answer, from the
 * build data (src/pages/build-data.jsonl.ts), so that navigation and page chrome are never indexed
 * and every result is an answer. One bundle per language (pagefind/en/, pagefind/zh/): a reader's
 * first query loads the bundle of its language only, whose metadata lists that language's answers
 * alone. Any error fails the build: a broken index must not ship.
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
          const bundles = langs
            .map((lang) => ({ lang, records: records.filter((record) => record.meta.lang === lang) }))
            .filter(({ records: own }) => own.length > 0)
            .map(({ lang, records: own }) => ({ lang, records: own, dir: `${out}pagefind/${lang}` }));
          const written = await writeBundles(bundles);
          bundles.forEach(({ lang, records: own }, i) => {
            const { chunks, pieces } = written[i]!;
            logger.info(
              `indexed ${own.length} ${lang} answers (${chunks} index chunks${pieces > 2 ? `; Pagefind given ${pieces} pieces in turn` : ''})`,
            );
          });
          logger.info(`search index built in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
