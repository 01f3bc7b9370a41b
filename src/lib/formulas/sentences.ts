import type { Lang } from '../../schemas/transcript.ts';
import { englishMonths } from '../transcript/months.ts';

/**
 * The units the tracer follows through the archive: an answer's sentences, and for Chinese the
 * clauses of a long sentence (a Chinese answer often runs one sentence of five clauses, each a
 * formula of its own: 我们敦促美方…，停止…，以免…). Each keeps its place in the text it came from,
 * so that a page can mark it where it stands.
 */
export interface Sentence {
  /** Offsets in the text it was read from, `text.slice(start, end)` being the sentence as written. */
  start: number;
  end: number;
  /** What two sentences share when they are the same after spacing, punctuation, case and width. */
  key: string;
  /** Tokens for comparing near-exact sentences: English words, Chinese characters; digits as one "0". */
  tokens: string[];
}

/** Shorter sentences ("Yes.", "Thank you.", 谢谢。) are said by everyone: the tracer leaves them out. */
export const MIN_TOKENS: Record<Lang, number> = { en: 5, zh: 8 };

/** Chinese sentences longer than this are followed clause by clause; clauses shorter than the minimum join the next. */
const LONG_ZH = 40;
const MIN_CLAUSE = 10;

// A sentence ends at a full stop, question or exclamation mark (and for Chinese a semicolon),
// with any closing quotes or brackets after it.
const END_ZH = /[。！？；!?;…]+[”’」』）)]*/gu;
const END_EN = /[.!?]+["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\d]|\s*$)/gu;

// A full stop after these is not the end of a sentence ("Mr. Pompeo", "the U.S. side", "No. 1").
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'no',
  'nos',
  'vs',
  'etc',
  'jr',
  'sr',
  'gen',
  'sen',
  'rep',
  'prof',
  'gov',
  'lt',
  'col',
  'capt',
  'amb',
  'inc',
  'ltd',
  'co',
  'corp',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'e.g',
  'i.e',
  'u.s',
  'u.k',
  'u.n',
  'p.m',
  'a.m',
  'u.s.a',
]);

/** The sentences of a text, paragraph by paragraph; a sentence never spans two lines. */
export function sentencesOf(text: string, lang: Lang): Sentence[] {
  const sentences: Sentence[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    for (const [start, end] of lang === 'zh' ? zhUnits(line) : enUnits(line)) {
      const trimmed = trim(line, start, end);
      if (!trimmed) continue;
      const written = line.slice(trimmed[0], trimmed[1]);
      if (tokensOf(written, lang).length === 0) continue;
      const core = withoutLeadIn(written, lang);
      sentences.push({
        start: lineStart + trimmed[0],
        end: lineStart + trimmed[1],
        key: keyOf(core, lang),
        tokens: tokensOf(core, lang),
      });
    }
    lineStart += line.length + 1;
  }
  return sentences;
}

/**
 * How a spokesperson leads into a sentence they have said before: "On your second question,",
 * "As I just said,", "I want to stress once again that", 关于第一个问题，, 我愿重申，, 第三，. The
 * lead-in is not the formula: a sentence is keyed and compared without it (and marked whole).
 */
const LEAD_INS: Record<Lang, RegExp> = {
  en: new RegExp(
    '^(?:' +
      [
        "(?:and|but|so|also|again|however|meanwhile|moreover|besides|therefore|first|second|third|fourth|fifth|finally|lastly|naturally|obviously|clearly|indeed|actually|in fact|of course|in addition|what's more|as such|here|now|in the meantime|at the same time|that said)\\b,?",
        '(?:on|regarding|as to|as for|with regard to|concerning|about|to answer) (?:your|the|this) (?:first|second|third|fourth|fifth|last|latter|former|other|next|follow-up|last) question,?',
        '(?:as|like) (?:i|we) (?:just |have |already |had )*(?:said|mentioned|stressed|noted|pointed out|stated|said before)(?: (?:just now|earlier|before|yesterday|last week|many times|repeatedly|on many occasions))?,?',
        '(?:i|we|china) (?:have |has )?(?:said|stressed|stated|reiterated) (?:many times|repeatedly|more than once|on many occasions)(?: that)?,?',
        "(?:i|we) (?:want|would like|'d like|wish|have|must|shall|need|should) to (?:stress|emphasize|point out|reiterate|add|say|make it clear)(?: (?:once )?again)?(?: here)?(?: that)?,?",
        '(?:i|we) (?:must|should|shall|have to|would) (?:stress|emphasize|point out|reiterate)(?: (?:once )?again)?(?: that)?,?',
        '(?:it|this) (?:must|should|needs to|has to) be (?:stressed|pointed out|noted|emphasized|highlighted)(?: that)?,?',
        '(?:i|we) (?:reiterate|stress|emphasize)(?: (?:once )?again)?(?: that)?,?',
        'what i (?:can|want to|would like to) (?:tell you|say|stress) is(?: that)?,?',
        'i can tell you(?: that)?,?',
        '(?:last|this|next) (?:week|month|year),',
        'on [a-z]+ \\d{1,2}(?:, \\d{4})?,',
      ].join('|') +
      ')\\s+',
    'i',
  ),
  zh: new RegExp(
    '^(?:' +
      [
        '(?:首先|其次|再次|最后|另外|此外|同时|当然|其实|事实上|总之|可见|因此|所以|但是?|而且)[，、：]?',
        // An enumeration ("第三，", "二、") only with its comma: 三国, 一带一路 are words.
        '(?:第[一二三四五六七八九十]|[一二三四五六七八九十])[，、：]',
        '(?:关于|至于|对于)你?(?:的|提到的|提的|刚才提到的|所说的)?第[一二三四五]个问题[，：]',
        '(?:关于|至于|对于)你(?:提到|关心|所说|刚才提到)的[^，。]{0,10}，',
        '(?:我|我们)?(?:想|愿|要|愿意)?(?:再次|再)?(?:重申|强调|指出|说明)(?:的是)?[，：]',
        '(?:需要|必须|我要|我想)(?:指出|强调|说明|重申)(?:的是)?[，：]',
        '(?:我们|中方|我)(?:多次|一再|反复|已经|此前|曾)(?:强调|表示|说过|指出|讲过)(?:过)?[，：]',
        '正如(?:我|我们)?(?:刚才|此前|多次|以前|前面)?(?:所说|说过|讲过|表示)(?:的那样|的)?[，：]',
        '[^，。；！？]{1,5}，',
      ].join('|') +
      ')',
  ),
};

/** A sentence without the lead-in it opens with, where what is left is long enough to follow. */
export function withoutLeadIn(text: string, lang: Lang): string {
  let core = text;
  for (let i = 0; i < 3; i++) {
    const match = LEAD_INS[lang].exec(core);
    if (!match || match[0].length === 0) break;
    const rest = core.slice(match[0].length);
    if (tokensOf(rest, lang).length < MIN_TOKENS[lang]) break;
    core = rest;
  }
  return core;
}

/** Whether the tracer follows a sentence: long enough not to be said by everyone. */
export function traceable(sentence: Sentence, lang: Lang): boolean {
  return sentence.tokens.length >= MIN_TOKENS[lang];
}

/** The form two sentences share when they differ only in spacing, punctuation, case or width (Ａ/A, ，/,). */
export function keyOf(text: string, lang: Lang): string {
  return wordsOf(text.normalize('NFKC').toLowerCase()).join(lang === 'zh' ? '' : ' ');
}

/**
 * Words (English) or characters (Chinese, with Latin words and numbers kept whole). A date is
 * what changes most between two uses of a formula ("will be resumed on October 8 (Monday)"), so
 * any number is "0", and English months and weekdays are one word each.
 */
export function tokensOf(text: string, lang: Lang): string[] {
  const tokens: string[] = [];
  for (const word of wordsOf(text.normalize('NFKC').toLowerCase(), lang === 'en')) {
    if (lang === 'zh' && hasHan(word)) {
      // A run of Han characters is a token per character; a Latin word or number inside it is one.
      for (const part of word.match(HAN_OR_WORD) ?? []) tokens.push(DIGITS.test(part) ? '0' : part);
    } else if (DIGITS.test(word)) tokens.push('0');
    else if (lang === 'en' && MONTHS.has(word)) tokens.push('month');
    else if (lang === 'en' && DAYS.has(word)) tokens.push('day');
    else tokens.push(word);
  }
  return tokens;
}

const HAN_OR_WORD = /\p{Script=Han}|[^\p{Script=Han}]+/gu;
const DIGITS = /^\p{N}+$/u;
const WORD = /[\p{L}\p{N}]+/gu;
const WORD_WITH_APOSTROPHE = /[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu;

/** Runs of letters and digits of a normalised text (English keeps "don't" and "China's" whole). */
function wordsOf(normal: string, apostrophes = false): string[] {
  return normal.match(apostrophes ? WORD_WITH_APOSTROPHE : WORD) ?? [];
}

function hasHan(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if ((code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xd840 && code <= 0xd87f))
      return true;
  }
  return false;
}

// "May" is left out: as a word it is far more often "we may" than the month.
const MONTHS: ReadonlySet<string> = new Set(englishMonths.filter((month) => month !== 'may'));
const DAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

function zhUnits(line: string): [number, number][] {
  const units: [number, number][] = [];
  let start = 0;
  for (const match of line.matchAll(END_ZH)) {
    const end = match.index + match[0].length;
    units.push(...clauses(line, start, end));
    start = end;
  }
  if (start < line.length) units.push(...clauses(line, start, line.length));
  return units;
}

/** A long Chinese sentence as its clauses (at ，：), each at least MIN_CLAUSE characters long. */
function clauses(line: string, start: number, end: number): [number, number][] {
  if (end - start <= LONG_ZH) return [[start, end]];
  const cuts: number[] = [];
  for (let i = start; i < end - 1; i++) {
    // A clause ends at a comma or colon, not inside a number ("10:00", "1,000").
    const between = /\d/.test(line[i - 1] ?? '') && /\d/.test(line[i + 1] ?? '');
    if (/[，,：:]/u.test(line[i]!) && !between) cuts.push(i + 1);
  }
  const units: [number, number][] = [];
  let from = start;
  for (const cut of cuts) {
    if (cut - from >= MIN_CLAUSE && end - cut >= MIN_CLAUSE) {
      units.push([from, cut]);
      from = cut;
    }
  }
  units.push([from, end]);
  return units;
}

function enUnits(line: string): [number, number][] {
  const units: [number, number][] = [];
  let start = 0;
  for (const match of line.matchAll(END_EN)) {
    const end = match.index + match[0].length;
    if (match[0].startsWith('.') && abbreviated(line.slice(start, match.index))) continue;
    units.push([start, end]);
    start = end;
  }
  if (start < line.length) units.push([start, line.length]);
  return units;
}

/** Whether the word before a full stop is an abbreviation or an initial ("J. Smith"). */
function abbreviated(before: string): boolean {
  const word = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase();
  if (!word) return false;
  return ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word);
}

function trim(line: string, start: number, end: number): [number, number] | undefined {
  while (start < end && /\s/u.test(line[start]!)) start++;
  while (end > start && /\s/u.test(line[end - 1]!)) end--;
  return start < end ? [start, end] : undefined;
}
