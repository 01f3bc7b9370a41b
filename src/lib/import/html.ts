import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Lang } from '../../schemas/transcript.ts';
import { ImportError, type Draft, type SourceParagraph } from './draft.ts';
import { MAX_HTML_NESTING, tooDeepHtml } from './html-depth.ts';
import { addMissingLabels } from './missing-labels.ts';
import { oneLine } from './escape.ts';
import { isChinese } from './lang.ts';
import { readTitle } from './title.ts';
import { spokespeople } from '../transcript/spokespeople.ts';

const parser = unified().use(rehypeParse);

/** Elements that end a paragraph: the ministry's pages break text with all of these over the years. */
const blocks = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'tr',
  'td',
  'th',
  'blockquote',
  'section',
  'article',
  'center',
  'hr',
  'dd',
  'dt',
]);
/** Elements whose content is not text of the transcript. */
const skipped = new Set([
  'script',
  'style',
  'img',
  'noscript',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'select',
  'button',
  'input',
  'form',
]);

/**
 * A ministry page saved as HTML (`.html`, `.htm`, `.shtml`). The page is parsed into a tree
 * (rehype) and read by structure, for every template the ministry has used:
 *
 * - body: `#News_Body_Txt_A` (Chinese pages, and both languages since the 2021 redesign), the
 *   `.content` of `.content_mod` (English pages before it), or `.news-main`;
 * - title: the `ArticleTitle` meta tag (since 2021), the visible title (`.news-title h1`,
 *   `#News_Body_Title`, `.content_mod .title`), else `<title>` without the site's name;
 * - date: the `PubDate` meta tag, the visible date line (`.news-title .time`, `#News_Body_Time`),
 *   the title's date, or the title's day with the year of the page's own image files;
 * - URL: the `Url` meta tag, the canonical link or `og:url`, else `source` (from an index of saved
 *   pages).
 *
 * A page without a recognisable body is an error, never an empty transcript.
 */
export function readMinistryPage(html: string, input: string, source?: string): Draft {
  const deep = tooDeepHtml(html);
  if (deep !== undefined) {
    throw new ImportError(
      `${input}:${deep}`,
      `elements nested past ${MAX_HTML_NESTING} levels: is this a saved ministry page? Save the page again from the browser.`,
    );
  }
  const tree = parser.parse(html);
  const body =
    byId(tree, 'News_Body_Txt_A') ??
    within(byClass(tree, 'content_mod'), 'content') ??
    byClass(tree, 'news-main') ??
    byClass(tree, 'content');
  if (!body) {
    throw new ImportError(
      input,
      'no transcript found: the page has neither #News_Body_Txt_A, .news-main nor a .content block. Is it a ministry transcript page?',
    );
  }
  const paragraphs = paragraphsOf(body).filter((paragraph) => !isSeparator(paragraph.text));
  if (paragraphs.length === 0) throw new ImportError(input, 'the transcript block of the page is empty.');
  const sample = paragraphs
    .slice(0, 5)
    .map((p) => p.text)
    .join('');
  const title = pageTitle(tree, isChinese(sample));
  if (!title) {
    throw new ImportError(
      input,
      'no title found (ArticleTitle meta tag, .news-title h1, #News_Body_Title, .content_mod .title or <title>).',
    );
  }
  const lang: Lang = isChinese(title + sample) ? 'zh' : 'en';
  const facts = readTitle(title, lang);
  const spokesperson = facts.spokesperson ?? keywordSpokesperson(tree, lang);
  const warnings: string[] = addMissingLabels(paragraphs, lang, spokesperson, input);
  const pageDate = [
    metaContent(tree, 'PubDate'),
    textOf(within(byClass(tree, 'news-title'), 'time')),
    textOf(byId(tree, 'News_Body_Time')),
  ]
    .map((text) => /\b(\d{4})[-/.](\d{2})[-/.](\d{2})\b/.exec(text))
    .find((match) => match)
    ?.slice(1)
    .join('-');
  let date = pageDate ?? facts.date;
  let dateNote: string | undefined;
  if (pageDate && facts.date && pageDate !== facts.date) {
    warnings.push(`${input}: the page is dated ${pageDate} but its title says ${facts.date}; the page's date is used.`);
  }
  if (!date && facts.monthDay) {
    const year = imageYear(body, facts.monthDay);
    if (year) {
      date = `${year}-${facts.monthDay}`;
      dateNote = `The title gives the day without its year; the year is that of the page's own image files (${year}).`;
    }
  }
  const own = ownUrl(tree);
  const url = own ? publicUrl(own) : source;
  if (own && url !== own) {
    warnings.push(`${input}: the page names its address on the ministry's staging host (${own}); recorded as ${url}.`);
  }
  // The ministry's document id: t1558711 (to 2020), t20240327_11271332 (since 2021, kept as t11271332).
  const docId = [url ?? '', input]
    .map((path) => /\bt(?:\d{8}_)?(\d+)\.s?html?$/.exec(path)?.[1])
    .find((id) => id !== undefined);
  return {
    input,
    title,
    ...(date && { date }),
    ...(dateNote && { dateNote }),
    ...(spokesperson && { spokesperson }),
    kind: facts.kind ?? 'remarks',
    lang,
    ...(url && { source: url }),
    paragraphs,
    ...(docId && { docId: `t${docId}` }),
    warnings: facts.kind ? warnings : [...warnings, `${input}: the title names no kind; imported as "remarks".`],
  };
}

/** A line of `*`, `-`, `=`, `_` or `—` that the ministry puts between parts: layout, not remarks. */
function isSeparator(text: string): boolean {
  return /^[*＊\-=_—–─·•.。\s]{3,}$/.test(text) && !/[.。]{3}$/.test(text.trim());
}

/** The spokesperson named in the page's `Keywords` meta tag ("发言人;毛宁"), where the title names none. */
function keywordSpokesperson(tree: Root, lang: Lang): string | undefined {
  const keywords = metaContent(tree, 'Keywords')
    .split(/[;；,，]/)
    .map((word) => word.trim());
  return spokespeople.find((person) => keywords.includes(person[lang]))?.[lang];
}

/** The address a saved page declares for itself, if any: the CMS's `Url` meta tag, the canonical link, `og:url`. */
function ownUrl(tree: Root): string | undefined {
  const link = find(
    tree,
    (element) => element.tagName === 'link' && String(element.properties.rel ?? '').includes('canonical'),
  );
  const meta = find(tree, (element) => element.tagName === 'meta' && element.properties.property === 'og:url');
  const url = [metaContent(tree, 'Url'), attribute(link, 'href'), attribute(meta, 'content')]
    .map((value) => value.trim())
    .find((value) => /^https?:\/\/\S+$/.test(value));
  return url;
}

/**
 * Pages published in the 2021 move name their address on the CMS's staging host
 * (`http://test.fmprc.gov.cn/wjdt_674879/…`), a host readers cannot open; the same path is public
 * under `https://www.mfa.gov.cn/web/`.
 */
function publicUrl(url: string): string {
  const staging = /^https?:\/\/test\.(?:fmprc|mfa)\.gov\.cn\/(?:web\/)?(.*)$/.exec(url);
  return staging ? `https://www.mfa.gov.cn/web/${staging[1]}` : url;
}

/**
 * A title without the site's name after it ("…_中华人民共和国外交部", "… — Ministry of Foreign
 * Affairs of …"): the name, and before it a run of separators between spaces. Found by scanning
 * back from each place the name occurs, not by a regular expression: one with the separators'
 * run in it backtracked quadratically over a title of dashes (40,000 took 7 s, a 1 MB title hours).
 */
function withoutSiteName(title: string): string {
  const names = /中华人民共和国外交部$|Ministry of Foreign Affairs/gi;
  for (let match = names.exec(title); match; match = names.exec(title)) {
    let start = match.index;
    while (start > 0 && /\s/.test(title[start - 1]!)) start--;
    const separatorsEnd = start;
    while (start > 0 && '_|—–-'.includes(title[start - 1]!)) start--;
    if (start === separatorsEnd) continue;
    while (start > 0 && /\s/.test(title[start - 1]!)) start--;
    return title.slice(0, start);
  }
  return title;
}
/** Section names some pages carry as their `<title>` instead of the article's. */
const sectionTitles = /^(发言人表态|外交部发言人表态|例行记者会|Spokesperson'?s Remarks|Regular Press Conferences?)$/i;

function pageTitle(tree: Root, chinese: boolean): string | undefined {
  const candidates = [
    metaContent(tree, 'ArticleTitle'),
    textOf(within(byClass(tree, 'news-title'), 'h1') ?? byTagWithin(byClass(tree, 'news-title'), 'h1')),
    textOf(byId(tree, 'News_Body_Title') ?? within(byClass(tree, 'content_mod'), 'title')),
    textOf(byTag(tree, 'title')),
  ];
  for (const candidate of candidates) {
    const title = cleanTitle(candidate, chinese);
    if (title && !sectionTitles.test(title)) return title;
  }
  return undefined;
}

/**
 * A title as one line: the CMS writes line breaks into titles (`<br>`, kept escaped in its meta
 * tags), which become a space in English and nothing between Chinese characters.
 */
function cleanTitle(text: string, chinese: boolean): string {
  const joined = text.replace(/<br\s*\/?>/gi, '\n');
  const line = chinese
    ? joined.replace(/(\p{Script=Han}|[，。、：；“”《》（）])\s*\n\s*(?=\p{Script=Han}|[，。、：；“”《》（）])/gu, '$1')
    : joined;
  return withoutSiteName(oneLine(line));
}

/**
 * The year of the title's day, from the page's own image files: the ministry names them W0 + the
 * day they were filed + a serial (W020180910….jpg), the day of the briefing or a day or two later.
 * The year is taken only where the title's day lies within a week of an image's day.
 */
function imageYear(body: Element, monthDay: string): string | undefined {
  const DAY = 86_400_000;
  let best: { year: number; distance: number } | undefined;
  walk(body, (element) => {
    const src = element.tagName === 'img' ? attribute(element, 'src') : '';
    const match = /W0(\d{4})(\d{2})(\d{2})\d+\.\w+$/.exec(src);
    if (!match) return;
    const filed = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    for (const year of [Number(match[1]) - 1, Number(match[1])]) {
      const distance = (filed - Date.parse(`${year}-${monthDay}T00:00:00Z`)) / DAY;
      if (distance >= 0 && distance <= 7 && (!best || distance < best.distance)) best = { year, distance };
    }
  });
  return best && String(best.year);
}

/** The text of a block as paragraphs: every block element and `<br>` ends one. */
function paragraphsOf(body: Element): SourceParagraph[] {
  const paragraphs: SourceParagraph[] = [];
  let text = '';
  let line: number | undefined;
  let plain = 0;
  let bold = 0;
  const flush = () => {
    const clean = oneLine(text).replace(/^[\u3000\s]+/, '');
    if (clean !== '')
      paragraphs.push({ text: clean, ...(line !== undefined && { line }), bold: bold / (bold + plain) });
    text = '';
    line = undefined;
    plain = bold = 0;
  };
  const visit = (node: ElementContent | RootContent, inBold: boolean) => {
    if (node.type === 'text') {
      const letters = node.value.replace(/[\s\u3000]/g, '').length;
      if (line === undefined && letters > 0) line = node.position?.start.line;
      if (inBold) bold += letters;
      else plain += letters;
      text += node.value;
    } else if (node.type === 'element') {
      if (skipped.has(node.tagName)) return;
      const block = blocks.has(node.tagName);
      if (block) flush();
      const strong = inBold || node.tagName === 'b' || node.tagName === 'strong';
      for (const child of node.children) visit(child, strong);
      if (block) flush();
    }
  };
  for (const child of body.children) visit(child, false);
  flush();
  return paragraphs;
}

function walk(node: Root | Element, each: (element: Element) => void): void {
  for (const child of node.children) {
    if (child.type === 'element') {
      each(child);
      walk(child, each);
    }
  }
}

function find(node: Root | Element | undefined, test: (element: Element) => boolean): Element | undefined {
  if (!node) return undefined;
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
}

const byId = (node: Root | Element, id: string) => find(node, (element) => element.properties.id === id);
const hasClass = (element: Element, name: string) =>
  Array.isArray(element.properties.className) && element.properties.className.includes(name);
const byClass = (node: Root | Element, name: string) => find(node, (element) => hasClass(element, name));
const within = (node: Element | undefined, name: string) => (node ? byClass(node, name) : undefined);
const byTag = (node: Root | Element, tag: string) => find(node, (element) => element.tagName === tag);
const byTagWithin = (node: Element | undefined, tag: string) => (node ? byTag(node, tag) : undefined);
const textOf = (element: Element | undefined) => (element ? toText(element) : '');
/** A `<meta name=…>` tag's content; the HTML parser has already decoded its entities. */
const metaContent = (tree: Root, name: string) =>
  attribute(
    find(
      tree,
      (element) => element.tagName === 'meta' && attribute(element, 'name').toLowerCase() === name.toLowerCase(),
    ),
    'content',
  );
const attribute = (element: Element | undefined, name: string) => {
  const value = element?.properties[name];
  return typeof value === 'string' ? value : '';
};
