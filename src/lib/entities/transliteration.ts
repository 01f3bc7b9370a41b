import type { AlignedDocs } from './discover.ts';
import type { EntityKind } from './entity.ts';
import { gluedToGuess } from './glued.ts';
import { readingsOf } from './readings.ts';

/**
 * Foreign names as Chinese writes them: a transliteration renders a name's sounds, syllable by
 * syllable (Macron: 马克龙, ma-ke-long; Mnangagwa: 姆南加古瓦; Feltman: 费尔特曼, where 尔 is the l),
 * so its consonants, read in pinyin, follow the English name's. Each is reduced to a key of
 * consonant classes (the lips, the tongue's tip, the throat, the hissing sounds, l and r, m, n;
 * vowels, h, w and y left out, a class said twice in a row said once): "Feltman" and 费尔特曼 are
 * both FLTMN. Pinyin's j and q render a g or k as often as a j or ch (加 ga, 基 ki; 乔 Geo-rge),
 * so they match either. Two names whose keys agree, in an aligned pair of answers that names the person in
 * English, are one person's; find.ts decides when that is evidence enough.
 */

/** Pinyin initials, longest first, and their class; zero initials and h, w, y have none. */
const initials: [string, string][] = [
  ['zh', 'S'],
  ['ch', 'S'],
  ['sh', 'S'],
  ['j', 'J'],
  ['q', 'J'],
  ['x', 'S'],
  ['s', 'S'],
  ['c', 'S'],
  ['z', 'S'],
  ['b', 'P'],
  ['p', 'P'],
  ['d', 'T'],
  ['t', 'T'],
  ['g', 'K'],
  ['k', 'K'],
  ['f', 'F'],
  ['l', 'L'],
  ['r', 'L'],
  ['m', 'M'],
  ['n', 'N'],
];

/** A character's first reading: transliterations use the common one (特 te, 尔 er, 斯 si). */
function reading(char: string): string {
  return readingsOf(char)[0] ?? '';
}

/** A Chinese name's key: each syllable's initial, er as l (尔), a final n or ng as n (曼 man: MN). */
export function chineseKey(name: string): string {
  let key = '';
  for (const char of name) {
    const syllable = reading(char);
    if (syllable === '') continue;
    if (syllable === 'er') {
      key += 'L';
      continue;
    }
    key += initials.find(([initial]) => syllable.startsWith(initial))?.[1] ?? '';
    if (/ng?$/u.test(syllable) && !/^ng?$/u.test(syllable)) key += 'N';
  }
  // A j or q beside the class it renders is that class said twice (加古, ga-gu: K).
  return collapse(key.replace(/J(?=[KS])|(?<=[KS])J/gu, ''));
}

/** An English name's key, its letters read as English spells sounds (ph f, ch and sh one hiss, c and g soft before e, i, y). */
export function englishKey(name: string): string {
  const letters = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/ph/g, 'f')
    .replace(/t?ch|sh/g, 's')
    .replace(/th/g, 't')
    .replace(/ck/g, 'k')
    .replace(/gh/g, '')
    .replace(/x/g, 'ks')
    .replace(/[cg](?=[eiy])/g, 's');
  let key = '';
  for (const letter of letters) key += letterClass[letter] ?? '';
  return collapse(key);
}

const letterClass: Record<string, string> = {
  b: 'P',
  p: 'P',
  d: 'T',
  t: 'T',
  g: 'K',
  k: 'K',
  c: 'K',
  q: 'K',
  f: 'F',
  v: 'F',
  j: 'S',
  s: 'S',
  z: 'S',
  l: 'L',
  r: 'L',
  m: 'M',
  n: 'N',
};

function collapse(key: string): string {
  return key.replace(/(.)\1+/gu, '$1');
}

/**
 * How far a Chinese name's key is from the English name's last word: 0 when they agree, 1 when
 * one class is added, dropped or changed in keys of four or more (Bolsonaro PLSNL, 博索纳罗 PSNL),
 * else undefined; or 0 where it agrees with all the name's words. Keys of fewer than three
 * classes say too little (李, Li; 安, Ann) and never match.
 */
export function keyDistance(chinese: string, english: string): number | undefined {
  const key = chineseKey(chinese);
  if (key.length < 3) return undefined;
  const words = english.split(/[\s-]+/u).filter(Boolean);
  const last = englishKey(words.at(-1) ?? '');
  const distance = last.length >= 3 ? editDistance(key, last) : Infinity;
  if (distance === 0 || (distance === 1 && Math.min(key.length, last.length) >= 4)) return distance;
  // The whole name, as some transliterate it (勒德里昂, Le Drian), only where it agrees exactly.
  return words.length > 1 && editDistance(key, englishKey(words.join(''))) === 0 ? 0 : undefined;
}

/** How many of a name's classes are pinyin's j or q, which render two. */
function ambiguity(chinese: string): number {
  return chineseKey(chinese).split('J').length - 1;
}

/** Two classes that render each other: equal, or pinyin's j and q against a throat or a hiss. */
function same(a: string, b: string): boolean {
  return a === b || (a === 'J' && (b === 'K' || b === 'S')) || (b === 'J' && (a === 'K' || a === 'S'));
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (same(a[i - 1]!, b[j - 1]!) ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length]!;
}

/** A Chinese name found to render an English-named person's, and in how many aligned pairs. */
export interface Transliterated {
  entity: string;
  zh: string;
  pairs: number;
  /** Whether its key and the English name's agree exactly in at least one of them. */
  exact: boolean;
}

/**
 * For each person `people` finds named in an English answer, the Chinese candidate of the
 * aligned answer (`candidatesOf`, candidates.ts: jieba's names and unknown words, a cut-up name whole) whose key
 * is nearest the English name's, a word jieba glued to it taken off (以博索纳罗); `rejects` a
 * candidate that cannot be a person (a place's name inside it), `held` says whether a person has
 * it already.
 * Per person, the Chinese name found in the most pairs.
 */
export function transliteratedNames(
  texts: ReadonlyMap<string, string>,
  aligned: readonly AlignedDocs[],
  candidatesOf: (key: string) => ReadonlyMap<string, EntityKind | undefined>,
  people: (english: string, chinese: string) => { entity: string; name: string }[],
  rejects: (candidate: string) => boolean,
  held: (candidate: string) => boolean,
): Transliterated[] {
  // Of two as near: one a person holds already (马蒂斯), then the surer key (姆南加古瓦's 古 a g, where
  // 加 alone could be a j), then the shorter (葛罗米柯, not 安德烈·葛罗米柯).
  const closer = (a: string, b: string) =>
    held(a) !== held(b) ? held(a) : ambiguity(a) !== ambiguity(b) ? ambiguity(a) < ambiguity(b) : a.length < b.length;
  const found = new Map<string, Map<string, { pairs: number; exact: boolean }>>();
  for (const { en, zh } of aligned) {
    const english = texts.get(en);
    const chinese = texts.get(zh);
    if (!english || !chinese) continue;
    const named = people(english, chinese);
    if (named.length === 0) continue;
    // Two characters are a name where jieba knows it as one (伦古 aside, 中称 and 共克 are not).
    const candidates = [
      ...new Set(
        [...candidatesOf(zh)]
          .filter(([name, kind]) => kind === 'person' || (kind === undefined && name.length > 2))
          .map(([name]) => name.replace(gluedToGuess, ''))
          .filter((name) => name.length >= 2 && !rejects(name)),
      ),
    ];
    for (const { entity, name } of named) {
      let best: { zh: string; distance: number } | undefined;
      for (const candidate of candidates) {
        const distance = keyDistance(candidate, name);
        if (distance === undefined) continue;
        if (!best || distance < best.distance || (distance === best.distance && closer(candidate, best.zh)))
          best = { zh: candidate, distance };
      }
      if (!best) continue;
      const counts = found.get(entity) ?? new Map<string, { pairs: number; exact: boolean }>();
      found.set(entity, counts);
      const count = counts.get(best.zh) ?? { pairs: 0, exact: false };
      count.pairs++;
      count.exact ||= best.distance === 0;
      counts.set(best.zh, count);
    }
  }
  return [...found].flatMap(([entity, counts]) => {
    const [zh, { pairs, exact }] = [...counts].sort(
      ([a, x], [b, y]) => y.pairs - x.pairs || a.length - b.length || (a < b ? -1 : a > b ? 1 : 0),
    )[0]!;
    return [{ entity, zh, pairs, exact }];
  });
}
