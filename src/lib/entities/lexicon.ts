import type { Lang } from '../../schemas/transcript.ts';
import { wordStarts } from '../search/words.ts';
import type { Entity } from './entity.ts';
import { gluedAfter, gluedBefore } from './glued.ts';

/** One name found in a text: whose, and where (UTF-16 offsets, end exclusive). */
export interface Found {
  entity: string;
  start: number;
  end: number;
}

/**
 * Every entity's names, and where they occur in a text. The longest name wins where two start
 * at one place ("South China Sea", not "China"). English names match whole words, as written
 * (case matters: "US", not "us"); a Chinese name matches where one of jieba's words begins, so
 * 华为 is not found in 访华为 (访华|为), and ends where one ends, unless it is a place, which heads
 * compounds: 中国 is found in 中国政府, 高峰 (Gao Feng) is not in 高峰论坛 (a summit). Where a place
 * ends inside a word, another name may begin: jieba keeps 中华人民共和国外交部 and 美国国防部 whole,
 * and they are a country and its ministry.
 */
export class Lexicon {
  private readonly english: RegExp | undefined;
  private readonly latinInChinese: RegExp | undefined;
  private readonly owners: Record<Lang, Map<string, string>> = { en: new Map(), zh: new Map() };
  private readonly longestChinese: number;
  private readonly places = new Set<string>();

  constructor(entities: readonly Entity[]) {
    for (const entity of entities) {
      if (entity.kind === 'place') this.places.add(entity.id);
      for (const lang of ['en', 'zh'] as const) {
        for (const name of entity.names[lang]) if (!this.owners[lang].has(name)) this.owners[lang].set(name, entity.id);
      }
    }
    const names = [...this.owners.en.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
    // English names match as whole words; in a Chinese text, between Han characters (主办APEC领导人).
    this.english = namesPattern(names, String.raw`\p{L}\p{N}`);
    this.latinInChinese = namesPattern(names, String.raw`\p{Script=Latin}\p{N}`);
    this.longestChinese = Math.max(0, ...[...this.owners.zh.keys()].map((name) => name.length));
  }

  find(text: string, lang: Lang): Found[] {
    if (lang === 'en') return this.findEnglish(text);
    // Chinese texts write some names in Latin letters (APEC, G20, T-Mobile): the English names find them.
    const chinese = this.findChinese(text);
    const latin = this.findLatin(text).filter(
      (latin) => !chinese.some((mention) => mention.start < latin.end && latin.start < mention.end),
    );
    return latin.length === 0 ? chinese : [...chinese, ...latin].sort((a, b) => a.start - b.start);
  }

  private findEnglish(text: string): Found[] {
    if (!this.english) return [];
    return [...text.matchAll(this.english)].map((match) => ({
      entity: this.owners.en.get(match[0])!,
      start: match.index,
      end: match.index + match[0].length,
    }));
  }

  private findLatin(text: string): Found[] {
    if (!this.latinInChinese || !/[A-Za-z]/.test(text)) return [];
    return [...text.matchAll(this.latinInChinese)].map((match) => ({
      entity: this.owners.en.get(match[0])!,
      start: match.index,
      end: match.index + match[0].length,
    }));
  }

  /**
   * Whether a name from 驻 (a post of China's abroad, patterns.ts) stands after another country's
   * name, and is that country's post: 古巴驻美国使馆, 美国驻俄罗斯大使馆 are not China's.
   */
  private anotherCountrysPost(text: string, at: number, length: number): boolean {
    if (text[at] !== '驻' || !postEnding.test(text.slice(at, at + length))) return false;
    for (let back = 2; back <= Math.min(8, at); back++) {
      const before = text.slice(at - back, at);
      const owner = this.owners.zh.get(before);
      if (owner !== undefined && this.places.has(owner)) return !china.test(before);
    }
    return false;
  }

  private findChinese(text: string): Found[] {
    const found: Found[] = [];
    if (this.longestChinese === 0) return found;
    const starts = wordStarts(text);
    // jieba glues a preposition to a name it does not know whole (同非盟, 与蓬佩奥): the name starts
    // after it, if it ends where the word does.
    const glued = new Set<number>();
    for (const at of starts) if (gluedBefore.has(text[at]!) && !starts.has(at + 1)) glued.add(at + 1);
    const wordEnds = (at: number) => at === text.length || starts.has(at);
    for (let at = 0; at < text.length; at++) {
      if (!starts.has(at) && !glued.has(at)) continue;
      for (let length = Math.min(this.longestChinese, text.length - at); length >= 2; length--) {
        const entity = this.owners.zh.get(text.slice(at, at + length));
        const end = at + length;
        // jieba keeps 东盟国家 (ASEAN countries) whole: the body is named where the word is it and 国家.
        const ends =
          wordEnds(end) ||
          (text.startsWith('国家', end) && wordEnds(end + 2)) ||
          (gluedAfter.has(text[end]!) && !wordEnds(end) && wordEnds(end + 1));
        if (
          entity &&
          (ends || (this.places.has(entity) && starts.has(at))) &&
          !this.anotherCountrysPost(text, at, length)
        ) {
          found.push({ entity, start: at, end: at + length });
          if (this.places.has(entity)) starts.add(at + length);
          at += length - 1;
          break;
        }
      }
    }
    return found;
  }
}

/** China's own name, before one of its posts abroad (中国驻美国使馆), and how a post's name ends. */
const china = /(?:中国|中华人民共和国|我国)$/u;
const postEnding = /(?:使馆|领馆|使团|代表团)$/u;

/** One pattern for all the names, longest first, not inside a run of `word` characters. */
function namesPattern(names: string[], word: string): RegExp | undefined {
  if (names.length === 0) return undefined;
  const alternatives = names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(String.raw`(?<![${word}])(?:${alternatives})(?![${word}])`, 'gu');
}
