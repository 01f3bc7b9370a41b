import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { contentPaths } from '../lib/paths.ts';
import {
  appendOrder,
  checkPermalinks,
  formatManifest,
  parseManifest,
  publicationOrder,
  redirectProblems,
} from '../lib/share/permalink-manifest.ts';
import { readRedirects } from './redirects.ts';
import { readBuildData } from './build-data.ts';

/**
 * Guards published transcript and answer URLs (see src/lib/share/permalink-manifest.ts): after the pages
 * are written, fails the build when a URL in the manifest is no longer served and has no redirect,
 * and records the URLs published for the first time, at the end, in the order the search index
 * reads (publicationOrder).
 */
export default function permalinksIntegration(): AstroIntegration {
  return {
    name: 'lectern-permalinks',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        logger.info('checking published links…');
        const { permalinks } = contentPaths();
        const { transcripts, answers } = await readBuildData(dir);
        const current = [...transcripts.map((transcript) => transcript.path), ...answers.map((answer) => answer.path)];
        const published = readManifest();
        const redirects = readRedirects();
        const check = checkPermalinks(published, current, redirects);
        const { missing, added } = check;
        const problems = [
          ...missing.map((url) => `  ${url} was published and would disappear.`),
          ...redirectProblems(check, redirects).map((line) => `  ${line}`),
        ];
        if (problems.length > 0) {
          throw new Error(
            `Published links would break:\n${problems.join('\n')}\n` +
              `Keep each transcript's file path and each answer's id (pin it in the transcript's front matter "exchanges"), or add the old URL and its new one to ${contentPaths().redirects}.`,
          );
        }
        if (added.length > 0) {
          const appended = appendOrder(added, publicationOrder(published, transcripts));
          await writeFile(permalinks, formatManifest([...published, ...appended]));
          logger.info(`${added.length} new URLs recorded in ${permalinks}: commit it with the transcripts.`);
        }
      },
    },
  };
}

/**
 * The permalink manifest's URLs (content/permalinks.txt) as they are now: read by the search index
 * while the pages render, and by the guard above after them, which then writes it.
 */
export function readManifest(): string[] {
  const { permalinks } = contentPaths();
  return existsSync(permalinks) ? parseManifest(readFileSync(permalinks, 'utf-8')) : [];
}
