import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { transcriptFiles } from '../lib/transcript/files.ts';
import { TranscriptError } from '../lib/transcript/errors.ts';
import { loadTranscript } from '../lib/transcript/load.ts';
import { addressProblems } from '../lib/transcript/addresses.ts';
import { modelOf } from '../plugins/render.ts';
import { heldModels, type HeldModel } from '../lib/transcript/held-models.ts';

export interface TranscriptLoaderOptions {
  /** Folder of transcript files: absolute, or relative to the project root. */
  base: string;
}

/**
 * Loads every `*.md` under `base` (dotfiles and symbolic links left out) as a transcript entry: front matter checked by the collection
 * schema, body parsed by the site's remark pipeline (`renderMarkdown`) into the transcript model,
 * stored as `data.transcript`. An entry's id is its path without `.md` (`en/2019/2019-03-12-x`).
 *
 * Astro's glob loader would log a remark error and publish an empty page; this loader gathers
 * every broken file and fails the build with all of them, each with its file and line. Unchanged
 * files (same digest of file and code) are not parsed again: the content layer keeps their
 * entries between builds.
 */
export function transcriptLoader({ base }: TranscriptLoaderOptions): Loader {
  return {
    name: 'lectern-transcripts',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const folder = base.endsWith('/') ? base : `${base}/`;
      const dir = isAbsolute(folder) ? folder : fileURLToPath(new URL(folder, context.config.root));
      const files = (await transcriptFiles(dir)).map((file) => join(dir, file));
      const code = await codeDigest(root);
      const stale = new Set(context.store.keys());
      const failures: Error[] = [];
      const idOf = (path: string) => relative(dir, path).replaceAll('\\', '/').replace(/\.md$/, '');
      const problems = addressProblems(files.map(idOf));
      for (const path of files) {
        const id = idOf(path);
        stale.delete(id);
        const problem = problems.get(id);
        if (problem) {
          failures.push(new TranscriptError(relative(root, path).replaceAll('\\', '/'), undefined, problem));
          continue;
        }
        try {
          await syncFile(context, id, path, relative(root, path).replaceAll('\\', '/'), code);
        } catch (error) {
          failures.push(error instanceof Error ? error : new Error(String(error)));
        }
      }
      for (const id of stale) {
        context.store.delete(id);
        heldModels().delete(id);
      }
      if (failures.length > 0) {
        const list = failures.map((error) => `  ${error.message}`).join('\n');
        throw new Error(`${failures.length} transcript file(s) break the format:\n${list}`);
      }
      // A content folder outside the project (LECTERN_CONTENT) is not watched unless asked.
      context.watcher?.add(dir);
      context.watcher?.on('change', (path) => {
        if (!path.startsWith(dir) || !path.endsWith('.md')) return;
        const id = relative(dir, path).replaceAll('\\', '/').replace(/\.md$/, '');
        if (id.split('/').some((part) => part.startsWith('.'))) return;
        syncFile(context, id, path, relative(root, path), code).catch((error: unknown) => {
          context.logger.error(error instanceof Error ? error.message : String(error));
        });
      });
    },
  };
}

async function syncFile(context: LoaderContext, id: string, path: string, shown: string, code: string): Promise<void> {
  const contents = await readFile(path, 'utf-8');
  // The dev server (it watches) holds models in its process (held-models.ts): its entries never
  // match a build's digest, nor a build's the dev server's, and a model it does not hold is read.
  const dev = context.watcher !== undefined;
  const digest = context.generateDigest(`${code}\n${dev ? 'held\n' : ''}${contents}`);
  if (context.store.get(id)?.digest === digest && (!dev || heldModels().has(id))) return;
  const fileURL = pathToFileURL(path);
  const { frontmatter, transcript } = await loadTranscript(contents, shown, async (text) => {
    const rendered = await context.renderMarkdown(text, { fileURL });
    return modelOf(rendered.metadata?.frontmatter);
  });
  if (dev) heldModels().set(id, transcript);
  const stored = dev ? ({ held: true } satisfies HeldModel) : transcript;
  const data = await context.parseData({ id, data: { ...frontmatter, transcript: stored }, filePath: shown });
  context.store.set({ id, data, digest, filePath: shown });
}

/**
 * The code that turns a file into its entry: the site's TypeScript (remark plugin, transcript model,
 * schemas, this loader), the Astro config and the lockfile. Part of each entry's digest, so that
 * the content store kept between builds (and in CI's cache) never serves an entry that older code
 * read: after a change there, every file is read again.
 */
async function codeDigest(root: string): Promise<string> {
  const hash = createHash('sha256');
  const src = join(root, 'src');
  const sources = (await readdir(src, { recursive: true })).map(String).filter((name) => name.endsWith('.ts'));
  for (const name of sources.sort()) hash.update(name).update(await readFile(join(src, name)));
  for (const name of ['astro.config.mjs', 'package-lock.json']) {
    if (existsSync(join(root, name))) hash.update(name).update(await readFile(join(root, name)));
  }
  return hash.digest('hex');
}
