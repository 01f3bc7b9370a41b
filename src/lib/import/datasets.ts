import { ImportError } from './draft.ts';
import type { BrokenRow, Row } from './rows.ts';

/**
 * Rows of a JSON Lines file (a byte order mark is ignored); a line that is not a JSON object is a
 * broken row naming its line and, where its text still shows them, the url, link or date that
 * would place it in a transcript: that transcript is then not imported short of a row.
 */
export function parseJsonl(text: string, input: string): (Row | BrokenRow)[] {
  const rows: (Row | BrokenRow)[] = [];
  for (const [i, line] of text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .entries()) {
    if (line.trim() === '') continue;
    try {
      const fields: unknown = JSON.parse(line);
      if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) throw new Error('not a JSON object');
      rows.push({ line: i + 1, fields: fields as Record<string, unknown> });
    } catch (error) {
      const field = (name: string) => new RegExp(`"${name}"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"`).exec(line)?.[1]?.trim();
      rows.push({
        line: i + 1,
        error: new ImportError(
          `${input}:${i + 1}`,
          `not a JSON record (${(error as Error).message}); fix or remove the line.`,
        ),
        fields: { url: field('url'), link: field('link'), date: field('date') },
      });
    }
  }
  return rows;
}

/**
 * Rows of a CSV file with a header row (RFC 4180: quoted fields may hold commas, quotes as "" and
 * line breaks). An unterminated quote makes its record a broken row naming the line where the
 * field starts; the records before it still import.
 */
export function parseCsv(text: string, input: string): (Row | BrokenRow)[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((c) => c !== '')) records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      line++;
      recordLine = line;
    } else cell += char;
  }
  // An unclosed quote runs to the end of the file: the record it starts in is broken, and nothing after can be read.
  const unclosed = quoted ? { line: recordLine, cells } : undefined;
  if (!quoted) {
    cells.push(cell);
    if (cells.some((c) => c !== '')) records.push({ line: recordLine, cells });
  }
  const [header, ...body] = records;
  if (!header) {
    return unclosed
      ? [
          {
            line: quoteLine,
            error: new ImportError(`${input}:${quoteLine}`, 'the header row has a quote that is never closed.'),
            fields: {},
          },
        ]
      : [];
  }
  const fieldsOf = (values: string[]) => {
    const fields: Record<string, unknown> = {};
    header.cells.forEach((name, i) => {
      const value = values[i];
      if (value !== undefined) fields[name.trim()] = value === 'true' ? true : value === 'false' ? false : value;
    });
    return fields;
  };
  const rows: (Row | BrokenRow)[] = body.map(({ line: at, cells: values }) =>
    values.length === header.cells.length
      ? { line: at, fields: fieldsOf(values) }
      : {
          line: at,
          error: new ImportError(
            `${input}:${at}`,
            `${values.length} fields where the header has ${header.cells.length}.`,
          ),
          fields: fieldsOf(values),
        },
  );
  if (unclosed) {
    rows.push({
      line: unclosed.line,
      error: new ImportError(
        `${input}:${quoteLine}`,
        'a quoted field is never closed, so this record and every line after it cannot be read: add the closing quote (").',
      ),
      fields: fieldsOf(unclosed.cells),
    });
  }
  return rows;
}
