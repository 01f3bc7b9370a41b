import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import { TranscriptError } from '../transcript/errors.ts';
import { transcriptFiles } from '../transcript/files.ts';
import { splitSource } from '../transcript/frontmatter.ts';
import { readLabel } from '../transcript/labels.ts';
import { loadTranscript, type RenderTranscript } from '../transcript/load.ts';
import type { TranscriptBody } from '../transcript/model.ts';
import { parseCsv, parseJsonl } from './datasets.ts';
import { decodeInput } from './decode.ts';
import { withoutControlCharacters } from './clean.ts';
import { ImportError, type Draft, lineOf } from './draft.ts';
import { oneLine } from './escape.ts';
import { readMinistryPage } from './html.ts';
import { isAsImported, toMarkdown } from './markdown.ts';
import { transcriptFilePath } from './paths.ts';
import { draftsFromRows } from './rows.ts';
import { writeInside } from './write.ts';
import { SourceIndex } from './sources.ts';
import { readPastedText } from './text.ts';
import { linkTranslations } from './translations.ts';

export interface ImportOptions {
  /** Output folder of transcripts. */
  out: string;
  /** Date for sources that give none (YYYY-MM-DD). */
  date?: string;
  /** Source URL for inputs that give none (pasted text). */
  source?: string;
  /** Overwrite files edited by hand since they were imported. */
  force?: boolean;
  /** Text encoding of inputs that declare none (default UTF-8). */
  encoding?: string;
  /**
   * The site's Markdown pipeline (src/plugins/render.ts): every transcript is read back through it
   * before it is written, so that the file says what the site will publish.
   */
  render: RenderTranscript;
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
  /** Written under another name than its title and date give, because that file holds another source. */
  renamed?: string;
}

export interface ImportReport {
  transcripts: TranscriptReport[];
  summary: Record<Status, number> & {
    transcripts: number;
    exchanges: number;
    warnings: number;
    /** Control characters removed from the inputs' text (each removal is also a warning, with its line). */
    removedCharacters: number;
  };
  warnings: string[];
  /** Files given `translation:` after the import (paths under the output folder): paired with their other-language version. */
  linked: string[];
}

const htmlExtensions = new Set(['.html', '.htm', '.shtml']);
const datasetExtensions = new Set(['.jsonl', '.csv']);
const extensions = new Set([...htmlExtensions, ...datasetExtensions, '.txt']);

/**
 * The largest input read. A saved page is under 1 MiB and the shared corpus's whole dataset
 * (12,000 rows) is 13 MiB; anything far larger is not a transcript, and reading it would hold the
 * machine for minutes. Split a larger dataset into several files.
 */
export const MAX_PAGE_BYTES = 8 * 1024 * 1024;
export const MAX_DATASET_BYTES = 256 * 1024 * 1024;
/** The longest paragraph read: the ministry's longest (2016–2020) is about 2,300 characters. */
export const MAX_PARAGRAPH_CHARS = 20_000;

/** Input files: the files given, and the importable files inside folders given. */
export async function expandInputs(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      const entries = (await readdir(path, { recursive: true })).map(String);
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
  // By source, and which source each file belongs to, so that another source never takes over its file.
  const { bySource: existing, owners } = await existingTranscripts(options.out);
  const sources = new SourceIndex();
  const reports: TranscriptReport[] = [];
  const warnings: string[] = [];
  let removedCharacters = 0;
  // Every input is read before any is written: two inputs that name one source would otherwise
  // both be written to its file, the second over the first ("created", then "updated").
  const reads: (Draft | ImportError)[] = [];
  for (const [i, file] of files.entries()) {
    for (const read of await readInput(file, sources, options)) {
      if (read instanceof ImportError) {
        reads.push(read);
        continue;
      }
      const { draft, removed } = withoutControlCharacters(read);
      removedCharacters += removed;
      reads.push(draft);
    }
    options.onProgress?.(i + 1, files.length);
  }
  const inputsOf = new Map<string, string[]>();
  for (const read of reads) {
    const source = read instanceof ImportError ? undefined : (read.source ?? options.source);
    if (source !== undefined) inputsOf.set(source, [...(inputsOf.get(source) ?? []), read.input]);
  }
  for (const draft of reads) {
    if (draft instanceof ImportError) {
      reports.push({ source: draft.input, exchanges: 0, status: 'failed', reason: draft.message });
      continue;
    }
    warnings.push(...draft.warnings);
    const source = draft.source ?? options.source;
    const inputs = source === undefined ? [] : inputsOf.get(source)!;
    if (inputs.length > 1) {
      reports.push({
        source: source!,
        lang: draft.lang,
        exchanges: 0,
        status: 'failed',
        reason: `${draft.input}: ${inputs.length} inputs of this run name the same source (${source}): ${inputs.join(', ')}. None of them was written; import the right one alone${options.source ? ', or give each its own --source' : ''}.`,
      });
      continue;
    }
    const report = await writeDraft(draft, options, existing, owners);
    if (report.renamed) warnings.push(report.renamed);
    reports.push(report);
  }
  const written = reports
    .filter((report) => report.file !== undefined && ['created', 'updated', 'unchanged'].includes(report.status))
    .map((report) => relative(options.out, resolve(report.file!)));
  const linked = await linkTranslations(options.out, written, options.render);
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
      removedCharacters,
    },
    warnings,
    linked,
  };
}

async function readInput(file: string, sources: SourceIndex, options: ImportOptions): Promise<(Draft | ImportError)[]> {
  const ext = extname(file).toLowerCase();
  if (!extensions.has(ext)) {
    return [new ImportError(file, `unknown kind of file "${ext}": give .txt, .html/.htm/.shtml, .jsonl or .csv.`)];
  }
  const limit = datasetExtensions.has(ext) ? MAX_DATASET_BYTES : MAX_PAGE_BYTES;
  let text: string;
  try {
    const info = await stat(file);
    if (info.size > limit) {
      const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
      return [
        new ImportError(
          file,
          `the file is ${mib(info.size)}, over the ${mib(limit)} an input of this kind may be: is it the right file? Split a larger dataset into several files.`,
        ),
      ];
    }
    const bytes = await readFile(file);
    text = decodeInput(bytes, file, {
      html: htmlExtensions.has(ext),
      ...(options.encoding && { encoding: options.encoding }),
    });
  } catch (error) {
    if (error instanceof ImportError) return [error];
    return [new ImportError(file, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}).`)];
  }
  try {
    if (ext === '.txt') return [readPastedText(text, file)];
    if (htmlExtensions.has(ext)) return [readMinistryPage(text, file, sources.urlOf(file))];
    const parsed = ext === '.csv' ? parseCsv(text, file) : parseJsonl(text, file);
    return draftsFromRows(parsed, file);
  } catch (error) {
    return [error instanceof ImportError ? error : new ImportError(file, String(error))];
  }
}

async function writeDraft(
  draft: Draft,
  options: ImportOptions,
  existing: Map<string, string>,
  owners: Map<string, string>,
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
  if (!source) {
    return fail(
      `${draft.input}: the source gives no URL of the original: pass --source URL, or list the page in an index.jsonl beside it ({"file": "page.html", "url": "https://..."}).`,
    );
  }
  const long = draft.paragraphs.find((paragraph) => paragraph.text.length > MAX_PARAGRAPH_CHARS);
  if (long) {
    const where = lineOf(draft, long.line);
    return fail(
      `${where}: a paragraph of ${long.text.length.toLocaleString('en')} characters, over the ${MAX_PARAGRAPH_CHARS.toLocaleString('en')} one may have (the ministry's longest is about 2,300). Is the text split into paragraphs (a line each, or blank lines between)?`,
    );
  }
  const ready = {
    ...draft,
    date,
    source,
    ...(!draft.date && { dateNote: `The source gives no date; set on import (--date ${date}).` }),
  };

  // The same source goes back to the same file, wherever it was put or renamed to; a file that
  // belongs to another source (same title and date) is never overwritten: this one gets its own name.
  let path = existing.get(source);
  let renamed: string | undefined;
  if (!path) {
    const wanted = join(options.out, transcriptFilePath(ready));
    path = wanted;
    for (let n = 2; owners.has(path) && owners.get(path) !== source; n++) {
      const suffix = n === 2 && draft.docId ? draft.docId : String(n);
      path = wanted.replace(/\.md$/, `-${suffix}.md`);
    }
    if (path !== wanted) {
      renamed = `${draft.input}: ${relative(process.cwd(), wanted) || wanted} holds another source (${owners.get(wanted)}) of the same date and title; this one is written to ${relative(process.cwd(), path) || path}.`;
    }
    existing.set(source, path);
  }
  owners.set(path, source);
  const shown = relative(process.cwd(), path) || path;
  const current = await readFile(path, 'utf-8').catch(() => undefined);
  // The pairing a previous import wrote stays: the page itself does not name its translation.
  const kept = current !== undefined && isAsImported(current, shown) ? keptTranslation(current, shown) : undefined;
  const markdown = toMarkdown({ ...ready, ...(kept && { translation: kept }) });
  let body: TranscriptBody;
  try {
    body = (await loadTranscript(markdown, shown, options.render)).transcript;
    checkNothingLost(draft, body);
  } catch (error) {
    const reason = error instanceof TranscriptError ? explain(error, draft, markdown) : (error as Error).message;
    return fail(reason);
  }
  const report = {
    ...base,
    source,
    file: shown,
    date,
    exchanges: body.exchanges.length,
    ...(renamed && { renamed }),
  };
  if (current === markdown) return { ...report, status: 'unchanged' };
  if (current !== undefined && !options.force && !isAsImported(current, shown)) {
    return {
      ...report,
      status: 'skipped',
      reason: `${shown} was edited by hand since it was imported: pass --force to overwrite it.`,
    };
  }
  try {
    await writeInside(options.out, relative(options.out, path), markdown);
  } catch (error) {
    return fail(`${shown}: ${(error as Error).message}`);
  }
  return { ...report, status: current === undefined ? 'created' : 'updated' };
}

function keptTranslation(text: string, file: string): string | undefined {
  const value = splitSource(text, file).data.translation;
  return typeof value === 'string' ? value : undefined;
}

/** A format error in the generated file, told in terms of the input: its line there, where known. */
function explain(error: TranscriptError, draft: Draft, markdown: string): string {
  if (error.line === undefined) return `${draft.input}: ${error.reason}`;
  const line = markdown.split('\n')[error.line - 1] ?? '';
  const paragraph = draft.paragraphs.find((p) => line.includes(p.text.slice(0, 40).replace(/[\\`*_[\]<>&|~]/g, '')));
  const where = lineOf(draft, paragraph?.line);
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
    const label = paragraph.notLabel ? undefined : readLabel(paragraph.text, draft.spokesperson);
    const text = oneLine(label ? paragraph.text.slice(label.length) : paragraph.text);
    const at = published.indexOf(text, from);
    if (at < 0) {
      const where = lineOf(draft, paragraph.line);
      throw new ImportError(
        where,
        `this paragraph would not be published as written: "${text.slice(0, 60)}…". Please report it with the input file.`,
      );
    }
    from = at + text.length;
  }
}

/**
 * Transcript files already in the output folder, by the source URL they record. Read exactly as
 * the site reads them (YAML only, no dotfiles, no symbolic links): a file here is data, never code.
 */
async function existingTranscripts(
  out: string,
): Promise<{ bySource: Map<string, string>; owners: Map<string, string> }> {
  const bySource = new Map<string, string>();
  const owners = new Map<string, string>();
  for (const file of await transcriptFiles(out).catch(() => [] as string[])) {
    const path = join(out, file);
    try {
      const { data } = splitSource(await readFile(path, 'utf-8'), path);
      const source = typeof data.source === 'string' ? data.source : 'no source in its front matter';
      bySource.set(source, path);
      owners.set(path, source);
    } catch {
      // Broken front matter is the site build's to report; the file is still someone's: never overwritten.
      owners.set(path, 'a file whose front matter cannot be read');
    }
  }
  return { bySource, owners };
}
