import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { contentPaths } from '../lib/paths.ts';
import { checkPermalinks, formatManifest, parseManifest } from '../lib/share/permalinks.ts';
import { readRedirects } from './redirects.ts';
import { readBuildData } from './build-data.ts';

/**
 * Guards published answer URLs (see src/lib/share/permalinks.ts): after the pages are written,
 * fails the build when an answer URL in the manifest is no longer served and has no redirect, and
 * records the URLs published for the first time.
 */
export default function permalinksIntegration(): AstroIntegration {
  return {
    name: 'lectern-permalinks',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        logger.info('checking published answer links…');
        const { permalinks } = contentPaths();
        const current = (await readBuildData(dir)).answers.map((answer) => answer.path);
        const published = existsSync(permalinks) ? parseManifest(await readFile(permalinks, 'utf-8')) : [];
        const redirects = readRedirects();
        const { missing, added, brokenRedirects, shadowing } = checkPermalinks(published, current, redirects);
        const problems = [
          ...shadowing.map(
            (url) =>
              `  redirect ${url} → ${redirects[url]}: ${url} is an answer this build publishes; the redirect would replace it. Remove the redirect, or move the answer first.`,
          ),
          ...missing.map((url) => `  ${url} was published and would disappear.`),
          ...brokenRedirects.map(
            ([from, to]) => `  redirect ${from} → ${to}: the target is not an answer this build publishes.`,
          ),
        ];
        if (problems.length > 0) {
          throw new Error(
            `Published answer links would break:\n${problems.join('\n')}\n` +
              `Keep each answer's id (pin it in the transcript's front matter "exchanges"), or add the old URL and its new one to ${contentPaths().redirects}.`,
          );
        }
        if (added.length > 0) {
          await writeFile(permalinks, formatManifest([...published, ...added]));
          logger.info(`${added.length} new answer URLs recorded in ${permalinks}: commit it with the transcripts.`);
        }
      },
    },
  };
}
