import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { z } from 'astro/zod';
import type { SearchRecord } from '../lib/search/records.ts';
import type { CardData } from '../lib/share/card-data.ts';

/** Written by src/pages/build-data.jsonl.ts: a line per search record (`{"record"}`) and per answer (`{"answer"}`). */
const FILE = 'build-data.jsonl';

export interface BuildData {
  records: SearchRecord[];
  answers: CardData[];
}

/**
 * Parsed, not cast: a build step that read a field the page no longer writes should fail here,
 * naming it, rather than index or draw `undefined`.
 */
const record = z.object({
  url: z.string(),
  text: z.object({ answer: z.string(), question: z.string().optional() }),
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
}) satisfies z.ZodType<SearchRecord>;

const answer = z.object({
  path: z.string(),
  card: z.string(),
  lang: z.enum(['en', 'zh']),
  byline: z.string(),
  question: z.string(),
  answer: z.string(),
  hash: z.string(),
}) satisfies z.ZodType<CardData>;

const buildDataLine = z.union([z.object({ record }).strict(), z.object({ answer }).strict()]);

const cache = new Map<string, Promise<BuildData>>();

/** The build data of an output folder, read once however many steps ask. */
export function readBuildData(dir: URL): Promise<BuildData> {
  const path = fileURLToPath(new URL(FILE, dir));
  let data = cache.get(path);
  if (!data) {
    data = (async () => {
      const read: BuildData = { records: [], answers: [] };
      let number = 0;
      for await (const text of createInterface({ input: createReadStream(path, 'utf-8'), crlfDelay: Infinity })) {
        number++;
        const parsed = buildDataLine.safeParse(JSON.parse(text));
        if (!parsed.success)
          throw new Error(`${path}:${number}: not the build data the build steps read: ${parsed.error.message}`);
        if ('record' in parsed.data) read.records.push(parsed.data.record);
        else read.answers.push(parsed.data.answer);
      }
      return read;
    })();
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
