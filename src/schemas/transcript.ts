import { z } from 'astro/zod';
import { isoDay } from './date.ts';
import { MAX_NAME_LENGTH, exchangeData, topicList } from './exchange.ts';
import { kind } from './kind.ts';

/** The most exchanges a transcript may list (the ministry's longest press conference has about 40). */
export const MAX_EXCHANGES = 500;

/** Languages a transcript can be published in. */
export const langs = ['en', 'zh'] as const;
export type Lang = (typeof langs)[number];

/**
 * A transcript's front matter: the editor's contract (see README). Unknown keys are errors, so a
 * misspelt field is reported rather than silently ignored.
 */
export const transcriptFrontmatter = z.strictObject({
  /** Title as the ministry published it. */
  title: z.string().trim().min(1, 'title is empty'),
  /** Day of the remarks, YYYY-MM-DD. */
  date: isoDay,
  /** How the date was set, where the source does not state it. */
  dateNote: z.string().min(1).optional(),
  /** The spokesperson, in the transcript's language, where the source names one. */
  spokesperson: z
    .string()
    .trim()
    .min(1)
    .max(MAX_NAME_LENGTH, `a name has at most ${MAX_NAME_LENGTH} characters`)
    .regex(/\p{L}/u, "the spokesperson's name has no letters: write the name, or leave the key out")
    .optional(),
  /** What sort of text this is. */
  kind,
  /** Language of the text: `en` or `zh`. */
  lang: z.enum(langs, { error: 'use "en" or "zh"' }),
  /** URL of the original publication. */
  source: z.url({ protocol: /^https?$/, error: 'source must be the http(s) URL of the original' }),
  /** Topics of the whole transcript. Default: none. */
  topics: topicList,
  /** The same transcript in the other language: its id here (e.g. `zh/2019/2019-03-12-...`) or a URL. */
  translation: z.string().min(1).optional(),
  /** Set by the importer: a digest of the file as imported, so a re-import never overwrites hand edits. */
  importDigest: z.string().optional(),
  /** Per-exchange data, one entry per exchange in body order. Default: none. */
  exchanges: z
    .array(exchangeData)
    .max(MAX_EXCHANGES, `at most ${MAX_EXCHANGES} exchanges: give one entry per exchange of the body`)
    .optional(),
});

export type TranscriptFrontmatter = z.infer<typeof transcriptFrontmatter>;
