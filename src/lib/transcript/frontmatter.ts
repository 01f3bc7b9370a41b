import { extractFrontmatter } from '@astrojs/markdown-remark';
import * as yaml from 'js-yaml';
import { MAX_EXCHANGES, transcriptFrontmatter, type TranscriptFrontmatter } from '../../schemas/transcript.ts';
import { firstUnsafeCharacter, lineAt } from './characters.ts';
import { TranscriptError } from './errors.ts';

/**
 * How deep front matter may nest: a transcript's is three levels (exchanges → an exchange →
 * its topics). A deeper one is a mistake, and js-yaml's own limit (100) would let it through.
 */
const MAX_YAML_DEPTH = 8;

export interface SourceParts {
  /** Front matter as YAML gives it, before the schema (dates stay strings). */
  data: Record<string, unknown>;
  /** Raw YAML between the `---` lines. */
  raw: string;
  /**
   * Lines before the body as Astro hands it to remark: Astro removes the `---`…`---` block and
   * keeps the newline after it, so body line 1 is the closing `---` line.
   */
  bodyLineOffset: number;
  /** Where the text after the closing `---` begins (the rest of that line, then the body). */
  bodyStart: number;
}

/**
 * Splits a transcript file into its front matter and the line offset of its body. YAML is read
 * with the core schema so that `date: 2019-02-30` stays the string the editor wrote (the default
 * schema would silently turn it into 2 March).
 */
export function readSource(contents: string, file: string): SourceParts {
  const raw = extractFrontmatter(contents);
  const opener = /^\uFEFF?\s*(---|\+\+\+)([^\n]*)/.exec(contents);
  if (raw !== undefined && (opener?.[1] !== '---' || opener[2]!.trim() !== '')) {
    // gray-matter would run `---js` front matter as code; Astro would read `+++` as TOML. Only YAML is data.
    throw new TranscriptError(
      file,
      1,
      `Front matter opened with "${oneLineOf(opener?.[0] ?? '')}": only YAML front matter is read. Open and close it with a line of just ---.`,
    );
  }
  if (raw === undefined) {
    throw new TranscriptError(
      file,
      1,
      'No front matter: start the file with a `---` block giving title, date, kind, lang and source (see README).',
    );
  }
  const unsafe = firstUnsafeCharacter(contents);
  if (unsafe) {
    throw new TranscriptError(
      file,
      lineAt(contents, unsafe.offset),
      `a control character (${unsafe.code}) is in the text: delete it. Feeds and data cannot carry it, and readers would not see it.`,
    );
  }
  let data: unknown;
  try {
    const events = yaml.parseEvents(raw, { filename: file, maxDepth: MAX_YAML_DEPTH });
    refuseAnchors(events, raw, file);
    [data] = yaml.constructFromEvents(events, { source: raw, filename: file, schema: yaml.CORE_SCHEMA, maxAliases: 0 });
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      // mark.line counts from 0 within the YAML, whose line 0 is the rest of the opening `---` line.
      throw new TranscriptError(
        file,
        error.mark === undefined ? 1 : error.mark.line + 1,
        `Broken YAML in the front matter: ${error.reason}. Fix the YAML between the --- lines.`,
      );
    }
    throw error;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new TranscriptError(file, 2, 'The front matter must be YAML keys and values (title: ..., date: ...).');
  }
  const bodyStart = contents.indexOf(raw) + raw.length + 3;
  const bodyLineOffset = contents.slice(0, bodyStart).split('\n').length - 1;
  return { data: data as Record<string, unknown>, raw, bodyLineOffset, bodyStart };
}

/**
 * The front matter of a file and the text after its closing `---` line, as gray-matter splits them
 * (the body keeps its leading blank line). Read with the same reader as the site: YAML only.
 */
export function splitSource(contents: string, file: string): { data: Record<string, unknown>; body: string } {
  const parts = readSource(contents, file);
  const rest = contents.slice(parts.bodyStart);
  return { data: parts.data, body: rest.slice(rest.indexOf('\n') + 1) };
}

/**
 * YAML anchors (`&big`) and aliases (`*big`) are refused: an editor never needs them, and an
 * alias repeated over a transcript's exchanges multiplies one list into millions of values before
 * any check sees them (a 335 KB file exhausted the build's heap).
 */
function refuseAnchors(events: yaml.Event[], raw: string, file: string): void {
  const event = events.find((candidate) => 'anchorStart' in candidate && candidate.anchorStart >= 0);
  if (!event || !('anchorStart' in event)) return;
  const name = raw.slice(event.anchorStart, event.anchorEnd);
  const what = event.type === yaml.EVENT_ID.ALIAS ? `the alias *${name}` : `the anchor &${name}`;
  throw new TranscriptError(
    file,
    lineAt(raw, event.anchorStart),
    `YAML anchors and aliases are not read in front matter (${what}): write the values out in full.`,
  );
}

const oneLineOf = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 20);

/** Front matter checked against the schema; errors name the line of the offending key. */
export function checkFrontmatter(parts: SourceParts, file: string): TranscriptFrontmatter {
  const exchanges = parts.data.exchanges;
  if (Array.isArray(exchanges) && exchanges.length > MAX_EXCHANGES) {
    // Before the schema copies a value of it: the list must match the body, which never has so many.
    throw new TranscriptError(
      file,
      lineOfKey(parts.raw, 'exchanges') ?? 1,
      `exchanges: ${exchanges.length.toLocaleString('en')} entries, over the ${MAX_EXCHANGES} a transcript may have: give one entry per exchange of the body.`,
    );
  }
  for (const [key, value] of Object.entries(parts.data)) {
    const unsafe = firstUnsafeCharacter(stringsOf(value).join('\n'));
    if (unsafe) {
      throw new TranscriptError(
        file,
        lineOfKey(parts.raw, key) ?? 1,
        `${key}: a control character (${unsafe.code}, written as a YAML escape) is in the text: delete it.`,
      );
    }
  }
  const result = transcriptFrontmatter.safeParse(parts.data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path[0];
  const where = typeof key === 'string' ? lineOfKey(parts.raw, key) : undefined;
  const field = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  const missing = issue.code === 'invalid_type' && issue.input === undefined;
  const reason =
    issue.code === 'unrecognized_keys'
      ? `Unknown front matter key "${String(key)}": fix its spelling or remove it. Known keys: ${Object.keys(transcriptFrontmatter.shape).join(', ')}.`
      : missing
        ? `${field}missing. Add "${String(key)}: ..." to the front matter.`
        : `${field}${issue.message}`;
  throw new TranscriptError(file, where ?? 1, reason);
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

function lineOfKey(raw: string, key: string): number | undefined {
  const index = raw.split('\n').findIndex((line) => line.startsWith(`${key}:`));
  // The YAML's first line is the rest of the opening `---` line, which is empty.
  return index < 0 ? undefined : index + 1;
}
