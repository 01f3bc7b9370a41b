import type { ExchangeData } from '../../schemas/exchange.ts';
import type { Kind } from '../../schemas/kind.ts';
import type { Lang } from '../../schemas/transcript.ts';

/** One paragraph of a source, as text, with where it came from (for error messages). */
export interface SourceParagraph {
  text: string;
  /** Line in the input file, where known. */
  line?: number;
  /** Set by page readers: the share of the paragraph's letters set in bold, as the ministry sets its questions. */
  bold?: number;
  /** The paragraph opens like a speaker label but is text: its colon is written escaped (escape.ts). */
  notLabel?: boolean;
}

/**
 * What a reader of one input (pasted text, saved page, dataset rows) makes of a transcript,
 * before it is written as Markdown: the front matter fields and the body's paragraphs, labels
 * (`Q:`, `Reuters:`, `答：`) as the source writes them.
 */
export interface Draft {
  /** The input it came from: `file` or `file:line` (records). */
  input: string;
  title: string;
  date?: string;
  /** How the date was found, where not from the source's own date field. */
  dateNote?: string;
  spokesperson?: string;
  kind: Kind;
  lang: Lang;
  /** URL of the original, where the input gives it. */
  source?: string;
  paragraphs: SourceParagraph[];
  /** Per-exchange data (datasets name who asked), one entry per exchange. */
  exchanges?: Partial<ExchangeData>[];
  /** An id for the file name where the title gives no slug (the ministry's document id). */
  docId?: string;
  /** The translation's id, kept from the file a re-import replaces (set after import: translations.ts). */
  translation?: string;
  warnings: string[];
}

/** An input that cannot be imported: where and why. */
export class ImportError extends Error {
  readonly input: string;

  constructor(input: string, reason: string) {
    super(`${input}: ${reason}`);
    this.name = 'ImportError';
    this.input = input;
  }
}

/**
 * Where in its input a line of a draft is: `file:line` (the input named without the line it may
 * carry: a dataset row is `rows.jsonl:12`), or the input itself where the line is not known.
 */
export function lineOf(draft: Pick<Draft, 'input'>, line: number | undefined): string {
  return line === undefined ? draft.input : `${draft.input.replace(/:\d+$/, '')}:${line}`;
}
