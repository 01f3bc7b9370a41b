import type { Lang } from '../../schemas/transcript.ts';
import { lexicon, type Term } from './lexicon.ts';
import { englishMonths as months } from '../transcript/months.ts';

/**
 * Anchors: what survives translation between an English and a Chinese text, as comparable keys.
 * Numbers (`n:2019`, `n:5.5`), month-days (`d:3-12`, from "March 12" and "3月12日"), Latin-script
 * tokens the Chinese text keeps (`l:G20`), and the bilingual table's names (`t:huawei`).
 */
export function anchorsOf(text: string, lang: Lang): Set<string> {
  const anchors = new Set<string>();
  for (const match of text.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const number = match[0].replaceAll(',', '');
    if (number.length >= 2) anchors.add(`n:${number}`);
  }
  if (lang === 'en') {
    for (const match of text.matchAll(englishDates)) {
      anchors.add(`d:${months.indexOf(match[1]!.toLowerCase() as (typeof months)[number]) + 1}-${Number(match[2])}`);
    }
    // Only tokens with a capital or a digit: the Chinese text keeps acronyms and model names, not words.
    for (const match of text.matchAll(/(?<![\p{L}\p{N}])[A-Za-z]*[A-Z0-9][A-Za-z0-9-]*[A-Za-z0-9](?![\p{L}\p{N}])/gu)) {
      if (/[A-Za-z]/.test(match[0])) anchors.add(`l:${match[0].toUpperCase()}`);
    }
  } else {
    for (const match of text.matchAll(/(\d{1,2})月(\d{1,2})日/g))
      anchors.add(`d:${Number(match[1])}-${Number(match[2])}`);
    for (const match of text.matchAll(/[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]/g)) {
      if (/[A-Za-z]/.test(match[0])) anchors.add(`l:${match[0].toUpperCase()}`);
    }
  }
  for (const key of termsIn(text, lang)) anchors.add(`t:${key}`);
  return anchors;
}

const englishDates = new RegExp(`\\b(${months.join('|')}) (\\d{1,2})\\b`, 'gi');

interface Matcher {
  pattern: RegExp;
  keyOf: Map<string, string>;
}

/** One regular expression per script and case rule, longest forms first, so that "south korea" wins over "korea". */
function matcher(forms: [string, string][], flags: string, bounded: boolean): Matcher {
  const keyOf = new Map(forms.map(([form, key]) => [flags.includes('i') ? form.toLowerCase() : form, key]));
  const alternatives = [...keyOf.keys()]
    .sort((a, b) => b.length - a.length)
    .map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
  const source = bounded ? `(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])` : `(?:${alternatives})`;
  return { pattern: new RegExp(source, `g${flags}`), keyOf };
}

const formsOf = (pick: (term: Term) => string[], keep: (form: string) => boolean): [string, string][] =>
  lexicon.flatMap((term) => pick(term).flatMap((form): [string, string][] => (keep(form) ? [[form, term.key]] : [])));

const isLower = (form: string) => form === form.toLowerCase();

const matchers: Record<Lang, Matcher[]> = {
  en: [
    matcher(
      formsOf((term) => term.en, isLower),
      'iu',
      true,
    ),
    matcher(
      formsOf(
        (term) => term.en,
        (form) => !isLower(form),
      ),
      'u',
      true,
    ),
  ],
  zh: [
    matcher(
      formsOf(
        (term) => term.zh,
        () => true,
      ),
      'u',
      false,
    ),
  ],
};

function termsIn(text: string, lang: Lang): Set<string> {
  const keys = new Set<string>();
  for (const { pattern, keyOf } of matchers[lang]) {
    for (const match of text.matchAll(pattern)) {
      const key = keyOf.get(pattern.flags.includes('i') ? match[0].toLowerCase() : match[0]);
      if (key) keys.add(key);
    }
  }
  return keys;
}

/** Length of a text as translation preserves it: letters and digits (a Chinese character is one). */
export function measure(text: string): number {
  return (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
}
