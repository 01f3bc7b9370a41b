import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Lang } from '../../schemas/transcript.ts';
import { ImportError, type Draft, type SourceParagraph } from './draft.ts';
import { addMissingLabels } from './missing-labels.ts';
import { oneLine } from './escape.ts';
import { isChinese } from './lang.ts';
import { readTitle } from './title.ts';

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
 * (rehype) and read by structure: the article body is `#News_Body_Txt_A` (Chinese pages) or the
 * `.content` of `.content_mod` (English pages), the title `#News_Body_Title` or `.content_mod
 * .title`, the date `#News_Body_Time`, the title's date, or the title's day with the year of the
 * page's own image files. The original's URL is `source` (from an index of saved pages) or the
 * page's canonical link. A page without a recognisable body is an error, never an empty transcript.
 */
export function readMinistryPage(html: string, input: string, source?: string): Draft {
  const tree = parser.parse(html);
  const body =
    byId(tree, 'News_Body_Txt_A') ?? within(byClass(tree, 'content_mod'), 'content') ?? byClass(tree, 'content');
  if (!body) {
    throw new ImportError(
      input,
      'no transcript found: the page has neither #News_Body_Txt_A nor a .content block. Is it a ministry transcript page?',
    );
  }
  const title = pageTitle(tree);
  if (!title) throw new ImportError(input, 'no title found (#News_Body_Title, .content_mod .title or <title>).');
  const paragraphs = paragraphsOf(body);
  if (paragraphs.length === 0) throw new ImportError(input, 'the transcript block of the page is empty.');
  const lang: Lang = isChinese(
    title +
      paragraphs
        .slice(0, 5)
        .map((p) => p.text)
        .join(''),
  )
    ? 'zh'
    : 'en';
  const facts = readTitle(title, lang);
  const warnings: string[] = addMissingLabels(paragraphs, lang, facts.spokesperson, input);
  const pageDate = /^\d{4}-\d{2}-\d{2}/.exec(textOf(byId(tree, 'News_Body_Time')))?.[0];
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
  source ??= canonicalUrl(tree);
  const docId = /\/(t\d+)\.s?html?$/.exec(source ?? '')?.[1] ?? /(t\d+)\.s?html?$/.exec(input)?.[1];
  return {
    input,
    title,
    ...(date && { date }),
    ...(dateNote && { dateNote }),
    ...(facts.spokesperson && { spokesperson: facts.spokesperson }),
    kind: facts.kind ?? 'remarks',
    lang,
    ...(source && { source }),
    paragraphs,
    ...(docId && { docId }),
    warnings: facts.kind ? warnings : [...warnings, `${input}: the title names no kind; imported as "remarks".`],
  };
}

/** The address a saved page declares for itself, if any. */
function canonicalUrl(tree: Root): string | undefined {
  const link = find(
    tree,
    (element) => element.tagName === 'link' && String(element.properties.rel ?? '').includes('canonical'),
  );
  const meta = find(tree, (element) => element.tagName === 'meta' && element.properties.property === 'og:url');
  const url = attribute(link, 'href') || attribute(meta, 'content');
  return /^https?:\/\//.test(url) ? url : undefined;
}

function pageTitle(tree: Root): string | undefined {
  const element = byId(tree, 'News_Body_Title') ?? within(byClass(tree, 'content_mod'), 'title');
  const text = oneLine(textOf(element));
  if (text) return text;
  const head = oneLine(textOf(byTag(tree, 'title')));
  return head.replace(/\s*[—–-]\s*(中华人民共和国外交部|Ministry of Foreign Affairs.*)$/, '') || undefined;
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
const textOf = (element: Element | undefined) => (element ? toText(element) : '');
const attribute = (element: Element | undefined, name: string) => {
  const value = element?.properties[name];
  return typeof value === 'string' ? value : '';
};
