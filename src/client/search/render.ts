/**
 * What a reader sees of a search, as text and HTML, without the page: a result (its question,
 * a quote of the answer around the words matched, date, spokesperson and transcript) and the
 * line that says what was found.
 */
import { escapeHtml } from '../../lib/escape-html.ts';
import { figure } from '../../lib/figures.ts';
import { hanExcerpt, wholeWordStart, wordExcerpt } from '../../lib/search/excerpt.ts';
import { monthLabel } from '../../lib/timeline.ts';
import type { Lang } from '../../schemas/transcript.ts';
import type { Shown } from './merge.ts';
import type { SearchState } from './url-state.ts';

/** The words a result's link asks its page to mark (highlight.ts): the query's, quotes dropped. */
export function termsOf(q: string): string[] {
  return q.replace(/"/g, ' ').split(/\s+/).filter(Boolean);
}

/**
 * The answer's part of a result's text: the text is the answer, then the question (records.ts,
 * shownText), and a result quotes what the spokesperson said, not the question again.
 */
export function answerPart(content: string, question: string | undefined): string {
  if (!question) return content;
  // A long question is shown cut, with an ellipsis; the text holds it whole.
  const start = content.lastIndexOf(question.endsWith('…') ? question.slice(0, -1) : question);
  return start > 0 ? content.slice(0, start).trimEnd() : content;
}

/**
 * A result's question line: a reader scans questions, so a long one is cut at a word (or, in
 * Chinese, at a character) near `max`, not mid-word, and the style shows two lines at most.
 */
export function questionLine(question: string, lang: string): string {
  const max = lang === 'zh' ? 60 : 140;
  const chars = [...question];
  if (chars.length <= max) return question;
  const cut = chars.slice(0, max).join('');
  const atWord = lang === 'zh' ? cut : cut.replace(/\s+\S*$/, '');
  return `${atWord.replace(/[\s,;:，、；：]+$/u, '')}…`;
}

/** A result's list item: its language and its HTML. */
export function resultHtml(
  { hit, fragment: { url, content, meta } }: Shown,
  terms: string[],
): { lang: string; html: string } {
  const [path, hash] = url.split('#');
  const href = terms.length > 0 ? `${path}?hl=${encodeURIComponent(terms.join(' '))}#${hash}` : url;
  const answer = answerPart(content, meta.question);
  // English positions count words: those past the answer are the question's, dropped. Chinese
  // excerpts find the terms in the answer's text itself.
  const answerWords = answer.split(/[^\S\uFEFF]+/).length;
  const inAnswer = meta.lang === 'zh' ? hit.locations : hit.locations.filter(({ location }) => location < answerWords);
  const quote =
    meta.lang === 'zh'
      ? hanExcerpt(answer, terms, undefined, wholeWordStart(answer, inAnswer))
      : wordExcerpt(answer, inAnswer);
  const field = (name: string) => escapeHtml(meta[name] ?? '');
  const line = escapeHtml(questionLine(meta.question ?? '', meta.lang ?? 'en'));
  return {
    lang: meta.lang === 'zh' ? 'zh-Hans' : 'en',
    html: `<a class="question" href="${escapeHtml(href)}" title="${field('question')}">${line}</a><p class="excerpt">${quote}</p><p class="meta"><time datetime="${field('date')}">${field('date')}</time> <span>${field('spokesperson')}</span> <span class="transcript">${field('transcript')}</span>${saidBefore(meta)}${otherVersion(meta)}</p>`,
  };
}

/** An answer made only of sentences said before (formulas) says so: what it says is not news. */
function saidBefore(meta: Record<string, string>): string {
  return meta.said === 'all' ? ' <span class="said-all">all said before</span>' : '';
}

/** A link to the same answer in the other language, where the two versions are aligned. */
function otherVersion(meta: Record<string, string>): string {
  if (!meta.counterpart) return '';
  const [lang, label] = meta.lang === 'zh' ? ['en', 'English'] : ['zh-Hans', '中文'];
  return ` <a class="other-version" href="${escapeHtml(meta.counterpart)}" hreflang="${lang}" lang="${lang}">${label}</a>`;
}

/** "12 answers for Huawei in Chinese in March 2019": what was found, where and when. */
export function summary(count: number, state: SearchState, bundles: readonly Lang[]): string {
  const browsing = state.q.trim() === '';
  const where =
    state.langs.length === bundles.length
      ? ''
      : ` in ${state.langs.map((lang) => (lang === 'zh' ? 'Chinese' : 'English')).join(' and ')}`;
  const when = state.month ? ` in ${monthLabel(state.month)}` : '';
  return `${figure(count)} ${count === 1 ? 'answer' : 'answers'}${browsing ? '' : ` for ${state.q}`}${where}${when}`;
}

/**
 * What the reader is told when a search could not run: a broken or missing index file is not "no
 * results". `known` errors carry words a reader can pass on.
 */
export function failureText(error: unknown, known: (error: unknown) => boolean): string {
  const why =
    known(error) || (error instanceof Error && error.name === 'BundleError')
      ? (error as Error).message
      : `the search index could not be read (${error instanceof Error ? error.message : String(error)})`;
  return `Search is not working right now: ${why}. `;
}

/**
 * Why a year's chart starts with empty months: the languages searched began later that year
 * ("English transcripts begin in May 2018"). `firsts` is each language's first day ("en:2018-05-11 zh:…").
 */
export function coverageNote(state: SearchState, firsts: string): string | undefined {
  const year = state.filters.year?.length === 1 ? state.filters.year[0] : undefined;
  if (!year) return undefined;
  const begins = new Map(firsts.split(' ').map((pair) => pair.split(':') as [string, string]));
  const late = state.langs
    .map((lang) => [lang, begins.get(lang)] as const)
    .filter(
      (entry): entry is readonly [Lang, string] =>
        entry[1] !== undefined && entry[1].startsWith(year) && !entry[1].startsWith(`${year}-01`),
    );
  if (late.length === 0) return undefined;
  return late
    .map(
      ([lang, first]) =>
        `${lang === 'zh' ? 'Chinese' : 'English'} transcripts begin in ${monthLabel(first.slice(0, 7))}`,
    )
    .join('; ');
}
