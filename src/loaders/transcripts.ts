import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { transcriptFiles } from '../lib/transcript/files.ts';
import { TranscriptError } from '../lib/transcript/errors.ts';
import { loadTranscript } from '../lib/transcript/load.ts';
import { addressProblems } from '../lib/transcript/permalink.ts';
import { modelOf } from '../plugins/render.ts';

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
 * files (same digest) are not parsed again: the content layer keeps their entries between builds.
 */
export function transcriptLoader({ base }: TranscriptLoaderOptions): Loader {
  return {
    name: 'lectern-transcripts',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const folder = base.endsWith('/') ? base : `${base}/`;
      const dir = isAbsolute(folder) ? folder : fileURLToPath(new URL(folder, context.config.root));
      const files = (await transcriptFiles(dir)).map((file) => join(dir, file));
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
          await syncFile(context, id, path, relative(root, path).replaceAll('\\', '/'));
        } catch (error) {
          failures.push(error instanceof Error ? error : new Error(String(error)));
        }
      }
      for (const id of stale) context.store.delete(id);
      if (failures.length > 0) {
        const list = failures.map((error) => `  ${error.message}`).join('\n');
        throw new Error(`${failures.length} transcript file(s) break the format:\n${list}`);
      }
      context.watcher?.on('change', (path) => {
        if (!path.startsWith(dir) || !path.endsWith('.md')) return;
        const id = relative(dir, path).replaceAll('\\', '/').replace(/\.md$/, '');
        if (id.split('/').some((part) => part.startsWith('.'))) return;
        syncFile(context, id, path, relative(root, path)).catch((error: unknown) => {
          context.logger.error(error instanceof Error ? error.message : String(error));
        });
      });
    },
  };
}

async function syncFile(context: LoaderContext, id: string, path: string, shown: string): Promise<void> {
  const contents = await readFile(path, 'utf-8');
  const digest = context.generateDigest(contents);
  if (context.store.get(id)?.digest === digest) return;
  const fileURL = pathToFileURL(path);
  const { frontmatter, transcript } = await loadTranscript(contents, shown, async (text) => {
    const rendered = await context.renderMarkdown(text, { fileURL });
    return modelOf(rendered.metadata?.frontmatter);
  });
  const data = await context.parseData({ id, data: { ...frontmatter, transcript }, filePath: shown });
  context.store.set({ id, data, digest, filePath: shown });
}
