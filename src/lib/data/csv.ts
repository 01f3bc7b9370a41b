/**
 * CSV as RFC 4180 writes it: every field quoted, quotes doubled, CRLF between rows, so that a
 * newline inside an answer stays inside its field in every reader (Excel, pandas, R).
 */
export type Cell = string | number | null | readonly string[];

/**
 * A cell a spreadsheet would run as a formula (it opens with =, +, -, @, a tab or a carriage
 * return: `=HYPERLINK("http://evil.example","x")`) is written after a single quote, as OWASP
 * recommends for CSV injection: spreadsheets then show it as text. The JSON Lines keep the text
 * exactly; /data/ says so.
 */
export function neutralised(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One line of CSV (with its CRLF); a list is joined with `joiner(column)`. */
export function csvLine(
  columns: readonly string[],
  row: Readonly<Record<string, Cell>>,
  joiner: (column: string) => string = () => '; ',
): string {
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
  return `${columns
    .map((column) => {
      const value = row[column];
      if (value === null || value === undefined) return '';
      if (typeof value === 'number') return quote(String(value));
      return quote(neutralised(typeof value === 'object' ? value.join(joiner(column)) : value));
    })
    .join(',')}\r\n`;
}

/** The header line: the columns' names. */
export function csvHeader(columns: readonly string[]): string {
  return csvLine(columns, Object.fromEntries(columns.map((column) => [column, column])));
}
