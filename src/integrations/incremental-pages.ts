import { link, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';

/** Astro's record of the last incremental build (core/build/incremental.js): each keyed page's file. */
interface Manifest {
  routes: Record<string, { paths: Record<string, { outputFile: string }> }>;
}

/**
 * Puts the pages Astro's incremental build may reuse in place before it looks for them.
 *
 * Astro empties the output folder, then restores each page it skips from its cache folder with
 * its own mkdir and copy, awaited one page after another: most of a large archive's rebuild (and
 * the copies double what is written). Linked here beforehand, many at once, Astro
 * finds each in place and only checks it is there. A link shares the cache's file: Astro writes a
 * page it renders again (a changed key) into both, as it does anyway, and nothing else of the
 * build writes to a page. Links the build did not produce again are removed after the pages.
 */
export default function incrementalPages(): AstroIntegration {
  let cacheDir = '';
  let outDir = '';
  let enabled = false;
  let linking: Promise<string[]> | undefined;
  let started = 0;
  return {
    name: 'lectern-incremental-pages',
    hooks: {
      'astro:config:done': async ({ config, logger }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        outDir = fileURLToPath(config.outDir);
        enabled = config.experimental.incrementalBuild;
        if (enabled) await dropUnconfinedManifest(cacheDir, logger);
      },
      // Called once, after Astro has emptied the output folder and before it bundles the site:
      // the links are made while it bundles and calls getStaticPaths.
      'astro:build:setup': ({ logger }) => {
        if (!enabled || linking) return;
        started = Date.now();
        linking = linkPages(cacheDir, outDir).catch((error: unknown) => {
          logger.warn(`pages from the last build not linked (Astro copies them instead): ${String(error)}`);
          return [];
        });
      },
      'astro:build:generated': async ({ logger }) => {
        const linked = await linking;
        if (!linked || linked.length === 0) return;
        const kept = new Set(outputFiles(await readManifest(cacheDir)));
        let removed = 0;
        for (const file of linked) {
          if (kept.has(file)) continue;
          const path = join(outDir, file);
          // Rendered in this build without a key: a page of the site, not a leftover.
          const written = (await stat(path).catch(() => undefined))?.mtimeMs ?? 0;
          if (written >= started) continue;
          await rm(path, { force: true });
          removed++;
        }
        logger.info(
          `${linked.length} pages of the last build linked in place${removed ? `; ${removed} no longer built, removed` : ''}`,
        );
      },
    },
  };
}

/** The manifest Astro wrote last, or none (a first build, or one Astro could not read either). */
async function readManifest(cacheDir: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(join(cacheDir, 'incremental-build.json'), 'utf-8')) as Manifest;
  } catch {
    return undefined;
  }
}

/**
 * A page's path as the manifest gives it, if it stays inside the output folder: relative, no "."
 * or ".." segment, no backslash or NUL. The manifest comes from a cache (CI restores it): a path
 * like "../../x" would have pages linked, and Astro restore or delete files, outside dist/.
 */
export function isConfined(path: unknown): path is string {
  if (typeof path !== 'string' || path === '' || isAbsolute(path) || /[\\\0]/.test(path)) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** Removes a manifest naming any path outside the output folder, before Astro reads it: every page is then rendered. */
async function dropUnconfinedManifest(cacheDir: string, logger: AstroIntegrationLogger): Promise<void> {
  const manifest = await readManifest(cacheDir);
  if (!manifest) return;
  // Read as JSON from a cache, not as Astro wrote it: any shape, any value.
  const routes = Object.values((manifest as { routes?: Record<string, unknown> }).routes ?? {});
  const paths = routes.flatMap((route) =>
    Object.values((route as { paths?: Record<string, unknown> } | null)?.paths ?? {}).map(
      (path) => (path as { outputFile?: unknown } | null)?.outputFile,
    ),
  );
  const outside = paths.findIndex((path) => !isConfined(path));
  if (outside < 0) return;
  logger.warn(
    `the cached page manifest names a page outside the output folder (${JSON.stringify(paths[outside] ?? null)}): it is removed, and every page is rendered.`,
  );
  await rm(join(cacheDir, 'incremental-build.json'), { force: true });
}

function outputFiles(manifest: Manifest | undefined): string[] {
  if (!manifest) return [];
  return Object.values(manifest.routes)
    .flatMap((route) => Object.values(route.paths).map((path) => path.outputFile))
    .filter(isConfined);
}

/** Links every page of the last build's manifest into `outDir`; returns those it linked. */
async function linkPages(cacheDir: string, outDir: string): Promise<string[]> {
  const files = outputFiles(await readManifest(cacheDir));
  // Each folder once, parents a level before their children.
  const levels: string[][] = [];
  const seen = new Set<string>();
  for (const file of files) {
    for (let folder = dirname(file); folder !== '.' && !seen.has(folder); folder = dirname(folder)) {
      seen.add(folder);
      (levels[folder.split('/').length - 1] ??= []).push(folder);
    }
  }
  await mkdir(outDir, { recursive: true });
  for (const level of levels) {
    await inPool(level, 32, (folder) => mkdir(join(outDir, folder)).catch(unless('EEXIST')));
  }
  const linked: string[] = [];
  await inPool(files, 32, async (file) => {
    try {
      await link(join(cacheDir, 'dist', file), join(outDir, file));
      linked.push(file);
    } catch (error) {
      // Astro got there first (it renders or copies a page the moment it reaches it), or the
      // cache lost the file (Astro then renders the page).
      unless('EEXIST', 'ENOENT')(error);
    }
  });
  return linked;
}

function unless(...codes: string[]) {
  return (error: unknown): void => {
    if (!codes.includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  };
}

async function inPool<T>(items: T[], size: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: size }, worker));
}
