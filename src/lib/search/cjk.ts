/**
 * Chinese search by overlapping character bigrams. Pagefind's own Chinese word splitting differs
 * between the index and the browser (华为 becomes 华|为 on one side only), so neither side splits:
 * every run of Han characters is written as its overlapping pairs, in the index and in the query
 * alike. "华为公司" is indexed as "华为 为公 公司"; the query 华为 becomes the phrase "华为", and
 * 孟晚舟 the phrase "孟晚 晚舟", which only a text holding 孟晚舟 contains.
 *
 * This module is shared by the index build and the browser's search script.
 */
import { BASE_WEIGHT, weightMarkers, weightedBlock } from './pagefind/markup.ts';
import { isStopWord } from './stop-words.ts';

const hanRun = /\p{Script=Han}+/gu;

/** A run of Han characters as its overlapping bigrams; a single character stays itself. */
export function bigrams(run: string): string {
  const chars = [...run];
  if (chars.length < 2) return run;
  const pairs: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) pairs.push(chars[i]! + chars[i + 1]!);
  return pairs.join(' ');
}

/**
 * The separator of bigrams in indexed text: a thin space, which Pagefind splits words on like any
 * space but which the ministry's text never holds, so the text reads back exactly
 * (`fromBigramText`): the text a result quotes (records.ts, shownText) is word for word what the
 * index holds, as the tests check, and the index's positions fall on its words.
 */
const SEP = '\u2009';
const encodedRun = new RegExp(`${SEP}((?:\\p{Script=Han}{2}${SEP})+)`, 'gu');

/**
 * The weight Pagefind gives a bigram that crosses a word boundary (words.ts), against 1 for the
 * others: a quarter, so that it still matches (a phrase can span words: 中美|贸易) but counts
 * little in the score, and the browser can tell it apart (weight 6 of Pagefind's 24, CROSSING_WEIGHT).
 */
const CROSSING = 0.25;
/** A matched word weighing this or less in a result's locations is a bigram crossing a word boundary. */
export const CROSSING_WEIGHT = CROSSING * BASE_WEIGHT;

/** Text Pagefind indexes at `weight` times the usual weight (pagefind/markup.ts). */
export function weighted(text: string, weight: number): string {
  return weightedBlock(text, weight, SEP);
}
const marker = weightMarkers(SEP);

/** For each bigram of a Han run, whether it crosses a word boundary (words.ts, at build time only). */
export type Crossings = (run: string) => boolean[];

/**
 * Text with every Han run written as its bigrams (a lone character as itself), set off by thin
 * spaces: "2017年10月30日中午" → "2017 年 10 月 30 日中 中午". Given `crossings`, bigrams that cross
 * a word boundary are weighted down (CROSSING).
 */
export function toBigramText(text: string, crossings?: Crossings): string {
  return text.replaceAll(SEP, ' ').replace(hanRun, (run) => {
    const pairs = bigrams(run).split(' ');
    const crossing = crossings && pairs.length > 1 ? crossings(run) : [];
    let out = '';
    for (let i = 0; i < pairs.length;) {
      let end = i + 1;
      while (end < pairs.length && Boolean(crossing[end]) === Boolean(crossing[i])) end++;
      const group = pairs.slice(i, end).join(SEP);
      out += crossing[i] ? weighted(group, CROSSING) : `${SEP}${group}${SEP}`;
      i = end;
    }
    // Two separators where groups meet: one is enough, and `fromBigramText` reads runs by single ones.
    return out.replaceAll(SEP + SEP, SEP);
  });
}

const encodedSingle = new RegExp(`${SEP}(\\p{Script=Han})${SEP}`, 'gu');

/** The text `toBigramText` was given (thin spaces in it aside). */
export function fromBigramText(encoded: string): string {
  return encoded
    .replace(marker, SEP)
    .replace(/\u2009{2,}/g, SEP)
    .replace(encodedRun, (_, pairs: string) => {
      const tokens = pairs
        .split(SEP)
        .filter(Boolean)
        .map((pair) => [...pair]);
      return tokens.map((pair) => pair[0]).join('') + tokens.at(-1)![1]!;
    })
    .replace(encodedSingle, '$1')
    .replaceAll(SEP, '');
}

export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

/** The words of a piece of Chinese text as the index holds them: bigrams, lone characters, digits and Latin words. */
function hanWords(text: string): string[] {
  return toBigramText(text)
    .split(/[\s\p{P}\p{S}]+/u)
    .filter(Boolean);
}

/**
 * A reader's query as Pagefind should see it. Text with Chinese in it, typed without spaces (a
 * word, a name, a pasted fragment), is one exact phrase of its index words: 孟晚舟 → "孟晚 晚舟",
 * 2017年10月30 → "2017 年 10 月 30"; a single bigram (华为) is a word of its own. Several words are each their own phrase; quoted phrases
 * stay phrases; Latin words pass through, so English stemming and prefixes still work, less
 * stop words outside quotes (stop-words.ts).
 */
export function toPagefindQuery(query: string): string {
  const trimmed = query.trim();
  if (hasHan(trimmed) && !/[\s"]/.test(trimmed)) {
    const words = hanWords(trimmed);
    // One word, searched as a word so that Pagefind ranks its results (it scores every phrase
    // match alike); a lone character matches as the start of the bigrams that begin with it.
    return words.length === 1 ? words[0]! : `"${words.join(' ')}"`;
  }
  const parts: string[] = [];
  const stops: string[] = [];
  for (const match of trimmed.matchAll(/"([^"]*)"?|[^\s"]+/g)) {
    const text = match[1] ?? match[0];
    const quoted = match[1] !== undefined;
    if (!hasHan(text)) {
      if (!quoted && isStopWord(text)) stops.push(text);
      else if (text.trim()) parts.push(quoted ? `"${text.trim()}"` : text);
      continue;
    }
    const words = hanWords(text);
    if (words.length > 0) parts.push(words.length === 1 && !quoted ? words[0]! : `"${words.join(' ')}"`);
  }
  return (parts.length > 0 ? parts : stops).join(' ');
}

/**
 * Looser forms of a Chinese query, tried in turn while a search finds nothing. A pasted fragment
 * may start or end inside a number or a word ("…中午1" of "中午12时", "…建国70周" of "70周年"):
 * first the phrase less such ends; then its words without the phrase (punctuation inside the
 * fragment, "英国“海神之子”号船", can keep the phrase from matching word for word).
 */
export function looserQueries(query: string): string[] {
  const match = /^"(.*)"$/.exec(toPagefindQuery(query));
  if (!match) return [];
  const words = match[1]!.split(' ');
  const cut = (word: string) => !hasHan(word) || [...word].length === 1;
  const trimmed = [...words];
  while (trimmed.length > 1 && cut(trimmed.at(-1)!)) trimmed.pop();
  while (trimmed.length > 1 && cut(trimmed[0]!)) trimmed.shift();
  const looser = trimmed.length < words.length ? [`"${trimmed.join(' ')}"`] : [];
  return words.length > 1 ? [...looser, trimmed.join(' ')] : looser;
}

/** Letters a word being typed needs before its index chunks are fetched ahead (wordsToFetch). */
const TYPED_PREFIX = 4;

/**
 * The words of a query still being typed whose index chunks are worth fetching before the reader
 * asks. Pagefind matches a word's prefixes, so a word's first letters name every chunk of the
 * words they begin: fetching for each prefix of "win-win cooperation" ("c", "co", …) downloads
 * chunks its search never reads. So: the words finished (a space after them) of three letters or
 * more, and the word being typed once it has four, when its prefix names a chunk or two, most
 * often the one the whole word needs. Chinese comes whole out of the input method, but a lone
 * character is a prefix of the same kind.
 */
export function wordsToFetch(text: string): string {
  if (hasHan(text)) return /\p{Script=Han}{2}/u.test(text) ? text : '';
  const words = text.split(/\s+/);
  const typing = words.pop() ?? '';
  const ahead = words.filter((word) => word.length >= 3);
  if (typing.replace(/^"/, '').length >= TYPED_PREFIX) ahead.push(typing);
  return ahead.join(' ');
}
