import { channel, subscribe, unsubscribe } from 'node:diagnostics_channel';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { z } from 'astro/zod';
import type { SearchRecord } from '../lib/search/records.ts';
import type { CardData } from '../lib/share/card-data.ts';
import type { PublishedTranscript } from '../lib/share/permalink-manifest.ts';
import { type Lang, langs } from '../schemas/transcript.ts';

/**
 * Written by src/pages/build-data.jsonl.ts: a line per transcript (`{"transcript"}`), followed by
 * a line per answer of it (`{"answer"}`).
 */
const FILE = 'build-data.jsonl';

export interface BuildData {
  transcripts: PublishedTranscript[];
  answers: CardData[];
}

/**
 * Parsed, not cast: a build step that read a field the page no longer writes should fail here,
 * naming it, rather than draw or check `undefined`.
 */
const answer = z.object({
  path: z.string(),
  card: z.string(),
  lang: z.enum(langs),
  byline: z.string(),
  question: z.string(),
  answer: z.string(),
  hash: z.string(),
}) satisfies z.ZodType<CardData>;

const transcript = z.object({ path: z.string(), date: z.string() }) satisfies z.ZodType<PublishedTranscript>;

const buildDataLine = z.union([z.object({ transcript }).strict(), z.object({ answer }).strict()]);

/**
 * The search records, handed over in memory the moment the build-data page has made them: the
 * pages are still rendering then, and the search index can be built beside them
 * (src/integrations/pagefind.ts) instead of after. The page runs in Astro's bundle of the site and
 * the integrations in its configuration's, so they share no module; a named channel is the
 * process's own.
 */
const RECORDS_CHANNEL = 'lectern:search-records';

/** What the search is built from: every answer's record, and the names of the entities with a page (the likeliest searches). */
export interface SearchInput {
  records: SearchRecord[];
  names: Record<Lang, string[]>;
}

export function publishRecords(input: SearchInput): void {
  channel(RECORDS_CHANNEL).publish(input);
}

/** Calls `listener` with the records once the build-data page has made them; returns the unsubscribe. */
export function onRecords(listener: (input: SearchInput) => void): () => void {
  const onMessage = (message: unknown) => {
    listener(message as SearchInput);
  };
  subscribe(RECORDS_CHANNEL, onMessage);
  return () => unsubscribe(RECORDS_CHANNEL, onMessage);
}

const cache = new Map<string, Promise<BuildData>>();

/** The build data of an output folder, read once however many steps ask. */
export function readBuildData(dir: URL): Promise<BuildData> {
  const path = fileURLToPath(new URL(FILE, dir));
  let data = cache.get(path);
  if (!data) {
    data = (async () => {
      const read: BuildData = { transcripts: [], answers: [] };
      let number = 0;
      for await (const text of createInterface({ input: createReadStream(path, 'utf-8'), crlfDelay: Infinity })) {
        number++;
        const parsed = buildDataLine.safeParse(JSON.parse(text));
        if (!parsed.success)
          throw new Error(`${path}:${number}: not the build data the build steps read: ${parsed.error.message}`);
        if ('transcript' in parsed.data) read.transcripts.push(parsed.data.transcript);
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
