import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';

/**
 * The transcript files under a folder, as the site publishes them and the importer matches them:
 * `*.md` at any depth, sorted, paths relative to `dir`. Dotfiles and dot-folders are not
 * transcripts, and symbolic links are not followed (a link could lead out of the content tree),
 * so the site and the importer always see the same set.
 */
export async function transcriptFiles(dir: string): Promise<string[]> {
  const found = await glob('**/*.md', { cwd: dir, dot: false, followSymbolicLinks: false, onlyFiles: true });
  const files: string[] = [];
  for (const file of found.sort()) {
    const info = await lstat(join(dir, file)).catch(() => undefined);
    if (info?.isFile()) files.push(file.replaceAll('\\', '/'));
  }
  return files;
}
