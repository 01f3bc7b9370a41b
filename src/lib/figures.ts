/**
 * A count with its thousands grouped as English writes them: 12,432. Not `Intl.NumberFormat` or
 * `toLocaleString`: the first of those a page calls loads the browser's locale data, 45 to 80 ms
 * on a desktop and four times that on a phone, which the search page paid before its first
 * results (bench/results/search.md).
 */
export function figure(count: number): string {
  const [whole = '0', fraction] = String(count).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
