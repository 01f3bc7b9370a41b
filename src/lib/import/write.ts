import { randomBytes } from 'node:crypto';
import { lstat, mkdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';

/**
 * Writes `text` to `file` (relative to `out`) so that nothing outside `out` can be touched: no
 * `..`, no symbolic link anywhere on the way (a link in the content tree could point at any file
 * of the machine), and the file appears whole or not at all (written beside it, then renamed).
 */
export async function writeInside(out: string, file: string, text: string): Promise<void> {
  if (isAbsolute(file) || file.split(/[\\/]/).includes('..')) {
    throw new Error(`refusing to write outside the output folder (${file}).`);
  }
  await mkdir(out, { recursive: true });
  const root = await realpath(out);
  let dir = root;
  for (const part of dirname(file)
    .split(/[\\/]/)
    .filter((p) => p !== '' && p !== '.')) {
    dir = join(dir, part);
    const info = await lstat(dir).catch(() => undefined);
    if (info?.isSymbolicLink()) {
      throw new Error(`refusing to write through a symbolic link (${relative(root, dir)}): replace it with a folder.`);
    }
    if (!info) await mkdir(dir);
    else if (!info.isDirectory()) throw new Error(`${relative(root, dir)} is a file, not a folder.`);
  }
  const target = join(root, file);
  if (!target.startsWith(root + sep)) throw new Error(`refusing to write outside the output folder (${file}).`);
  const existing = await lstat(target).catch(() => undefined);
  if (existing && !existing.isFile()) {
    throw new Error(`refusing to replace ${file}: it is a symbolic link or not a plain file.`);
  }
  const temporary = join(dir, `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
