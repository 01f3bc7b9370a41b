/**
 * What a reader sees of a search, as text and HTML, without the page: a result (its question,
 * a quote of the answer around the words matched, date, spokesperson and transcript) and the
 * line that says what was found.
 */
import { escapeHtml } from '../../lib/escape-html.ts';
import { hanExcerpt, wholeWordStart, wordExcerpt } from '../../lib/search/excerpt.ts';
import { monthLabel } from '../../lib/timeline.ts';
import type { Lang } from '../../schemas/transcript.ts';
import type { Shown } from './merge.ts';
import type { SearchState } from './url-state.ts';

/** The words a result's link asks its page to mark (highlight.ts): the query's, quotes dropped. */
export function termsOf(q: string): string[] {
  return q.replace(/"/g, ' ').split(/\s+/).filter(Boolean);
}

/** A result's list item: its language and its HTML. */
export function resultHtml(
  { hit, fragment: { url, content, meta } }: Shown,
  terms: string[],
): { lang: string; html: string } {
  const [path, hash] = url.split('#');
  const href = terms.length > 0 ? `${path}?hl=${encodeURIComponent(terms.join(' '))}#${hash}` : url;
  const quote =
    meta.lang === 'zh'
      ? hanExcerpt(content, terms, undefined, wholeWordStart(content, hit.locations))
      : wordExcerpt(content, hit.locations);
  const field = (name: string) => escapeHtml(meta[name] ?? '');
  return {
    lang: meta.lang === 'zh' ? 'zh-Hans' : 'en',
    html: `<a class="question" href="${escapeHtml(href)}">${field('question')}</a><p class="excerpt">${quote}</p><p class="meta"><time datetime="${field('date')}">${field('date')}</time> <span>${field('spokesperson')}</span> <span class="transcript">${field('transcript')}</span>${otherVersion(meta)}</p>`,
  };
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
  return `${count.toLocaleString('en')} ${count === 1 ? 'answer' : 'answers'}${browsing ? '' : ` for ${state.q}`}${where}${when}`;
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
