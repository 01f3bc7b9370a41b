import { ImportError } from './draft.ts';
import type { Row } from './rows.ts';

/** Rows of a JSON Lines file; a line that is not a JSON object is an error naming its line. */
export function parseJsonl(text: string, input: string): (Row | ImportError)[] {
  const rows: (Row | ImportError)[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    try {
      const fields: unknown = JSON.parse(line);
      if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) throw new Error('not a JSON object');
      rows.push({ line: i + 1, fields: fields as Record<string, unknown> });
    } catch (error) {
      rows.push(
        new ImportError(
          `${input}:${i + 1}`,
          `not a JSON record (${(error as Error).message}); fix or remove the line.`,
        ),
      );
    }
  }
  return rows;
}

/**
 * Rows of a CSV file with a header row (RFC 4180: quoted fields may hold commas, quotes as "" and
 * line breaks). An unterminated quote is an error naming the line where its field starts.
 */
export function parseCsv(text: string, input: string): (Row | ImportError)[] {
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
  if (quoted)
    return [new ImportError(`${input}:${quoteLine}`, 'a quoted field is never closed: add the closing quote (").')];
  cells.push(cell);
  if (cells.some((c) => c !== '')) records.push({ line: recordLine, cells });
  const [header, ...body] = records;
  if (!header) return [];
  return body.map(({ line: at, cells: values }) => {
    if (values.length !== header.cells.length) {
      return new ImportError(`${input}:${at}`, `${values.length} fields where the header has ${header.cells.length}.`);
    }
    const fields: Record<string, unknown> = {};
    header.cells.forEach((name, i) => {
      const value = values[i]!;
      fields[name.trim()] = value === 'true' ? true : value === 'false' ? false : value;
    });
    return { line: at, fields };
  });
}
