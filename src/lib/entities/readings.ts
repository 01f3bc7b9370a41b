import { polyphonic } from 'pinyin-pro';

const known = new Map<string, readonly string[]>();

/**
 * A Han character's toneless pinyin readings, pinyin-pro's commonest first (乐: le, yue…), looked
 * up once per character; none for anything else. pinyin.ts tries them all, transliteration.ts
 * the first.
 */
export function readingsOf(char: string): readonly string[] {
  let found = known.get(char);
  if (!found) {
    found = /^\p{Script=Han}$/u.test(char) ? (polyphonic(char, { toneType: 'none', type: 'array' })[0] ?? []) : [];
    known.set(char, found);
  }
  return found;
}
