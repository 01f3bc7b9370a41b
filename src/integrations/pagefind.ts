import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/**
 * Builds the Pagefind search index over the built pages, through Pagefind's Node API, once the
 * pages are written. Only what pages mark with `data-pagefind-body` is indexed (transcript text,
 * not navigation). Any error Pagefind reports fails the build: a broken index must not ship.
 */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'lectern-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const out = fileURLToPath(dir);
        try {
          const { index, errors } = await pagefind.createIndex({});
          if (!index || errors.length > 0) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: out });
          if (added.errors.length > 0) throw new Error(`Pagefind failed to index ${out}: ${added.errors.join('; ')}`);
          if (added.page_count === 0) throw new Error('Pagefind indexed no pages: no page carries data-pagefind-body.');
          const written = await index.writeFiles({ outputPath: `${out}pagefind` });
          if (written.errors.length > 0)
            throw new Error(`Pagefind failed to write its index: ${written.errors.join('; ')}`);
          logger.info(`indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
