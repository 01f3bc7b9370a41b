import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { contentPaths } from './lib/paths.ts';
import type { TranscriptBody } from './lib/transcript/model.ts';
import { transcriptLoader } from './loaders/transcripts.ts';
import { transcriptFrontmatter } from './schemas/transcript.ts';

/**
 * One collection: the transcripts under `content/remarks/`. Each entry's data is its front matter
 * plus `transcript`, the model the remark plugin made of its body.
 */
const remarks = defineCollection({
  // LECTERN_CONTENT lets tests and benchmarks build the site from another folder of transcripts.
  loader: transcriptLoader({ base: contentPaths().remarks }),
  schema: transcriptFrontmatter.extend({
    /** The parsed body (set by the loader, not written by editors). */
    transcript: z.custom<TranscriptBody>((value) => typeof value === 'object' && value !== null),
  }),
});

export const collections = { remarks };
