/**
 * A result's excerpt: the window of `length` words of the answer where the matched words weigh
 * most, matched words marked, HTML escaped. Positions count words as the index does (split on
 * white space), so they come straight from a search result (pagefind/bundle.ts).
 *
 * Shared by the browser's search script and the tests.
 */
import { escapeHtml } from '../escape-html.ts';
import { CROSSING_WEIGHT, toBigramText } from './cjk.ts';

export function wordExcerpt(
  content: string,
  locations: { location: number; score: number }[],
  length = 30,
  ellipsis = '…',
): string {
  const words = content.split(/[^\S\uFEFF]+/);
  const start = densest(words.length, locations, length);
  const end = Math.min(words.length, start + length);
  const marked = new Set(locations.map(({ location }) => location));
  const shown = [];
  for (let i = start; i < end; i++) {
    const word = escapeHtml(words[i]!);
    shown.push(marked.has(i) ? `<mark>${word}</mark>` : word);
  }
  return `${start > 0 ? `${ellipsis} ` : ''}${shown.join(' ')}${end < words.length ? ` ${ellipsis}` : ''}`;
}

/** Where the window of `length` words with the highest total score starts (the middle of a tie). */
function densest(count: number, locations: { location: number; score: number }[], length: number): number {
  if (count <= length || locations.length === 0) return 0;
  const scores = new Array<number>(count).fill(0);
  for (const { location, score } of locations) if (location < count) scores[location]! += score;
  let sum = scores.slice(0, length).reduce((a, b) => a + b, 0);
  let best = sum;
  let bestAt = [0];
  for (let i = 1; i + length <= count; i++) {
    sum += scores[i + length - 1]! - scores[i - 1]!;
    if (sum > best) {
      best = sum;
      bestAt = [i];
    } else if (sum === best && bestAt.at(-1) === i - 1) bestAt.push(i);
  }
  return bestAt[Math.floor(bestAt.length / 2)]!;
}

/**
 * An excerpt of Chinese text around the first term found, every term marked. The marks are placed
 * on the text itself and the pieces escaped afterwards: marking escaped text, then marking again
 * for the next term, would cut into the first mark's own tags (`华为 a` gave `<m<mark>a</mark>rk>`).
 */
export function hanExcerpt(text: string, terms: string[], width = 120, from = 0): string {
  const wanted = [...new Set(terms.filter((term) => term !== ''))].sort((a, b) => b.length - a.length);
  const found = wanted.map((term) => text.indexOf(term, from)).filter((at) => at >= 0);
  const start = Math.max(0, (found.length > 0 ? Math.min(...found) : 0) - 40);
  const slice = text.slice(start, start + width);
  let html = '';
  let plain = '';
  for (let at = 0; at < slice.length;) {
    const term = wanted.find((candidate) => slice.startsWith(candidate, at));
    if (term) {
      html += `${escapeHtml(plain)}<mark>${escapeHtml(term)}</mark>`;
      plain = '';
      at += term.length;
    } else {
      plain += slice.charAt(at);
      at++;
    }
  }
  html += escapeHtml(plain);
  return `${start > 0 ? '…' : ''}${html}${start + width < text.length ? '…' : ''}`;
}

/**
 * The index's words of the text's beginning, through word `last` at least (or all of them): the
 * bigrams of a growing prefix rather than of the whole answer, for a search page that places ten
 * results at once. A prefix cut inside a Han run loses only its last bigram, so it is cut longer
 * until a word beyond `last` is there.
 */
function wordsThrough(text: string, last: number): string[] {
  for (let length = 512; ; length *= 2) {
    const words = toBigramText(text.slice(0, length)).split(/\s+/).filter(Boolean);
    if (length >= text.length || words.length > last + 1) return words;
  }
}

/**
 * Where in a Chinese text to look for the terms to quote: at its first match in whole words, if
 * the first match crosses a word boundary (华为 in 访华为标志, located by the index: cjk.ts).
 * Locations count the index's words (bigrams, characters, Latin words), which are mapped back to
 * the text.
 */
export function wholeWordStart(text: string, locations: { location: number; weight: number }[]): number {
  const first = locations
    .filter(({ weight }) => weight > CROSSING_WEIGHT)
    .reduce((least, { location }) => Math.min(least, location), Infinity);
  if (!Number.isFinite(first)) return 0;
  let cursor = 0;
  const words = wordsThrough(text, first);
  for (let i = 0; i < words.length && i <= first; i++) {
    const at = text.indexOf(words[i]!, cursor);
    if (at < 0) return 0;
    if (i === first) return at;
    // Bigrams overlap: the next one starts a character on.
    cursor = at + (/^\p{Script=Han}{2}$/u.test(words[i]!) ? 1 : words[i]!.length);
  }
  return 0;
}
