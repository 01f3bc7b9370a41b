import type { Element, ElementContent, Root, Text } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

/**
 * Links names to their entity's page where they stand in an answer's rendered HTML: the first
 * place each is written, as the finder read it, wrapped in a link; the markup around it (a
 * sentence said before, emphasis) is left as it was. A name split by markup is left unlinked
 * rather than guessed at.
 */
export interface NameLink {
  href: string;
  /** The name as the text writes it. */
  name: string;
}

const parser = unified().use(rehypeParse, { fragment: true });
const letter = /[\p{L}\p{N}]/u;

/** Each turn's HTML with the links' names linked, each once, in turn order; `undefined` where a turn is unchanged. */
export function linkNames(
  htmls: readonly string[],
  links: readonly NameLink[],
  latin: boolean,
): (string | undefined)[] {
  const pending = [...links];
  return htmls.map((html) => {
    if (pending.length === 0) return undefined;
    const tree = parser.parse(html);
    const state = { changed: false };
    const visit = (node: Root | Element) => {
      node.children = (node.children as ElementContent[]).flatMap((child): ElementContent[] => {
        if (child.type === 'element') {
          if (child.tagName !== 'a') visit(child);
          return [child];
        }
        if (child.type !== 'text' || pending.length === 0) return [child];
        const pieces = split(child, pending, latin);
        if (pieces.length > 1) state.changed = true;
        return pieces;
      });
    };
    visit(tree);
    return state.changed ? toHtml(tree) : undefined;
  });
}

/** A text node cut where pending names occur (the earliest first), each found name taken off the list. */
function split(node: Text, pending: NameLink[], latin: boolean): ElementContent[] {
  const pieces: ElementContent[] = [];
  let rest = node.value;
  for (;;) {
    let best: { at: number; link: NameLink } | undefined;
    for (const link of pending) {
      const at = find(rest, link.name, latin);
      if (at >= 0 && (!best || at < best.at || (at === best.at && link.name.length > best.link.name.length))) {
        best = { at, link };
      }
    }
    if (!best) break;
    const { at, link } = best;
    if (at > 0) pieces.push({ type: 'text', value: rest.slice(0, at) });
    pieces.push({
      type: 'element',
      tagName: 'a',
      properties: { href: link.href, className: ['entity'] },
      children: [{ type: 'text', value: link.name }],
    });
    rest = rest.slice(at + link.name.length);
    pending.splice(pending.indexOf(link), 1);
  }
  if (rest !== '') pieces.push({ type: 'text', value: rest });
  return pieces;
}

/** Where a name is written in a text: as a whole word in English (not "US" in "USB"), anywhere in Chinese. */
function find(text: string, name: string, latin: boolean): number {
  let at = text.indexOf(name);
  while (latin && at >= 0) {
    const before = text[at - 1];
    const after = text[at + name.length];
    if (!(before && letter.test(before)) && !(after && letter.test(after))) return at;
    at = text.indexOf(name, at + 1);
  }
  return at;
}
