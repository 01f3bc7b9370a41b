import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { SearchRecord } from '../lib/search/records.ts';
import type { CardData } from '../lib/share/card-data.ts';

/** Written by src/pages/build-data.json.ts. */
const FILE = 'build-data.json';

export interface BuildData {
  records: SearchRecord[];
  answers: CardData[];
}

const cache = new Map<string, Promise<BuildData>>();

/** The build data of an output folder, read once however many steps ask. */
export function readBuildData(dir: URL): Promise<BuildData> {
  const path = fileURLToPath(new URL(FILE, dir));
  let data = cache.get(path);
  if (!data) cache.set(path, (data = readFile(path, 'utf-8').then((text) => JSON.parse(text) as BuildData)));
  return data;
}

/** Last of the build steps: the build data is not part of the site. */
export function buildDataCleanup(): AstroIntegration {
  return {
    name: 'lectern-build-data-cleanup',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        cache.delete(fileURLToPath(new URL(FILE, dir)));
        await rm(new URL(FILE, dir), { force: true });
      },
    },
  };
}
