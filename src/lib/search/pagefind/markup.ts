/**
 * What Pagefind reads in the text it indexes besides the words: blocks weighted above or below
 * the rest, through in-text markers that take no word position (so locations and excerpts are
 * unchanged). The markers are Pagefind's (its `fossick` parser), not documented for custom
 * records: README.md lists them among what an upgrade must check.
 */

/** Pagefind's scale: a word of weight 1 is stored as 24 in a result's locations. */
export const BASE_WEIGHT = 24;

/** `text` weighted `weight` times the usual, its markers set off by `separator` (blocks nest). */
export function weightedBlock(text: string, weight: number, separator: string): string {
  return `${separator}___PAGEFIND_WEIGHT___${weight}${separator}${text}${separator}___END_PAGEFIND_WEIGHT___${separator}`;
}

/** The markers `weightedBlock` writes with `separator`, to find and remove them. */
export function weightMarkers(separator: string): RegExp {
  return new RegExp(`${separator}?___(?:END_)?PAGEFIND_WEIGHT___[\\d.]*${separator}?`, 'g');
}
