import type { TranscriptFrontmatter } from '../../schemas/transcript.ts';
import { TranscriptError, messageLine, messageReason } from './errors.ts';
import { checkFrontmatter, readSource } from './frontmatter.ts';
import type { TranscriptBody } from './model.ts';
import { MAX_NESTING, tooDeep } from './nesting.ts';

export interface LoadedTranscript {
  frontmatter: TranscriptFrontmatter;
  transcript: TranscriptBody;
}

/**
 * Renders a whole transcript file (front matter and body) through a remark processor that runs
 * `remarkTranscript`, and returns the model it made. Astro's `renderMarkdown` in the site's
 * loader; a plain unified processor in the importer and tests.
 */
export type RenderTranscript = (contents: string) => Promise<TranscriptBody>;

/**
 * Reads one transcript file into front matter and model, or throws a `TranscriptError` naming
 * the file, the line and what to do. Used by the site's loader, the importer and the tests alike.
 */
export async function loadTranscript(
  contents: string,
  file: string,
  render: RenderTranscript,
): Promise<LoadedTranscript> {
  const parts = readSource(contents, file);
  if ('transcript' in parts.data) {
    throw new TranscriptError(file, 1, '"transcript" is reserved for the parsed body: rename that front matter key.');
  }
  const frontmatter = checkFrontmatter(parts, file);
  const deep = tooDeep(contents.slice(parts.bodyStart));
  if (deep) {
    throw new TranscriptError(
      file,
      deep.line + parts.bodyLineOffset,
      `quotes or lists nested ${deep.depth} deep, past the ${MAX_NESTING} levels a transcript may have: flatten them.`,
    );
  }
  let body: TranscriptBody;
  try {
    body = await render(forPlugin(contents, parts.bodyStart, frontmatter));
  } catch (error) {
    if (error instanceof RangeError) {
      // A nesting the line scan cannot see (emphasis inside emphasis, thousands deep).
      throw new TranscriptError(
        file,
        undefined,
        `the Markdown nests too deep to read (${error.message}): flatten nested emphasis, quotes or lists.`,
      );
    }
    const line = messageLine(error);
    // The plugin's own errors point into the body; anything else (a crash) is reported as is.
    throw new TranscriptError(file, line === undefined ? undefined : line + parts.bodyLineOffset, messageReason(error));
  }
  return { frontmatter, transcript: shiftLines(body, parts.bodyLineOffset) };
}

/**
 * The file as the remark plugin is given it: the body as written, after front matter holding only
 * what the plugin reads, as the schema checked it, in JSON. The Markdown pipeline parses front
 * matter with YAML's default schema, which reads `id: 2019-03-12` as a date and `id: 0b101` as
 * the number 5; the schema (core schema) keeps them as the text the editor wrote, and so does JSON.
 * The front matter block stays a block before the body, so body lines count as before.
 */
function forPlugin(contents: string, bodyStart: number, frontmatter: TranscriptFrontmatter): string {
  const view = { spokesperson: frontmatter.spokesperson, exchanges: frontmatter.exchanges };
  return `---\n${JSON.stringify(view)}\n---${contents.slice(bodyStart)}`;
}

/** Body lines as lines of the file. */
function shiftLines(body: TranscriptBody, offset: number): TranscriptBody {
  return {
    ...(body.opening && { opening: { ...body.opening, line: body.opening.line + offset } }),
    exchanges: body.exchanges.map((exchange) => ({
      ...exchange,
      line: exchange.line + offset,
      turns: exchange.turns.map((turn) => ({ ...turn, line: turn.line + offset })),
    })),
  };
}
