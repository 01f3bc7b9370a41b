import type { Element, ElementContent, Root, Text } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Lang } from '../../schemas/transcript.ts';
import { answerText } from '../transcript/exchange.ts';
import type { Exchange } from '../transcript/model.ts';
import { sentencesOf } from './sentences.ts';

/**
 * Marks sentences where they stand in an answer's rendered HTML: each marked sentence's text is
 * wrapped in a `<span>` (several where it crosses a link or emphasis), the markup around it left
 * as it was. The sentences are found again in each paragraph by the same splitter the tracer
 * used, and matched in order by their keys with the sentences of the answer's text, so a
 * footnote or a list item the two read differently never shifts a mark onto the wrong sentence.
 */
export interface SentenceStyle {
  className: string;
  title?: string;
}

const parser = unified().use(rehypeParse, { fragment: true });

const BLOCKS = new Set([
  'p',
  'li',
  'td',
  'th',
  'dt',
  'dd',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'figcaption',
  'blockquote',
]);

/** How far ahead a paragraph's sentence is looked for among the answer's, past ones it lacks. */
const LOOK_AHEAD = 8;

/** The HTML of each of the exchange's turns, answers' sentences marked by their position (`at`). */
export function markTurns(exchange: Exchange, lang: Lang, styles: ReadonlyMap<number, SentenceStyle>): string[] {
  if (styles.size === 0) return exchange.turns.map((turn) => turn.html);
  const expected = sentencesOf(answerText(exchange), lang).map((sentence) => sentence.key);
  let next = 0;
  return exchange.turns.map((turn) => {
    if (turn.role !== 'answer') return turn.html;
    const tree = parser.parse(turn.html);
    const cuts = new Map<Text, { start: number; end: number; style: SentenceStyle }[]>();
    for (const block of blocksOf(tree)) {
      const texts = textsOf(block);
      const text = texts.map((node) => node.value).join('');
      for (const sentence of sentencesOf(text, lang)) {
        const found = expected.indexOf(sentence.key, next);
        if (found < 0 || found > next + LOOK_AHEAD) continue;
        next = found + 1;
        const style = styles.get(found);
        if (!style) continue;
        let offset = 0;
        for (const node of texts) {
          const from = Math.max(sentence.start - offset, 0);
          const to = Math.min(sentence.end - offset, node.value.length);
          if (from < to) cuts.set(node, [...(cuts.get(node) ?? []), { start: from, end: to, style }]);
          offset += node.value.length;
        }
      }
    }
    if (cuts.size === 0) return turn.html;
    wrap(tree, cuts);
    return toHtml(tree);
  });
}

/** The innermost blocks holding text: a list item's paragraphs, not the item around them. */
function blocksOf(node: Root | Element): Element[] {
  const found: Element[] = [];
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const inner = blocksOf(child);
    if (inner.length > 0) found.push(...inner);
    else if (BLOCKS.has(child.tagName)) found.push(child);
  }
  return found;
}

function textsOf(node: Element): Text[] {
  return node.children.flatMap((child) =>
    child.type === 'text' ? [child] : child.type === 'element' && !BLOCKS.has(child.tagName) ? textsOf(child) : [],
  );
}

function wrap(node: Root | Element, cuts: Map<Text, { start: number; end: number; style: SentenceStyle }[]>): void {
  node.children = (node.children as ElementContent[]).flatMap((child): ElementContent[] => {
    if (child.type === 'element') {
      wrap(child, cuts);
      return [child];
    }
    const ranges = child.type === 'text' ? cuts.get(child) : undefined;
    if (!ranges || child.type !== 'text') return [child];
    const pieces: ElementContent[] = [];
    let at = 0;
    for (const { start, end, style } of ranges.sort((a, b) => a.start - b.start)) {
      if (start > at) pieces.push({ type: 'text', value: child.value.slice(at, start) });
      pieces.push({
        type: 'element',
        tagName: 'span',
        properties: { className: [style.className], ...(style.title && { title: style.title }) },
        children: [{ type: 'text', value: child.value.slice(start, end) }],
      });
      at = end;
    }
    if (at < child.value.length) pieces.push({ type: 'text', value: child.value.slice(at) });
    return pieces;
  });
}
