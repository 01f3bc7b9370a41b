import type { Element, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import type { Definition, FootnoteDefinition, Nodes, RootContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';

/** Link and footnote definitions of a whole transcript, which any of its turns may use. */
export interface Definitions {
  links: Definition[];
  footnotes: FootnoteDefinition[];
}

/**
 * HTML and plain text of a run of Markdown blocks (a turn, or the opening statements). Raw HTML
 * was turned into text beforehand (`makeSafe`), and `toHast` drops any that is left: nothing here
 * becomes live markup.
 *
 * The text is read from the HTML as a browser lays it out (hast-util-to-text: the `innerText`
 * rules), so that list items, table cells and hard breaks stay apart ("point one\npoint two", not
 * "point onepoint two") in what search, previews, cards and citations quote.
 *
 * A reference link may be defined anywhere in the transcript; a footnote's text is rendered at the
 * end of the turn that cites it (and is part of its text), its ids prefixed by `prefix` so that
 * the notes of several turns on one page never share an id.
 */
export function renderBlocks(
  blocks: RootContent[],
  definitions: Definitions = { links: [], footnotes: [] },
  prefix = '',
): { html: string; text: string } {
  const cited = new Set<string>();
  for (const block of blocks) {
    visit(block as Nodes, 'footnoteReference', (node) => {
      cited.add(node.identifier);
    });
  }
  const notes = definitions.footnotes.filter((note) => cited.has(note.identifier));
  const hast = toHast(
    { type: 'root', children: [...blocks, ...definitions.links, ...notes] },
    {
      clobberPrefix: `${prefix}fn-`,
      footnoteLabelProperties: { className: ['visually-hidden'] },
      footnoteLabelTagName: 'p',
    },
  ) as HastRoot;
  // mdast-util-to-hast names every notes heading "footnote-label": one per turn, so prefix it too.
  visit(hast, 'element', (node: Element) => {
    if (node.properties.id === 'footnote-label') node.properties.id = `${prefix}footnote-label`;
    if (Array.isArray(node.properties.ariaDescribedBy))
      node.properties.ariaDescribedBy = node.properties.ariaDescribedBy.map((id) =>
        id === 'footnote-label' ? `${prefix}footnote-label` : id,
      );
  });
  return { html: toHtml(hast), text: plainText(hast) };
}

/** The text of the HTML: blocks on lines of their own, paragraphs apart, runs of spaces as one. */
export function plainText(hast: HastRoot): string {
  // A note's number, its back-link ("↩") and the notes' hidden heading are navigation, not the
  // ministry's words; the note's text is.
  const tree = structuredClone(hast);
  visit(tree, 'element', (node: Element, index, parent) => {
    const link =
      node.tagName === 'a' && ('dataFootnoteBackref' in node.properties || 'dataFootnoteRef' in node.properties);
    const id = node.properties.id;
    const label = typeof id === 'string' && id.endsWith('footnote-label');
    if ((link || label) && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
  return toText(tree)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
