/**
 * A search result as a reader sees it, as HTML: its question, a quote of the answer around the
 * words matched, date, spokesperson and transcript. The search page draws it (page.ts), and so
 * does the build, for the likeliest searches' first pages (ready-results.ts): one drawing, so that
 * the two are the same.
 */
import { escapeHtml } from '../escape-html.ts';
import { hanExcerpt, wholeWordStart, wordExcerpt } from './excerpt.ts';
import type { Fragment, Hit } from './pagefind/read.ts';

/** A result as shown: the search's hit (where its words matched) and its fragment (what it says). */
export interface Shown {
  hit: Hit;
  fragment: Fragment;
}

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
