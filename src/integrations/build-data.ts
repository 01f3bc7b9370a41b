import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { z } from 'astro/zod';
import type { SearchRecord } from '../lib/search/records.ts';
import type { CardData } from '../lib/share/card-data.ts';

/** Written by src/pages/build-data.json.ts. */
const FILE = 'build-data.json';

export interface BuildData {
  records: SearchRecord[];
  answers: CardData[];
}

/**
 * Parsed, not cast: a build step that read a field the page no longer writes should fail here,
 * naming it, rather than index or draw `undefined`.
 */
const buildData = z.object({
  records: z.array(
    z.object({
      url: z.string(),
      content: z.string(),
      language: z.enum(['en', 'und']),
      meta: z.object({
        question: z.string(),
        date: z.string(),
        spokesperson: z.string(),
        transcript: z.string(),
        lang: z.string(),
        counterpart: z.string().optional(),
      }),
      filters: z.record(z.string(), z.array(z.string())),
    }),
  ),
  answers: z.array(
    z.object({
      path: z.string(),
      card: z.string(),
      lang: z.enum(['en', 'zh']),
      byline: z.string(),
      question: z.string(),
      answer: z.string(),
      hash: z.string(),
    }),
  ),
}) satisfies z.ZodType<BuildData>;

const cache = new Map<string, Promise<BuildData>>();

/** The build data of an output folder, read once however many steps ask. */
export function readBuildData(dir: URL): Promise<BuildData> {
  const path = fileURLToPath(new URL(FILE, dir));
  let data = cache.get(path);
  if (!data) {
    data = readFile(path, 'utf-8').then((text) => {
      const parsed = buildData.safeParse(JSON.parse(text));
      if (!parsed.success) throw new Error(`${path}: not the build data the build steps read: ${parsed.error.message}`);
      return parsed.data;
    });
    cache.set(path, data);
  }
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
