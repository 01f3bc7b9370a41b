import { createHash } from 'node:crypto';
import matter from 'gray-matter';
import * as yaml from 'js-yaml';
import type { Draft } from './draft.ts';
import { escapeMarkdown } from './escape.ts';

/** The front matter key that records what the importer wrote, so a re-import can tell hand edits. */
export const DIGEST_KEY = 'importDigest';

/**
 * The transcript file for a draft: front matter written with gray-matter, then the paragraphs,
 * each escaped and separated by a blank line. `importDigest` is a digest of the rest of the file:
 * while the file is as imported the two agree; an editor's change makes them differ.
 */
export function toMarkdown(draft: Draft & { date: string; source: string }): string {
  const data: Record<string, unknown> = {
    title: draft.title,
    date: draft.date,
    ...(draft.dateNote && { dateNote: draft.dateNote }),
    ...(draft.spokesperson && { spokesperson: draft.spokesperson }),
    kind: draft.kind,
    lang: draft.lang,
    source: draft.source,
    ...(draft.exchanges?.some((entry) => Object.keys(entry).length > 0) && { exchanges: draft.exchanges }),
  };
  const body = draft.paragraphs.map((paragraph) => escapeMarkdown(paragraph.text)).join('\n\n');
  const text = matter.stringify(`\n${body}\n`, data);
  return matter.stringify(`\n${body}\n`, { ...data, [DIGEST_KEY]: digestOf(text) });
}

/** The digest a file's importDigest should have: over the file as it would be without that key. */
export function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Whether a transcript file is still exactly as the importer wrote it. */
export function isAsImported(text: string): boolean {
  // The core schema keeps dates as the strings they were written as, as the site reads them.
  const parsed = matter(text, {
    engines: { yaml: (source) => yaml.load(source, { schema: yaml.CORE_SCHEMA }) as object },
  });
  const data = parsed.data as Record<string, unknown>;
  const recorded = data[DIGEST_KEY];
  if (typeof recorded !== 'string') return false;
  const rest = Object.fromEntries(Object.entries(data).filter(([key]) => key !== DIGEST_KEY));
  return digestOf(matter.stringify(parsed.content, rest)) === recorded;
}
