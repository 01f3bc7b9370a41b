/**
 * What a built site is, as a host sees it: files and bytes by kind, and what changes between two
 * builds (what a deploy uploads). Used by the build benchmark; `node scripts/support/inventory.ts
 * DIST [OTHER_DIST]` prints the same for any folder.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** `data`: what the site publishes for other tools — feeds, sitemap, robots.txt, open data, each transcript's JSON. */
export type Kind = 'html' | 'cards' | 'search' | 'data' | 'other';

export interface Inventory {
  files: number;
  mib: number;
  byKind: Record<Kind, { files: number; mib: number; largestKiB: number; averageKiB: number }>;
}

export function kindOf(path: string): Kind {
  if (path.endsWith('.html')) return 'html';
  if (path.endsWith('/card.png')) return 'cards';
  if (path.startsWith('pagefind/')) return 'search';
  if (/^(feeds|data)\/|^sitemap-.*\.xml$|^robots\.txt$|^remarks\/.*\.json$/.test(path)) return 'data';
  return 'other';
}

/** Every file under `dir` with its size, paths relative to `dir` with forward slashes. */
export function listFiles(dir: string): Map<string, number> {
  const files = new Map<string, number>();
  for (const name of readdirSync(dir, { recursive: true }).map(String)) {
    const info = statSync(join(dir, name));
    if (info.isFile()) files.set(name.replaceAll('\\', '/'), info.size);
  }
  return files;
}

const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

export function inventory(dir: string): Inventory {
  const kinds: Kind[] = ['html', 'cards', 'search', 'data', 'other'];
  const sums = Object.fromEntries(kinds.map((kind) => [kind, { files: 0, bytes: 0, largest: 0 }])) as Record<
    Kind,
    { files: number; bytes: number; largest: number }
  >;
  let total = 0;
  const files = listFiles(dir);
  for (const [path, size] of files) {
    const sum = sums[kindOf(path)];
    sum.files++;
    sum.bytes += size;
    sum.largest = Math.max(sum.largest, size);
    total += size;
  }
  return {
    files: files.size,
    mib: mib(total),
    byKind: Object.fromEntries(
      kinds.map((kind) => {
        const sum = sums[kind];
        return [
          kind,
          {
            files: sum.files,
            mib: mib(sum.bytes),
            largestKiB: kib(sum.largest),
            averageKiB: sum.files ? kib(sum.bytes / sum.files) : 0,
          },
        ];
      }),
    ) as Inventory['byKind'],
  };
}

export interface TreeDiff {
  added: number;
  removed: number;
  changed: number;
  /** Files a sync uploads (added or changed) and their size. */
  uploadFiles: number;
  uploadMiB: number;
  /** Touched files (added, removed or changed) as a share of the files after. */
  percentOfFiles: number;
  byKind: Record<Kind, { added: number; removed: number; changed: number }>;
  /** A few paths of each, to see what moved. */
  examples: { added: string[]; removed: string[]; changed: string[] };
}

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** What differs between two builds, file by file (size first, then content). */
export function diffTrees(before: string, after: string): TreeDiff {
  const a = listFiles(before);
  const b = listFiles(after);
  const empty = () => ({ added: 0, removed: 0, changed: 0 });
  const byKind: TreeDiff['byKind'] = {
    html: empty(),
    cards: empty(),
    search: empty(),
    data: empty(),
    other: empty(),
  };
  const examples: TreeDiff['examples'] = { added: [], removed: [], changed: [] };
  let uploadBytes = 0;
  const note = (what: 'added' | 'removed' | 'changed', path: string) => {
    byKind[kindOf(path)][what]++;
    if (examples[what].length < 12) examples[what].push(path);
  };
  for (const [path, size] of b) {
    if (!a.has(path)) {
      note('added', path);
      uploadBytes += size;
    } else if (a.get(path) !== size || digest(join(before, path)) !== digest(join(after, path))) {
      note('changed', path);
      uploadBytes += size;
    }
  }
  for (const path of a.keys()) if (!b.has(path)) note('removed', path);
  const total = (what: 'added' | 'removed' | 'changed') =>
    Object.values(byKind).reduce((sum, kind) => sum + kind[what], 0);
  const added = total('added');
  const removed = total('removed');
  const changed = total('changed');
  return {
    added,
    removed,
    changed,
    uploadFiles: added + changed,
    uploadMiB: mib(uploadBytes),
    percentOfFiles: Math.round(((added + removed + changed) / b.size) * 10000) / 100,
    byKind,
    examples,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, other] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node scripts/support/inventory.ts DIST [OTHER_DIST]');
    process.exit(2);
  }
  console.log(
    JSON.stringify(
      other ? { before: inventory(dir), after: inventory(other), diff: diffTrees(dir, other) } : inventory(dir),
      null,
      2,
    ),
  );
}
