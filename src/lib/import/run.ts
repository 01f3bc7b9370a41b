import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, extname, join, relative } from 'node:path';
import matter from 'gray-matter';
import * as yaml from 'js-yaml';
import { TranscriptError } from '../transcript/errors.ts';
import { readLabel } from '../transcript/labels.ts';
import { loadTranscript } from '../transcript/load.ts';
import type { TranscriptBody } from '../transcript/model.ts';
import { renderTranscript } from '../transcript/render.ts';
import { parseCsv, parseJsonl } from './datasets.ts';
import { ImportError, type Draft } from './draft.ts';
import { oneLine } from './escape.ts';
import { readMinistryPage } from './html.ts';
import { isAsImported, toMarkdown } from './markdown.ts';
import { transcriptPath } from './paths.ts';
import { draftsFromRows, type Row } from './rows.ts';
import { SourceIndex } from './sources.ts';
import { readPastedText } from './text.ts';

export interface ImportOptions {
  /** Output folder of transcripts. */
  out: string;
  /** Date for sources that give none (YYYY-MM-DD). */
  date?: string;
  /** Source URL for inputs that give none (pasted text). */
  source?: string;
  /** Overwrite files edited by hand since they were imported. */
  force?: boolean;
  /** Called after each input file. */
  onProgress?: (done: number, total: number) => void;
}

export type Status = 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed';

export interface TranscriptReport {
  source: string;
  file?: string;
  date?: string;
  lang?: string;
  spokesperson?: string;
  /** Question/answer exchanges (opening statements not counted). */
  exchanges: number;
  status: Status;
  /** Why it failed or was skipped. */
  reason?: string;
}

export interface ImportReport {
  transcripts: TranscriptReport[];
  summary: Record<Status, number> & { transcripts: number; exchanges: number; warnings: number };
  warnings: string[];
}

const htmlExtensions = new Set(['.html', '.htm', '.shtml']);
const extensions = new Set([...htmlExtensions, '.txt', '.jsonl', '.csv']);

/** Input files: the files given, and the importable files inside folders given. */
export async function expandInputs(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      const entries = await readdir(path, { recursive: true });
      files.push(
        ...entries
          .filter((entry) => extensions.has(extname(entry).toLowerCase()) && !entry.endsWith('index.jsonl'))
          .map((entry) => join(path, entry))
          .sort(),
      );
    } else files.push(path);
  }
  return files;
}

/**
 * Imports each input into transcript files under `options.out`, validated by the same loader and
 * schema as the site. Each file succeeds or fails on its own; the report lists every transcript.
 */
export async function importFiles(inputs: string[], options: ImportOptions): Promise<ImportReport> {
  const files = await expandInputs(inputs);
  const existing = await existingTranscripts(options.out);
  const sources = new SourceIndex();
  const reports: TranscriptReport[] = [];
  const warnings: string[] = [];
  const claimed = new Set<string>();
  for (const [i, file] of files.entries()) {
    for (const read of await readInput(file, sources)) {
      if (read instanceof ImportError) {
        reports.push({ source: read.input, exchanges: 0, status: 'failed', reason: read.message });
        continue;
      }
      warnings.push(...read.warnings);
      reports.push(await writeDraft(read, options, existing, claimed));
    }
    options.onProgress?.(i + 1, files.length);
  }
  const count = (status: Status) => reports.filter((report) => report.status === status).length;
  return {
    transcripts: reports,
    summary: {
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      skipped: count('skipped'),
      failed: count('failed'),
      transcripts: reports.length,
      exchanges: reports.reduce((sum, report) => sum + report.exchanges, 0),
      warnings: warnings.length,
    },
    warnings,
  };
}

async function readInput(file: string, sources: SourceIndex): Promise<(Draft | ImportError)[]> {
  const ext = extname(file).toLowerCase();
  let text: string;
  try {
    text = await readFile(file, 'utf-8');
  } catch (error) {
    return [new ImportError(file, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}).`)];
  }
  try {
    if (ext === '.txt') return [readPastedText(text, file)];
    if (htmlExtensions.has(ext)) return [readMinistryPage(text, file, sources.urlOf(file))];
    if (ext === '.jsonl' || ext === '.csv') {
      const parsed = ext === '.csv' ? parseCsv(text, file) : parseJsonl(text, file);
      const rows = parsed.filter((row): row is Row => !(row instanceof ImportError));
      const broken = parsed.filter((row): row is ImportError => row instanceof ImportError);
      return [...broken, ...draftsFromRows(rows, file)];
    }
    return [new ImportError(file, `unknown kind of file "${ext}": give .txt, .html/.htm/.shtml, .jsonl or .csv.`)];
  } catch (error) {
    return [error instanceof ImportError ? error : new ImportError(file, String(error))];
  }
}

async function writeDraft(
  draft: Draft,
  options: ImportOptions,
  existing: Map<string, string>,
  claimed: Set<string>,
): Promise<TranscriptReport> {
  const base = {
    source: draft.source ?? draft.input,
    lang: draft.lang,
    ...(draft.spokesperson && { spokesperson: draft.spokesperson }),
  };
  const fail = (reason: string): TranscriptReport => ({ ...base, exchanges: 0, status: 'failed', reason });
  const date = draft.date ?? options.date;
  if (!date) return fail(`${draft.input}: the source gives no date: pass --date YYYY-MM-DD (the day of the remarks).`);
  const source = draft.source ?? options.source;
  if (!source) return fail(`${draft.input}: the source gives no URL of the original: pass --source URL.`);
  const ready = {
    ...draft,
    date,
    source,
    ...(!draft.date && { dateNote: `The source gives no date; set on import (--date ${date}).` }),
  };

  // The same source goes back to the same file, wherever it was put or renamed to.
  let path = existing.get(source);
  if (!path) {
    path = join(options.out, transcriptPath(ready));
    if (claimed.has(path)) path = path.replace(/\.md$/, `-${draft.docId ?? claimed.size}.md`);
  }
  claimed.add(path);
  const shown = relative(process.cwd(), path) || path;
  const markdown = toMarkdown(ready);
  let body: TranscriptBody;
  try {
    body = (await loadTranscript(markdown, shown, renderTranscript)).transcript;
    checkNothingLost(draft, body);
  } catch (error) {
    const reason = error instanceof TranscriptError ? explain(error, draft, markdown) : (error as Error).message;
    return fail(reason);
  }
  const report = { ...base, source, file: shown, date, exchanges: body.exchanges.length };
  const current = await readFile(path, 'utf-8').catch(() => undefined);
  if (current === markdown) return { ...report, status: 'unchanged' };
  if (current !== undefined && !options.force && !isAsImported(current)) {
    return {
      ...report,
      status: 'skipped',
      reason: `${shown} was edited by hand since it was imported: pass --force to overwrite it.`,
    };
  }
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, markdown);
  return { ...report, status: current === undefined ? 'created' : 'updated' };
}

/** A format error in the generated file, told in terms of the input: its line there, where known. */
function explain(error: TranscriptError, draft: Draft, markdown: string): string {
  if (error.line === undefined) return `${draft.input}: ${error.reason}`;
  const line = markdown.split('\n')[error.line - 1] ?? '';
  const paragraph = draft.paragraphs.find((p) => line.includes(p.text.slice(0, 40).replace(/[\\`*_[\]<>&|~]/g, '')));
  const where = paragraph?.line === undefined ? draft.input : `${draft.input.replace(/:\d+$/, '')}:${paragraph.line}`;
  return `${where}: ${error.reason}`;
}

/**
 * Every paragraph of the source is in the transcript the site will publish, in order, with the
 * same text. A paragraph lost or changed on the way through Markdown is an error, not a warning.
 */
function checkNothingLost(draft: Draft, body: TranscriptBody): void {
  const published = oneLine(
    [body.opening?.text ?? '', ...body.exchanges.flatMap((exchange) => exchange.turns.map((turn) => turn.text))].join(
      ' ',
    ),
  );
  let from = 0;
  for (const paragraph of draft.paragraphs) {
    const label = readLabel(paragraph.text, draft.spokesperson);
    const text = oneLine(label ? paragraph.text.slice(label.length) : paragraph.text);
    const at = published.indexOf(text, from);
    if (at < 0) {
      const where =
        paragraph.line === undefined ? draft.input : `${draft.input.replace(/:\d+$/, '')}:${paragraph.line}`;
      throw new ImportError(
        where,
        `this paragraph would not be published as written: "${text.slice(0, 60)}…". Please report it with the input file.`,
      );
    }
    from = at + text.length;
  }
}

/** Transcript files already in the output folder, by the source URL they record. */
async function existingTranscripts(out: string): Promise<Map<string, string>> {
  const bySource = new Map<string, string>();
  const entries = await readdir(out, { recursive: true }).catch(() => [] as string[]);
  for (const entry of entries.filter((name) => name.endsWith('.md'))) {
    const path = join(out, entry);
    try {
      const { data } = matter(await readFile(path, 'utf-8'), {
        engines: { yaml: (text) => yaml.load(text, { schema: yaml.CORE_SCHEMA }) as object },
      });
      if (typeof data.source === 'string') bySource.set(data.source, path);
    } catch {
      // A file with broken front matter is the site build's to report; it just cannot be matched here.
    }
  }
  return bySource;
}
