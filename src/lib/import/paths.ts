import type { Draft } from './draft.ts';

const stopWords = new Set([
  'the',
  'a',
  'an',
  'of',
  'on',
  'and',
  'to',
  'in',
  'for',
  'with',
  'by',
  'at',
  'about',
  'its',
  's',
]);

/**
 * Where a new transcript goes under the output folder: `<lang>/<yyyy>/<date>-<slug>.md`. The slug
 * is the kind for regular briefings (one a day), else the title's subject in a few words, or the
 * ministry's document id where the title has no Latin words (Chinese titles).
 */
export function transcriptFilePath(draft: Draft & { date: string }): string {
  return `${draft.lang}/${draft.date.slice(0, 4)}/${draft.date}-${slugOf(draft)}.md`;
}

function slugOf(draft: Draft): string {
  if (draft.kind === 'press-conference' || draft.kind === 'briefing') return draft.kind;
  // A slug has six words: the title's first 300 characters hold them, and keep the search linear on any title.
  const title = draft.title.slice(0, 300);
  const subject = /\bSpokesperson\b[^\n]*?\b(?:on|about|regarding)\b\s+(.*)$/i.exec(title)?.[1] ?? title;
  const words = subject
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word && !stopWords.has(word))
    .slice(0, 6);
  // Chinese titles have no Latin words, or only numbers ("第60届"): the document id names them better.
  return words.some((word) => /[a-z]/.test(word)) ? words.join('-') : (draft.docId ?? draft.kind);
}
