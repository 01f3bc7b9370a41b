/**
 * The last of `count` items, sorted by where they start, that starts at or before `at`; 0 if none
 * does. Finds a record's fragment folder (page-id.ts), and a rank's month and place (segments.ts).
 */
export function lastAtOrBefore(count: number, startOf: (i: number) => number, at: number): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (startOf(middle) <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}
