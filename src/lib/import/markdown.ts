import { createHash } from 'node:crypto';
import matter from 'gray-matter';
import { splitSource } from '../transcript/frontmatter.ts';
import type { Draft } from './draft.ts';
import { escapeLabelColon, escapeMarkdown } from './escape.ts';

/** The front matter key that records what the importer wrote, so a re-import can tell hand edits. */
export const DIGEST_KEY = 'importDigest';

/**
 * The transcript file for a draft: front matter written as YAML (gray-matter's dumper, which only
 * writes), then the paragraphs,
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
    ...(draft.translation && { translation: draft.translation }),
    ...(draft.exchanges?.some((entry) => Object.keys(entry).length > 0) && { exchanges: draft.exchanges }),
  };
  const body = draft.paragraphs
    .map((paragraph) => {
      const markdown = escapeMarkdown(paragraph.text);
      return paragraph.notLabel ? escapeLabelColon(markdown) : markdown;
    })
    .join('\n\n');
  return stringifyWithDigest(`\n${body}\n`, data);
}

/**
 * The file for a body and front matter, with `importDigest` over the rest. gray-matter's YAML
 * writer leaves a digest of digits alone ("0487259375177439": not octal in YAML 1.1), which the
 * site's YAML 1.2 reader takes for a number: such a digest is quoted.
 */
export function stringifyWithDigest(body: string, data: Record<string, unknown>): string {
  const digest = digestOf(matter.stringify(body, data));
  const text = matter.stringify(body, { ...data, [DIGEST_KEY]: digest });
  return /^\d+$/.test(digest) ? text.replace(`\n${DIGEST_KEY}: ${digest}\n`, `\n${DIGEST_KEY}: '${digest}'\n`) : text;
}

/** The digest a file's importDigest should have: over the file as it would be without that key. */
export function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/**
 * Whether a transcript file is still exactly as the importer wrote it. Read by the site's own
 * reader (YAML, core schema): a file in the content tree is data, never code.
 */
export function isAsImported(text: string, file: string): boolean {
  let parsed;
  try {
    parsed = splitSource(text, file);
  } catch {
    return false;
  }
  const recorded = parsed.data[DIGEST_KEY];
  if (typeof recorded !== 'string') return false;
  const rest = Object.fromEntries(Object.entries(parsed.data).filter(([key]) => key !== DIGEST_KEY));
  return digestOf(matter.stringify(parsed.body, rest)) === recorded;
}
