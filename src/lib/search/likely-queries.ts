/**
 * The searches readers are likeliest to make, per language, for the build to make ready
 * (ready.ts): the site keeps no record of what readers search, so the archive stands in for it.
 * Readers of these remarks search for what the ministry talks about, the places, people and
 * organisations with a page (entities/), and for what journalists ask it about: the words and
 * two-word phrases the questions use most (trade war, climate change, 新冠肺炎). For the build
 * only (jieba).
 */
import type { Lang } from '../../schemas/transcript.ts';
import type { SearchRecord } from './records.ts';
import { fnv1a } from './ready.ts';
import { isStopWord } from './stop-words.ts';
import { wordsOf as englishWordsOf } from './vocabulary.ts';
import { wordsOf as chineseWordsOf } from './words.ts';

export interface LikelyLimits {
  /** The most named entities' names, per language. */
  names: number;
  /** The words the questions use most, per language. */
  words: number;
  /** The two-word phrases the questions use most, per language. */
  phrases: number;
}

export const LIKELY_LIMITS: LikelyLimits = { names: 300, words: 400, phrases: 200 };

/**
 * `names`: the names of the entities with a page, per language, most named first. Returns each
 * language's queries, names first, each once, as a reader would type them.
 */
export function likelyQueries(
  records: readonly SearchRecord[],
  names: Record<Lang, readonly string[]>,
  limits: LikelyLimits = LIKELY_LIMITS,
): Record<Lang, string[]> {
  const asked = { words: { en: counter(), zh: counter() }, phrases: { en: counter(), zh: counter() } };
  const answered = { words: { en: counter(), zh: counter() }, phrases: { en: counter(), zh: counter() } };
  const answers = { en: 0, zh: 0 };
  for (const { meta } of records) answers[meta.lang === 'zh' ? 'zh' : 'en']++;
  // Answers are read in an even sample: at ten times the archive, segmenting every Chinese answer
  // again took half a minute, and a word's share of answers is as well told by a few thousand.
  // Drawn by each answer's address, not its place in the archive: a day's new answers at the top
  // then leave the rest of the sample as it was, and with it the list and its files (deploys).
  const every = { en: Math.max(1, Math.ceil(answers.en / SAMPLE)), zh: Math.max(1, Math.ceil(answers.zh / SAMPLE)) };
  for (const { text, meta, url } of records) {
    const lang: Lang = meta.lang === 'zh' ? 'zh' : 'en';
    if (fnv1a(url) % every[lang] === 0) count(text.answer, lang, answered);
    if (text.question) count(text.question, lang, asked);
  }
  // What journalists ask about and the answers speak of too ("your comment" is asked, not answered),
  // but not on every answer, where it would narrow nothing ("said", 表示).
  const topical = (lang: Lang, kind: 'words' | 'phrases') => {
    const inAnswers = answered[kind][lang];
    return new Map(
      [...asked[kind][lang]].filter(([word, n]) => {
        const said = (inAnswers.get(word) ?? 0) * every[lang];
        return said >= n / 2 && said <= answers[lang] * COMMON;
      }),
    );
  };
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, n)
      .map(([word]) => word);
  const once = (queries: string[]) => {
    const seen = new Set<string>();
    return queries.filter((query) => {
      const key = query.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
  const queries = (lang: Lang) =>
    once([
      ...names[lang].slice(0, limits.names),
      ...top(topical(lang, 'words'), limits.words),
      ...top(topical(lang, 'phrases'), limits.phrases),
    ]);
  return { en: queries('en'), zh: queries('zh') };
}

/** Words on more than this share of a language's answers narrow nothing. */
const COMMON = 0.2;
/** How many of a language's answers are read for the words they speak of, at most. */
const SAMPLE = 4000;

type Counter = Map<string, number>;
const counter = (): Counter => new Map();

/** Counts the words of `text` and the pairs of them side by side, once each, into `into`. */
function count(text: string, lang: Lang, into: { words: Record<Lang, Counter>; phrases: Record<Lang, Counter> }): void {
  {
    // The words, and the pairs of them side by side (with a stop word between in English: belt
    // and road), none too small to search for.
    const runs =
      lang === 'zh'
        ? (text.match(/\p{Script=Han}+/gu) ?? []).map((run) => chineseWordsOf(run))
        : [englishWordsOf(text)];
    const searchable = (word: string) =>
      lang === 'zh' ? [...word].length >= 2 : word.length >= 3 && !isStopWord(word);
    const seen = new Set<string>();
    const pairs = new Set<string>();
    for (const run of runs)
      run.forEach((word, i) => {
        if (!searchable(word)) return;
        seen.add(word);
        const next = run[i + 1];
        if (next && searchable(next)) pairs.add(lang === 'zh' ? `${word}${next}` : `${word} ${next}`);
        const after = run[i + 2];
        if (lang === 'en' && next && isStopWord(next) && after && searchable(after))
          pairs.add(`${word} ${next} ${after}`);
      });
    // Counted once a text: a word every question uses once is likelier searched than one a few repeat.
    for (const word of seen) into.words[lang].set(word, (into.words[lang].get(word) ?? 0) + 1);
    for (const pair of pairs) into.phrases[lang].set(pair, (into.phrases[lang].get(pair) ?? 0) + 1);
  }
}
