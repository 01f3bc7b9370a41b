import type { TranscriptFrontmatter } from '../../schemas/transcript.ts';
import type { Exchange } from '../transcript/model.ts';

export interface CitationInput {
  frontmatter: Pick<TranscriptFrontmatter, 'title' | 'date' | 'spokesperson' | 'lang' | 'source'>;
  exchange: Pick<Exchange, 'id' | 'n'>;
  /** Absolute URL of the answer's page. */
  permalink: string;
}

const PUBLISHER = {
  en: "Ministry of Foreign Affairs of the People's Republic of China",
  zh: '中华人民共和国外交部',
} as const;

const monthName = (month: number) =>
  [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ][month - 1]!;

function parts(date: string): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

/** "Lu Kang" → family "Lu", given "Kang"; a Chinese name or one word stays whole. */
function nameParts(name: string): { family: string; given?: string } {
  const words = name.trim().split(/\s+/);
  return words.length < 2 ? { family: name.trim() } : { family: words[0]!, given: words.slice(1).join(' ') };
}

/** A Chinese date as Chinese citations write it: 2018年12月6日. */
const zhDay = (date: string) => {
  const [year, month, day] = parts(date);
  return `${year}年${month}月${day}日`;
};

/**
 * Chicago (notes and bibliography): Spokesperson. "Title." Answer N. Publisher, Month D, YYYY.
 * Source. Permalink. A Chinese transcript is cited in Chinese, with full-width punctuation.
 */
export function chicago({ frontmatter: f, exchange, permalink }: CitationInput): string {
  if (f.lang === 'zh') {
    const who = f.spokesperson ? `${f.spokesperson}：` : '';
    return `${who}“${f.title}”，第${exchange.n}问答复。${PUBLISHER.zh}，${zhDay(f.date)}。${f.source}。永久链接：${permalink}。`;
  }
  const [year, month, day] = parts(f.date);
  const who = f.spokesperson ? `${f.spokesperson}. ` : '';
  return `${who}“${f.title}.” Answer to question ${exchange.n}. ${PUBLISHER[f.lang]}, ${monthName(month)} ${day}, ${year}. ${f.source}. Permalink: ${permalink}.`;
}

/** APA 7: Family, G. (YYYY, Month D). Title [Answer to question N]. Publisher. Source */
export function apa({ frontmatter: f, exchange, permalink }: CitationInput): string {
  if (f.lang === 'zh') {
    return `${f.spokesperson ?? PUBLISHER.zh}（${zhDay(f.date)}）。${f.title}［第${exchange.n}问答复］。${PUBLISHER.zh}。${f.source}（永久链接：${permalink}）`;
  }
  const [year, month, day] = parts(f.date);
  const name = f.spokesperson ? nameParts(f.spokesperson) : undefined;
  const author = name ? (name.given ? `${name.family}, ${name.given[0]}.` : name.family) : PUBLISHER[f.lang];
  return `${author} (${year}, ${monthName(month)} ${day}). ${f.title} [Answer to question ${exchange.n}]. ${PUBLISHER[f.lang]}. ${f.source} (permalink: ${permalink})`;
}

const bibSpecial: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};
/** Text as BibTeX reads it: braces and TeX's special characters escaped, so no value can close its field. */
const bibEscape = (text: string) => text.replace(/[\\~^{}&%$#_]/g, (char) => bibSpecial[char] ?? `\\${char}`);
/** A URL inside \url{…}: braces, backslashes and spaces percent-encoded, the rest as written. */
const bibUrl = (url: string) =>
  url.replace(/[{}\\\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

/** BibTeX @misc entry, keyed by spokesperson, date and answer. */
export function bibtex({ frontmatter: f, exchange, permalink }: CitationInput): string {
  const [year, month, day] = parts(f.date);
  const name = f.spokesperson ? nameParts(f.spokesperson) : undefined;
  const keyName = (name?.family ?? 'mfa').toLowerCase().replace(/[^a-z0-9]/g, '') || 'mfa';
  const fields = [
    `  author = {${name ? (name.given ? `${bibEscape(name.family)}, ${bibEscape(name.given)}` : `{${bibEscape(name.family)}}`) : `{${PUBLISHER[f.lang]}}`}}`,
    `  title = {${bibEscape(f.title)}}`,
    `  year = {${year}}`,
    `  month = {${monthName(month).slice(0, 3).toLowerCase()}}`,
    `  day = {${day}}`,
    `  publisher = {${PUBLISHER[f.lang]}}`,
    `  howpublished = {\\url{${bibUrl(f.source)}}}`,
    f.lang === 'zh'
      ? `  note = {第${exchange.n}问答复。永久链接：\\url{${bibUrl(permalink)}}}`
      : `  note = {Answer to question ${exchange.n}. Permalink: \\url{${bibUrl(permalink)}}}`,
    `  language = {${f.lang === 'zh' ? 'chinese' : 'english'}}`,
  ];
  return `@misc{${keyName}${f.date.replaceAll('-', '')}${exchange.id.replace(/[^a-z0-9]/g, '')},\n${fields.join(',\n')}\n}`;
}
