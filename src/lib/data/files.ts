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
 * Gzip of many files' lines, each written a line at a time so that the archive's whole text is
 * never one string, and each row made once for all the files that hold it (its JSON line and its
 * CSV line) and then let go. Node writes no time into a gzip header: the same rows give the same
 * bytes.
 */
async function gzipEach<T>(
  rows: Iterable<T>,
  ...files: { head?: string; line: (row: T) => string }[]
): Promise<{ bytes: Buffer[]; rows: number }> {
  const streams = files.map(() => createGzip({ level: 9 }));
  const chunks = streams.map((gzip) => {
    const parts: Buffer[] = [];
    gzip.on('data', (chunk: Buffer) => parts.push(chunk));
    return parts;
  });
  const ended = streams.map((gzip) => once(gzip, 'end'));
  const write = async (gzip: (typeof streams)[number], text: string) => {
    if (!gzip.write(text)) await once(gzip, 'drain');
  };
  for (const [i, file] of files.entries()) if (file.head) await write(streams[i]!, file.head);
  let count = 0;
  for (const row of rows) {
    count++;
    for (const [i, file] of files.entries()) await write(streams[i]!, file.line(row));
  }
  for (const gzip of streams) gzip.end();
  await Promise.all(ended);
  return { bytes: chunks.map((parts) => Buffer.concat(parts)), rows: count };
}

const jsonLine = (row: unknown) => `${JSON.stringify(row)}\n`;
const csvFile = {
  head: csvHeader(CSV_COLUMNS),
  line: (row: AnswerRow) => csvLine(CSV_COLUMNS, csvRow(row), (column) => (PARAGRAPHS.has(column) ? '\n\n' : '; ')),
};

let cache: Promise<DataFile[]> | undefined;

/** The bulk files, made once per build (the index lists their sizes and digests). */
export function bulkFiles(site: URL): Promise<DataFile[]> {
  cache ??= (async () => {
    const data = await openData(site);
    // Compressed side by side: zlib works off the main thread, so one file's compression overlaps
    // the next one's rows (one after another was a noticeable part of a rebuild).
    const [answers, transcripts, formulas, entities] = await Promise.all([
      gzipEach(data.answers(), { line: jsonLine }, csvFile),
      gzipEach(data.transcripts, { line: jsonLine }),
      gzipEach(data.formulas, { line: jsonLine }),
      gzipEach(data.entities, { line: jsonLine }),
    ]);
    return [
      {
        name: 'answers.jsonl.gz',
        bytes: answers.bytes[0]!,
        rows: answers.rows,
        schema: 'answers.schema.json',
        format: 'JSON Lines, gzip',
      },
      {
        name: 'answers.csv.gz',
        bytes: answers.bytes[1]!,
        rows: answers.rows,
        schema: CSV_METADATA,
        format: 'CSV (RFC 4180, UTF-8, header row), gzip',
      },
      {
        name: 'transcripts.jsonl.gz',
        bytes: transcripts.bytes[0]!,
        rows: transcripts.rows,
        schema: 'transcripts.schema.json',
        format: 'JSON Lines, gzip',
      },
      {
        name: 'formulas.jsonl.gz',
        bytes: formulas.bytes[0]!,
        rows: formulas.rows,
        schema: 'formulas.schema.json',
        format: 'JSON Lines, gzip',
      },
      {
        name: 'entities.jsonl.gz',
        bytes: entities.bytes[0]!,
        rows: entities.rows,
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
