/**
 * CSV as RFC 4180 writes it: every field quoted, quotes doubled, CRLF between rows, so that a
 * newline inside an answer stays inside its field in every reader (Excel, pandas, R).
 */
export type Cell = string | number | null | readonly string[];

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
      return quote(typeof value === 'object' ? value.join(joiner(column)) : String(value));
    })
    .join(',')}\r\n`;
}

/** The header line: the columns' names. */
export function csvHeader(columns: readonly string[]): string {
  return csvLine(columns, Object.fromEntries(columns.map((column) => [column, column])));
}
