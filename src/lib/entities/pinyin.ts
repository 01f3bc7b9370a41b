import { taggedWordsOf } from '../search/words.ts';
import type { AlignedDocs } from './discover.ts';
import { readingsOf } from './readings.ts';

/**
 * Chinese people's names, read in their English rendering. The English texts write a Chinese name
 * in pinyin, surname first ("Li Zhanshu", "Xu Chaofan"), and the aligned Chinese answer writes it
 * in characters (栗战书, 许超凡): where an English name of two words spells, syllable by syllable,
 * characters of the aligned Chinese text, those characters are its Chinese name. jieba cuts most
 * such names it does not know (栗|战书, 许|超凡, 韩|正副, 孔铉|佑) and tags them as anything, and a
 * name said in a few answers is too rare for the alignment's statistics (discover.ts); the
 * spelling confirms it from one pair. Readings are pinyin-pro's, every reading of a character
 * (乐: le, yue), tones and ü aside (吕: lü, lv, lu, lyu).
 */

/** An English name of two words and the Chinese characters it spells in the aligned answers. */
export interface PinyinName {
  en: string;
  /** The characters it spells in the most aligned pairs (on a tie the longer, then by code point). */
  zh: string;
  /** In how many aligned pairs it spells them. */
  pairs: number;
  /**
   * Whether it reads as a person's name on both sides: not written after "the" or in quotes in most
   * of its English uses ("the Dong Lang issue", a place; the song "Liu Sanjie"), its characters not one word of jieba's
   * dictionary that is no name (如意, the panda Ru Yi: a verb), nor a name doubled (丁丁).
   */
  personal: boolean;
}

/** A capitalised word of pinyin: "Zhanshu", "Min'er" (陈敏尔), "Ming-tong" (陈明通). */
const WORD = String.raw`[A-Z][a-z]+(?:['’-][a-z]+)?`;
/** Runs of such words; a name is a run's last two, as a title or an office may come before it. */
const RUN = new RegExp(String.raw`${WORD}(?: ${WORD})*`, 'g');

/** Before a name, what makes it a thing's: "the Dong Lang issue", the song "Liu Sanjie". */
const notNamed = /(?:\bthe |["“‘])$/iu;

/** A word's tags for the character jieba glued to a name's end (孟晚|舟案, 韩|正副, 王毅同): none a name's piece. */
const namePiece = /^(?:nr|nrt|nrfg|ns|nt|nz|zg|x|a|ag|j)$/;
/** What jieba tags a name it knows as one word; anything else is a common word (如意, v). */
const nameTags = new Set(['nr', 'nrt', 'nrfg', 'x']);

const MAX_SYLLABLES = 3;

export function pinyinNames(texts: ReadonlyMap<string, string>, aligned: readonly AlignedDocs[]): PinyinName[] {
  const counterparts = new Map<string, string[]>();
  for (const { en, zh } of aligned) counterparts.set(en, [...(counterparts.get(en) ?? []), zh]);
  const reader = new Readings();
  const tags = new Map<string, string>();
  const tagOf = (char: string) => {
    let tag = tags.get(char);
    if (tag === undefined) tags.set(char, (tag = taggedWordsOf(char)[0]?.tag ?? ''));
    return tag;
  };
  /** Per English name: its uses, those after "the", and per Chinese spelling the pairs and common-word uses. */
  const seen = new Map<
    string,
    { uses: number; thing: number; spelt: Map<string, { pairs: number; common: number }> }
  >();
  for (const [enKey, zhKeys] of counterparts) {
    const english = texts.get(enKey);
    if (!english) continue;
    // jieba's words of this pair's Chinese texts, cut only where a name's spelling begins.
    const words = new Map<string, Tagged[]>();
    const wordsOf = (key: string, text: string) => {
      let found = words.get(key);
      if (!found) words.set(key, (found = tagged(text)));
      return found;
    };
    const names = new Set<string>();
    for (const run of english.matchAll(RUN)) {
      const body = run[0].replace(/['’]s$/u, '');
      const parts = body.split(' ');
      if (parts.length < 2) continue;
      const name = parts.slice(-2).join(' ');
      const start = run.index + body.length - name.length;
      const record = seen.get(name) ?? { uses: 0, thing: 0, spelt: new Map() };
      seen.set(name, record);
      record.uses++;
      if (parts.length === 2 && notNamed.test(english.slice(Math.max(0, start - 4), start))) record.thing++;
      names.add(name);
    }
    for (const name of names) {
      const letters = name.toLowerCase().replace(/[^a-z]/g, '');
      const surname = name.slice(0, name.indexOf(' ')).toLowerCase();
      const record = seen.get(name)!;
      const inPair = new Map<string, boolean>();
      for (const zhKey of zhKeys) {
        const chinese = texts.get(zhKey);
        if (!chinese) continue;
        for (let at = 0; at < chinese.length; at++) {
          if (!reader.of(chinese[at]!).includes(surname)) continue;
          const end = spell(chinese, at, letters, 0, reader);
          if (end === undefined) continue;
          const cut = within(chinese, wordsOf(zhKey, chinese), at, end, tagOf);
          if (!cut) continue;
          const zh = chinese.slice(at, end);
          inPair.set(zh, (inPair.get(zh) ?? false) || cut.common);
        }
      }
      for (const [zh, common] of inPair) {
        const counts = record.spelt.get(zh) ?? { pairs: 0, common: 0 };
        counts.pairs++;
        if (common) counts.common++;
        record.spelt.set(zh, counts);
      }
    }
  }
  const found: PinyinName[] = [];
  for (const [en, { uses, thing, spelt }] of seen) {
    const best = [...spelt].sort(
      ([a, x], [b, y]) => y.pairs - x.pairs || b.length - a.length || (a < b ? -1 : a > b ? 1 : 0),
    )[0];
    if (!best) continue;
    const [zh, { pairs, common }] = best;
    const doubled = zh.length === 2 && zh[0] === zh[1];
    found.push({ en, zh, pairs, personal: thing * 2 < uses && common * 2 < pairs && !doubled });
  }
  return found.sort((a, b) => (a.en < b.en ? -1 : a.en > b.en ? 1 : 0));
}

interface Tagged {
  start: number;
  end: number;
  tag: string;
}

function tagged(text: string): Tagged[] {
  let at = 0;
  return taggedWordsOf(text).map(({ word, tag }) => {
    const start = at;
    at += word.length;
    return { start, end: at, tag };
  });
}

/**
 * Whether characters [start, end) stand as a name among jieba's words: from a word's start, or after
 * one character jieba glued before it that is no piece of a name (同|王毅 as 同王毅), to a word's
 * end, or one such character before it (孟晚舟|案 as 孟晚|舟案, 韩正|副 as 韩|正副; not 杨凤 of
 * 杨凤兰, as 兰 is a name's); `common` when they are one word jieba tags as no name.
 */
function within(
  text: string,
  words: readonly Tagged[],
  start: number,
  end: number,
  tagOf: (char: string) => string,
): { common: boolean } | undefined {
  const first = words.find((word) => word.end > start);
  const last = words.find((word) => word.end >= end);
  if (!first || !last) return undefined;
  const glued = (at: number) => !namePiece.test(tagOf(text[at]!));
  if (first.start !== start && !(start - first.start === 1 && glued(first.start))) return undefined;
  if (last.end !== end && !(last.end - end === 1 && glued(end))) return undefined;
  return { common: first === last && first.start === start && last.end === end && !nameTags.has(first.tag) };
}

/** The end of the characters from `at` that spell `letters`, a syllable each (two or three), if some do. */
function spell(text: string, at: number, letters: string, syllables: number, reader: Readings): number | undefined {
  if (letters === '') return syllables >= 2 ? at : undefined;
  if (at >= text.length || syllables >= MAX_SYLLABLES) return undefined;
  for (const reading of reader.of(text[at]!)) {
    if (!letters.startsWith(reading)) continue;
    const end = spell(text, at + 1, letters.slice(reading.length), syllables + 1, reader);
    if (end !== undefined) return end;
  }
  return undefined;
}

/** Every toneless reading of a Han character, as English spells it (ü as u, v and yu), looked up once. */
class Readings {
  private readonly known = new Map<string, string[]>();

  of(char: string): string[] {
    let readings = this.known.get(char);
    if (readings) return readings;
    readings = [
      ...new Set(
        readingsOf(char).flatMap((reading) =>
          reading.includes('ü') ? ['u', 'v', 'yu'].map((u) => reading.replace('ü', u)) : [reading],
        ),
      ),
    ];
    this.known.set(char, readings);
    return readings;
  }
}
