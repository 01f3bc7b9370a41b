import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import process from 'node:process';
import type { SearchRecord } from '../records.ts';
import { inBatches } from './batches.ts';
import type { CompactStats } from './compact.ts';

/**
 * A segment's index as written (write-bundles.ts), kept between builds in the cache folder under a
 * digest of all it is written from: its records, how it is cut, and the code and packages that
 * write it. `archive` holds all but the newest quarter's answers and changes only when a quarter
 * ends, `latest` the rest but the newest week's and changes once a week, so most builds copy both
 * rather than index them again.
 */
export async function segmentKey(records: SearchRecord[], settings: Record<string, unknown>): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await codeDigest());
  hash.update(JSON.stringify(settings));
  for (const { url, text, language, meta, filters } of records)
    hash.update(JSON.stringify([url, text, language, meta, filters]));
  return hash.digest('hex').slice(0, 20);
}

let code: Promise<string> | undefined;

/**
 * The search code (this folder, how records become an index, and the one above it, what records
 * hold), the lockfile (Pagefind's and jieba's versions) and Node's (zlib's): a change to any
 * writes every segment anew.
 */
function codeDigest(): Promise<string> {
  code ??= (async () => {
    const hash = createHash('sha256');
    for (const path of ['./', '../']) {
      const folder = new URL(path, import.meta.url);
      for (const name of (await readdir(folder)).filter((file) => file.endsWith('.ts')).sort())
        hash.update(path + name).update(await readFile(new URL(name, folder)));
    }
    const lockfile = new URL('../../../../package-lock.json', import.meta.url);
    if (existsSync(lockfile)) hash.update(await readFile(lockfile));
    hash.update(process.version);
    return hash.digest('hex');
  })();
  return code;
}

/** Copies the cached segment `name` with `key` into `into`; its figures, or undefined if not cached. */
export async function restoreSegment(
  cache: string,
  name: string,
  key: string,
  into: string,
): Promise<CompactStats | undefined> {
  const kept = join(cache, `${name}.${key}`);
  let stats: CompactStats;
  try {
    stats = JSON.parse(await readFile(`${kept}.json`, 'utf-8')) as CompactStats;
  } catch {
    return undefined;
  }
  await rm(into, { recursive: true, force: true });
  await linkTree(kept, into);
  return stats;
}

/**
 * Keeps the segment written into `from` as `name` with `key`, in place of the one kept before
 * (a segment's older versions are never read again). Written aside and renamed, so that a build
 * stopped halfway leaves no partial segment behind a valid name.
 */
export async function saveSegment(
  cache: string,
  name: string,
  key: string,
  from: string,
  stats: CompactStats,
): Promise<void> {
  await mkdir(cache, { recursive: true });
  for (const entry of await readdir(cache))
    if (entry.startsWith(`${name}.`)) await rm(join(cache, entry), { recursive: true, force: true });
  const kept = join(cache, `${name}.${key}`);
  await linkTree(from, `${kept}.partial`);
  await rename(`${kept}.partial`, kept);
  await writeFile(`${kept}.json`, JSON.stringify(stats));
}

/**
 * `from`'s files linked into `to` (copied where the file system cannot link): the 10x archive's
 * Chinese segment is 80,000 files, and neither the cache nor the site changes a file once written
 * (write-bundles.ts writes the WebAssembly it repacks as a new file).
 */
async function linkTree(from: string, to: string): Promise<void> {
  const files = (await readdir(from, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(from, join(entry.parentPath, entry.name)));
  for (const folder of new Set(files.map((file) => join(to, file, '..')))) await mkdir(folder, { recursive: true });
  await inBatches(files, (file) =>
    link(join(from, file), join(to, file)).catch(() => copyFile(join(from, file), join(to, file))),
  );
}
