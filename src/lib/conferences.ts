import type { Remark } from './remarks.ts';
import { translations } from './translation/translations.ts';

/**
 * One press conference (or briefing, statement…) as lists show it: the ministry publishes most in
 * Chinese and in English, and a reader looks for the event, not for each language's file. Its
 * versions, the reader's language first.
 */
export interface Conference {
  date: string;
  versions: Remark[];
}

/**
 * `remarks` (newest first) as conferences, in the same order: a transcript and its translation
 * (`translationOf`, where it is published here) are one entry, placed where the first of the two
 * is. `first` is the language listed first in an entry.
 */
export function conferencesOf(
  remarks: Remark[],
  translationOf: (remark: Remark) => Remark | undefined,
  first = 'en',
): Conference[] {
  const listed = new Set(remarks);
  const placed = new Set<Remark>();
  const conferences: Conference[] = [];
  for (const remark of remarks) {
    if (placed.has(remark)) continue;
    const other = translationOf(remark);
    const versions = other && listed.has(other) && !placed.has(other) ? [remark, other] : [remark];
    versions.sort((a, b) => Number(b.data.lang === first) - Number(a.data.lang === first));
    for (const version of versions) placed.add(version);
    conferences.push({ date: remark.data.date, versions });
  }
  return conferences;
}

/** `remarks` as conferences, their translations found among every transcript's. */
export async function listConferences(remarks: Remark[]): Promise<Conference[]> {
  const translated = await translations();
  return conferencesOf(remarks, (remark) => translated.of(remark)?.remark);
}
