import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

/**
 * Where Chinese words begin and end, for the index build only: the browser never loads the
 * dictionary. Chinese is indexed as overlapping bigrams (cjk.ts), so 访华为标志 holds the bigram
 * 华为 although no word 华为 is in it (访华|为|标志). jieba (@node-rs/jieba, with its own
 * dictionary) segments each Han run, and a bigram that straddles a word of two or more characters
 * and its neighbour is marked as crossing: the index gives it a low weight (cjk.ts), so a search
 * for 华为 ranks the answers about Huawei above a visit to China, and can tell which results
 * match only across a word boundary (segments.ts).
 *
 * A bigram of two one-character words (中|美 in 中美贸易) is not crossing: that is how jieba
 * splits compounds and names its dictionary lacks, and such bigrams are what the query means.
 */

let jieba: Jieba | undefined;

function segmenter(): Jieba {
  if (!jieba) {
    // A native module and its dictionary file, loaded as CommonJS so that the bundler leaves them be.
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict.js') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
  }
  return jieba;
}

/** jieba's words of a text with their part of speech (nr a person, ns a place, nt an organisation...). */
export function taggedWordsOf(text: string): { word: string; tag: string }[] {
  return segmenter().tag(text, true);
}

/** jieba's words of a run of Han characters (HMM on, so that names it lacks stay together). */
export function wordsOf(run: string): string[] {
  return segmenter().cut(run, true);
}

/** The offsets in a text where jieba begins a word. */
export function wordStarts(text: string): Set<number> {
  const starts = new Set<number>();
  let at = 0;
  for (const word of wordsOf(text)) {
    starts.add(at);
    at += word.length;
  }
  return starts;
}

/** jieba's words of a run by its dictionary alone (no HMM): a name it lacks falls apart into characters. */
export function dictionaryWordsOf(run: string): string[] {
  return segmenter().cut(run, false);
}

/** For each bigram of a Han run (its characters i and i+1), whether it crosses a word boundary. */
export function crossings(run: string): boolean[] {
  const wordOf: number[] = [];
  const lengths: number[] = [];
  for (const word of wordsOf(run)) {
    const length = [...word].length;
    for (let i = 0; i < length; i++) wordOf.push(lengths.length);
    lengths.push(length);
  }
  const crossing: boolean[] = [];
  for (let i = 0; i + 1 < wordOf.length; i++) {
    const [left, right] = [wordOf[i]!, wordOf[i + 1]!];
    crossing.push(left !== right && (lengths[left]! > 1 || lengths[right]! > 1));
  }
  return crossing;
}
