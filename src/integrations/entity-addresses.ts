import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import {
  formatEntityAddresses,
  parseEntityAddresses,
  type PublishedEntity,
  withNewAddresses,
} from '../lib/entities/addresses.ts';
import { contentPaths } from '../lib/paths.ts';

/**
 * The addresses of moved entity pages (src/lib/entities/addresses.ts), filled once the pages are
 * written: the sitemap lists pages, not the old addresses that send readers on.
 */
export const movedEntityPaths = new Set<string>();

/**
 * Records the entity pages a build published for the first time in content/entity-addresses.txt,
 * read from the open data's entities.jsonl.gz (each row with a page has its `link`).
 */
export default function entityAddresses(): AstroIntegration {
  return {
    name: 'lectern-entity-addresses',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const file = contentPaths().entityAddresses;
        const data = new URL('data/entities.jsonl.gz', dir);
        if (!existsSync(data)) return;
        const rows = gunzipSync(readFileSync(data))
          .toString('utf-8')
          .split('\n')
          .filter(Boolean)
          .map(
            (line) => JSON.parse(line) as { id: string; names_en: string[]; names_zh: string[]; link: string | null },
          );
        const pages: PublishedEntity[] = rows
          .filter((row) => row.link !== null)
          .map((row) => ({ id: row.id, names: [...row.names_en, ...row.names_zh] }));
        const published = existsSync(file) ? parseEntityAddresses(readFileSync(file, 'utf-8'), file) : [];
        const current = new Set(pages.map(({ id }) => id));
        for (const { id } of published) if (!current.has(id)) movedEntityPaths.add(`/entities/${id}/`);
        const updated = withNewAddresses(published, pages);
        if (!updated) return;
        await writeFile(file, formatEntityAddresses(updated));
        logger.info(
          `${updated.length - published.length} entity pages published for the first time, recorded in ${file}`,
        );
      },
    },
  };
}
