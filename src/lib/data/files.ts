import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { csvHeader, csvLine } from './csv.ts';
import { openData } from './open-data.ts';
import { type AnswerRow, DATA_VERSION } from './rows.ts';
import { CSV_COLUMNS, CSV_METADATA } from './schemas.ts';

/** The files under /data/, as the site publishes them. */
export interface DataFile {
  /** Its path under /data/. */
  name: string;
  bytes: Buffer;
  rows?: number;
  /** The JSON Schema of a row (or of the file, for a transcript's own JSON), by its name under /data/. */
  schema?: string;
  format: string;
}

/** Lists that are paragraphs in the CSV (joined with a blank line), not names (joined with "; "). */
const PARAGRAPHS = new Set(['follow_ups', 'turns']);

function csvRow(row: AnswerRow) {
  return {
    ...row,
    turns: row.turns?.map((turn) => `${turn.label}: ${turn.text}`) ?? null,
    // "formula start-end before", e.g. "en-3f2a9c1b 0-31 12": the JSON Lines have it by name.
    sentences: row.sentences.map(({ formula, start, end, before }) => `${formula} ${start}-${end} ${before}`),
  };
}

/**
 * Gzip of many lines, written a line at a time so that the archive's whole text is never one
 * string. Node writes no time into a gzip header: the same rows give the same bytes.
 */
async function gzipLines(lines: Iterable<string>): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(gzip, 'end');
  for (const line of lines) if (!gzip.write(line)) await once(gzip, 'drain');
  gzip.end();
  await ended;
  return Buffer.concat(chunks);
}

function* jsonLines(rows: readonly unknown[]): Iterable<string> {
  for (const row of rows) yield `${JSON.stringify(row)}\n`;
}

function* csvLines(rows: readonly AnswerRow[]): Iterable<string> {
  yield csvHeader(CSV_COLUMNS);
  for (const row of rows) yield csvLine(CSV_COLUMNS, csvRow(row), (column) => (PARAGRAPHS.has(column) ? '\n\n' : '; '));
}

let cache: Promise<DataFile[]> | undefined;

/** The bulk files, made once per build (the index lists their sizes and digests). */
export function bulkFiles(site: URL): Promise<DataFile[]> {
  cache ??= (async () => {
    const data = await openData(site);
    // Compressed side by side: zlib works off the main thread, so one file's compression overlaps
    // the next one's rows (one after another was a noticeable part of a rebuild).
    const [answersJson, answersCsv, transcriptsJson, formulasJson, entitiesJson] = await Promise.all([
      gzipLines(jsonLines(data.answers)),
      gzipLines(csvLines(data.answers)),
      gzipLines(jsonLines(data.transcripts)),
      gzipLines(jsonLines(data.formulas)),
      gzipLines(jsonLines(data.entities)),
    ]);
    return [
      {
        name: 'answers.jsonl.gz',
        bytes: answersJson,
        rows: data.answers.length,
        schema: 'answers.schema.json',
        format: 'JSON Lines, gzip',
      },
      {
        name: 'answers.csv.gz',
        bytes: answersCsv,
        rows: data.answers.length,
        schema: CSV_METADATA,
        format: 'CSV (RFC 4180, UTF-8, header row), gzip',
      },
      {
        name: 'transcripts.jsonl.gz',
        bytes: transcriptsJson,
        rows: data.transcripts.length,
        schema: 'transcripts.schema.json',
        format: 'JSON Lines, gzip',
      },
      {
        name: 'formulas.jsonl.gz',
        bytes: formulasJson,
        rows: data.formulas.length,
        schema: 'formulas.schema.json',
        format: 'JSON Lines, gzip',
      },
      {
        name: 'entities.jsonl.gz',
        bytes: entitiesJson,
        rows: data.entities.length,
        schema: 'entities.schema.json',
        format: 'JSON Lines, gzip',
      },
    ];
  })();
  return cache;
}

/** /data/index.json: what is there, how many rows, and a digest to check a download against. */
export async function dataIndex(site: URL) {
  const files = await bulkFiles(site);
  return {
    version: DATA_VERSION,
    files: files.map(({ name, bytes, rows, schema, format }) => ({
      url: new URL(`/data/${name}`, site).href,
      format,
      rows,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      schema: schema && new URL(`/data/${schema}`, site).href,
    })),
    transcript: {
      url: `${new URL('/remarks/', site).href}{id}.json`,
      schema: new URL('/data/transcript.schema.json', site).href,
    },
  };
}
