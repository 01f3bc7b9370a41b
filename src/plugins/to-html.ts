import type { RootContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'mdast-util-to-string';

/**
 * HTML and plain text of a run of Markdown blocks. Raw HTML was turned into text beforehand
 * (`makeSafe`), and `toHast` drops any that is left: nothing here becomes live markup.
 */
export function renderBlocks(blocks: RootContent[]): { html: string; text: string } {
  const hast = toHast({ type: 'root', children: blocks });
  return {
    html: toHtml(hast),
    text: blocks
      .map((block) => toString(block))
      .filter((text) => text.trim() !== '')
      .join('\n\n'),
  };
}
