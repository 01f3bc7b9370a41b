import { taggedWordsOf } from '../search/words.ts';
import type { EntityKind } from './entity.ts';

/**
 * What might be a name, before the two languages say which are: in Chinese, the words jieba tags
 * as a person (nr, and nrt/nrfg for transliterated and full names), a place (ns) or an
 * organisation (nt); in English, runs of capitalised words and every shorter run within them that
 * starts and ends with one ("UN Security Council" gives "UN", "Security Council", ...). Both
 * libraries over-tag (jieba: 公正 as a person; English: every sentence's first word): discovery
 * keeps only names the aligned translations confirm (discover.ts).
 */

const chineseKinds: Record<string, EntityKind> = {
  nr: 'person',
  nrt: 'person',
  nrfg: 'person',
  ns: 'place',
  nt: 'organisation',
};

/**
 * A preposition, a visit or a posting jieba glued to one character of a name or a country
 * (习近平主席同|文在寅 cut 同文|在|寅; 访韩; 驻澳|大使): no name, whatever the translations pair it
 * with (同文 with Moon).
 */
export const gluedWord = /^(?:同|与|和|向|对|访|驻)\p{Script=Han}$/u;

/** What jieba tags a word that is also a given name (英文/nz, 国强/a): none a title, a verb or a word of grammar. */
const givenTags = new Set(['nz', 'a', 'an', 'ng', 'b', 'j']);

/**
 * Chinese names jieba tags, each with the kind its tag says. jieba's dictionary lacks most
 * transliterated names and cuts them in pieces (杜特|尔特, 马克|龙, 纳|瓦罗), so a run of adjacent
 * pieces, each tagged a name (or unknown, x) or a single character, is a candidate whole and in
 * its parts: the translations tell which of 马克 and 马克龙 is Macron (discover.ts).
 */
export function chineseCandidates(text: string): Map<string, EntityKind | undefined> {
  const found = new Map<string, EntityKind | undefined>();
  const words = taggedWordsOf(text);
  const piece = (i: number) => {
    const { word, tag } = words[i]!;
    if (!/^\p{Script=Han}+$/u.test(word)) return false;
    return (
      tag in chineseKinds ||
      tag === 'x' ||
      tag === 'j' ||
      // 副 (vice-) begins the title after a name (胡春华副总理), never ends the name.
      (word.length === 1 && word !== '副' && !/^(?:c|p|u.*|d|r|m|q|f|y|e|o|zg)$/.test(tag))
    );
  };
  // A transliterated name's parts are joined by a middle dot (伊姆兰·汗, 穆罕默德·贾瓦德·扎里夫): the
  // word after one is a piece whatever jieba tags it (汗 as zg, 扎 as a verb).
  const dot = (i: number) => /^[·•・]$/u.test(words[i]?.word ?? '');
  const han = (i: number) => /^\p{Script=Han}+$/u.test(words[i]?.word ?? '');
  // A surname jieba tags alone, then a given name that is a word of its own (蔡|英文, nz): the pair
  // is a candidate, as the pieces of a transliteration are.
  const givenAfter = (i: number) =>
    words[i]!.tag === 'nr' &&
    [...words[i]!.word].length === 1 &&
    /^\p{Script=Han}{1,2}$/u.test(words[i + 1]?.word ?? '') &&
    givenTags.has(words[i + 1]!.tag);
  // An organisation jieba knows whole (中国外交部) is a candidate alone, never a piece of a cut-up name.
  const whole = (i: number) => words[i]!.tag === 'nt';
  for (let from = 0; from < words.length; from++) {
    if (!piece(from)) continue;
    let to = from;
    let pieces = 1;
    let dotted = false;
    while (!whole(from) && to + 1 < words.length) {
      if (dot(to + 1) && han(to + 2) && !whole(to + 2) && pieces < 8) {
        to += 2;
        pieces++;
        dotted = true;
      } else if ((piece(to + 1) || givenAfter(to)) && !whole(to + 1) && pieces < (dotted ? 8 : 4)) {
        to++;
        pieces++;
      } else break;
    }
    for (let a = from; a <= to; a++) {
      if (dot(a)) continue;
      let name = '';
      let kind: EntityKind | undefined;
      for (let b = a; b <= to; b++) {
        name += words[b]!.word;
        if (dot(b)) continue;
        // Only a whole word's tag says what it is: pieces of an unknown name carry any tag (孟晚/x 舟/ns).
        kind = b === a ? chineseKinds[words[a]!.tag] : undefined;
        const named = b > a || words[a]!.tag in chineseKinds || words[a]!.tag === 'x' || words[a]!.tag === 'j';
        const longest = /[·•・]/u.test(name) ? 16 : 8;
        if (
          named &&
          name.length >= 2 &&
          !gluedWord.test(name) &&
          name.length <= longest &&
          !(found.get(name) !== undefined && kind === undefined)
        ) {
          found.set(name, found.get(name) ?? kind);
        }
      }
    }
  }
  return found;
}

// A capitalised word (Kim, McCain, O'Neill, Al-Sabah, DPRK, U.S.) and the small words a name keeps inside it.
const word = String.raw`(?:[\p{Lu}][\p{L}\p{M}\p{N}]*(?:[-'’][\p{Lu}\p{Ll}\p{N}][\p{L}\p{M}\p{N}]*)*|[\p{Lu}](?:\.[\p{Lu}])+\.?)`;
const joiner = String.raw`(?:of|the|for|on|de|du|bin|al|von|van|da|dos|la|le)`;
const run = new RegExp(String.raw`${word}(?:[ \t]+(?:${joiner}[ \t]+)*${word})*`, 'gu');

/**
 * Capitalised words that open a sentence or a phrase and are never part of a name ("The Chinese",
 * "Yesterday Pompeo"): a run is a candidate only without them.
 */
const openers = new Set(
  (
    'The A An This That These Those In On At As By For From With To We I It He She They Our Both Yesterday Today ' +
    'Tomorrow Last Next His Her Their Its'
  ).split(' '),
);

/**
 * Words that stand before a name without always being part of it: titles ("President Xi",
 * "Chief Executive Carrie Lam"), and the openers. A run is a candidate as written (but for its
 * openers) and without them: "Foreign Ministry" and "Ministry" alike, the translations choose.
 */
export const leadWords = new Set(
  (
    [...openers].join(' ') +
    ' Mr Ms Mrs Dr President Premier Prime Minister Vice Foreign Secretary Chairman Chairwoman ' +
    'Chancellor State Councilor Councillor Ambassador General Director Senator King Queen Emir Crown Prince Deputy ' +
    'Special Chief Executive Spokesperson Madam Sir Former Acting Envoy Representative Commissioner Governor Mayor ' +
    'Lord Sheikh Secretary-General Director-General Under-Secretary-General'
  ).split(' '),
);

/** English names a text might hold: each capitalised run (a possessive's "'s" dropped), and the run without its lead words. */
export function englishCandidates(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(run)) {
    // A possessive ends a name: "China's Nansha Islands" is China and the Nansha Islands (but "People's Republic of China" is one).
    const [first, ...more] = match[0].split(/(?<=(?<!People)['’]s)[ \t]+/u);
    for (const part of more) for (const name of englishCandidates(part)) found.add(name);
    const words = first!.replace(/['’]s$/u, '').split(/[ \t]+/u);
    // One capitalised word opening a sentence ("However", "Pompeo") says nothing: a name is also written mid-sentence.
    if (words.length === 1 && opensSentence(text.slice(Math.max(0, match.index - 8), match.index))) continue;
    const skip = (set: Set<string>) => {
      let from = 0;
      while (from < words.length - 1 && (set.has(words[from]!) || /^(?:of|the)$/.test(words[from]!))) from++;
      return from;
    };
    const opened = skip(openers);
    if (!(opened === words.length - 1 && openers.has(words[opened]!))) found.add(words.slice(opened).join(' '));
    const titled = skip(leadWords);
    if (titled > opened) found.add(words.slice(titled).join(' '));
  }
  return found;
}

/** Whether what comes before a word ends a sentence (not "Mr." or "U.S."), or is nothing. */
function opensSentence(before: string): boolean {
  if (/^\s*$/u.test(before) || /\n\s*$/u.test(before)) return true;
  return /[.!?:;"“”]\s+$/u.test(before) && !/\b(?:Mr|Ms|Mrs|Dr|St|U\.S)\.\s+$/u.test(before);
}

/** How often each word occurs in lower case: a capitalised word common in lower case ("Security") is no name on its own. */
export function lowerCaseCounts(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const [w] of text.matchAll(/\b\p{Ll}+\b/gu)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}
