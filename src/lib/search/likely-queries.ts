/**
 * The searches readers are likeliest to make, per language, for the build to make ready
 * (ready.ts): the site keeps no record of what readers search, so the archive stands in for it.
 * Readers of these remarks search for what the ministry talks about, the places, people and
 * organisations with a page (entities/), and for what journalists ask it about: the words and
 * two-word phrases the questions use most (trade war, climate change, 新冠肺炎) that name a
 * subject (`topicality`), not the words every question is made of (ask, after, 表示, 昨天). For the
 * build only (jieba).
 */
import type { Lang } from '../../schemas/transcript.ts';
import type { SearchRecord } from './records.ts';
import { fnv1a } from './ready.ts';
import { isStopWord } from './stop-words.ts';
import { wordsOf as englishWordsOf } from './vocabulary.ts';
import { taggedWordsOf } from './words.ts';
import { eng } from 'stopword';

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
  // How many times the sampled answers say each word and phrase, beside how many say it.
  const said = { words: { en: counter(), zh: counter() }, phrases: { en: counter(), zh: counter() } };
  const sampled = { en: 0, zh: 0 };
  const answers = { en: 0, zh: 0 };
  for (const { meta } of records) answers[meta.lang === 'zh' ? 'zh' : 'en']++;
  // Answers are read in an even sample: at ten times the archive, segmenting every Chinese answer
  // again took half a minute, and a word's share of answers is as well told by a few thousand.
  // Drawn by each answer's address, not its place in the archive: a day's new answers at the top
  // then leave the rest of the sample as it was, and with it the list and its files (deploys).
  const every = { en: Math.max(1, Math.ceil(answers.en / SAMPLE)), zh: Math.max(1, Math.ceil(answers.zh / SAMPLE)) };
  for (const { text, meta, url } of records) {
    const lang: Lang = meta.lang === 'zh' ? 'zh' : 'en';
    if (fnv1a(url) % every[lang] === 0) {
      count(text.answer, lang, answered, said);
      sampled[lang]++;
    }
    if (text.question) count(text.question, lang, asked);
  }
  // What journalists ask about and the answers speak of too ("your comment" is asked, not answered),
  // but not on every answer, where it would narrow nothing ("said", 表示), and as a subject is
  // spoken of, several times where it is spoken of at all (`topicality`), where the archive is
  // large enough to tell (`JUDGED`).
  const topical = (lang: Lang, kind: 'words' | 'phrases') => {
    const inAnswers = answered[kind][lang];
    return new Map(
      [...asked[kind][lang]].filter(([word, n]) => {
        const answering = inAnswers.get(word) ?? 0;
        const share = answering * every[lang];
        return (
          share >= n / 2 &&
          share <= answers[lang] * COMMON &&
          (sampled[lang] < JUDGED || topicality(said[kind][lang].get(word) ?? 0, answering, sampled[lang]) >= TOPICAL)
        );
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
/**
 * The least topicality of a likely query. On the shared corpus's answers, the words every
 * question is made of score 0.03–0.23 (mentioned, ask, after, know, 表示, 昨天, 进行, 情况) and
 * subjects 0.4–2.3 (sanctions, 制裁, Xinjiang, climate, 芬太尼, 香港).
 */
const TOPICAL = 0.3;

/**
 * The fewest sampled answers of a language for a word's topicality to be judged. In a new archive
 * of a few dozen answers every word is said in a few of them, and a subject said once in each (the
 * fixtures' Huawei, in two of fifteen) scores no more than a word of talk: there the grammar lists
 * alone turn words away. (A floor per word instead, of ten answers saying it, let through at 1×
 * the weakly asked words topicality had turned away: man, believed, china does.)
 */
const JUDGED = 100;

/**
 * Church and Gale's residual IDF, in bits: how much fewer answers say a word than would if its
 * `occurrences` fell on the `texts` at random (Poisson). A subject clusters: an answer about
 * climate says climate three times, and "after" is said once here and once there. Needs no list
 * of words, in either language.
 */
export function topicality(occurrences: number, saying: number, texts: number): number {
  if (saying === 0 || texts === 0) return 0;
  return Math.log2((texts * -Math.expm1(-occurrences / texts)) / saying);
}

type Counter = Map<string, number>;
const counter = (): Counter => new Map();

type Counters = { words: Record<Lang, Counter>; phrases: Record<Lang, Counter> };

/**
 * Counts the words of `text` and the pairs of them side by side, once each, into `into`, and each
 * time said into `times`.
 */
function count(text: string, lang: Lang, into: Counters, times?: Counters): void {
  // The words, and the pairs of them side by side (with a stop word between in English: belt
  // and road), none too small to search for nor a word of grammar (`grammatical`).
  const runs: { word: string; tag: string }[][] =
    lang === 'zh'
      ? (text.match(/\p{Script=Han}+/gu) ?? []).map((run) => taggedWordsOf(run))
      : [englishWordsOf(text).map((word) => ({ word, tag: '' }))];
  const searchable = ({ word, tag }: { word: string; tag: string }) =>
    lang === 'zh' ? [...word].length >= 2 && !GRAMMAR_TAGS.has(tag) : word.length >= 3 && !grammatical(word);
  const seen = new Set<string>();
  const pairs = new Set<string>();
  const pair = (phrase: string) => {
    pairs.add(phrase);
    bump(times?.phrases[lang], phrase);
  };
  for (const run of runs)
    run.forEach((token, i) => {
      if (!searchable(token)) return;
      const { word } = token;
      // A number's word is searched within a phrase (一带一路: 一带|一路), not alone.
      if (token.tag !== 'm') {
        seen.add(word);
        bump(times?.words[lang], word);
      }
      const next = run[i + 1];
      if (next && searchable(next)) pair(lang === 'zh' ? `${word}${next.word}` : `${word} ${next.word}`);
      const after = run[i + 2];
      if (lang === 'en' && next && isStopWord(next.word) && after && searchable(after))
        pair(`${word} ${next.word} ${after.word}`);
    });
  // Counted once a text: a word every question uses once is likelier searched than one a few repeat.
  for (const word of seen) bump(into.words[lang], word);
  for (const phrase of pairs) bump(into.phrases[lang], phrase);
}

/**
 * jieba's parts of speech that are grammar, not a subject: pronouns (什么, 他们), time words (昨天),
 * adverbs, prepositions, conjunctions, particles, measure words, interjections.
 */
const GRAMMAR_TAGS = new Set(['r', 't', 'd', 'p', 'c', 'u', 'q', 'e', 'y', 'o']);

/** An English word of grammar (they, his, than, both): the stopword package's list, and the search's own. */
const grammatical = (word: string): boolean => isStopWord(word) || ENGLISH_GRAMMAR.has(word);
const ENGLISH_GRAMMAR = new Set(eng);

function bump(counts: Counter | undefined, key: string): void {
  counts?.set(key, (counts.get(key) ?? 0) + 1);
}
