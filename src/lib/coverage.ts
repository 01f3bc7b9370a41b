import type { Lang } from '../schemas/transcript.ts';
import type { Remark } from './remarks.ts';

/** What the archive holds in one language: how many transcripts, from and to which day. */
export interface LanguageCoverage {
  lang: Lang;
  transcripts: number;
  first: string;
  last: string;
}

/** Each language's coverage, computed from the transcripts themselves, in the order languages first appear. */
export function coverageOf(remarks: Remark[]): LanguageCoverage[] {
  const byLang = new Map<Lang, LanguageCoverage>();
  for (const { data } of remarks) {
    const known = byLang.get(data.lang);
    if (!known) byLang.set(data.lang, { lang: data.lang, transcripts: 1, first: data.date, last: data.date });
    else {
      known.transcripts++;
      if (data.date < known.first) known.first = data.date;
      if (data.date > known.last) known.last = data.date;
    }
  }
  return [...byLang.values()].sort((a, b) => a.first.localeCompare(b.first) || a.lang.localeCompare(b.lang));
}
