import type { Nodes, Parents, Root, RootContent } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';

/**
 * Makes a transcript's Markdown tree safe to publish. A transcript is text the ministry wrote; any
 * HTML in it is shown as the text it is (Astro would otherwise pass it through live, `<script>`
 * included), links whose scheme is not http(s) or mailto keep their text but lose the link, and
 * images become links to the image ("[image: description]"), never a request to another host.
 */
export function makeSafe(tree: Root): void {
  visit(tree, (node, index, parent) => {
    if (parent === undefined || index === undefined) return;
    if (node.type === 'html') {
      const text = { type: 'text', value: node.value, position: node.position } as const;
      // An HTML block stands where a paragraph would: it becomes one, so it reads as one.
      const flow = parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem';
      (parent.children as RootContent[])[index] = flow
        ? { type: 'paragraph', children: [text], position: node.position }
        : text;
      return SKIP;
    }
    if ((node.type === 'link' || node.type === 'definition') && !isSafeUrl(node.url)) {
      replaceWithChildren(parent, index, node);
      return [SKIP, index];
    }
    if (node.type === 'image' || node.type === 'imageReference') {
      // A picture in a transcript would be a request to whatever host it names, on every reader's
      // visit (and the site's Content-Security-Policy allows none): it becomes a link to the
      // picture, named by its description, which the reader may follow.
      const alt = node.alt?.trim();
      const text = { type: 'text', value: alt ? `[image: ${alt}]` : '[image]', position: node.position } as const;
      if (node.type === 'image' && isSafeUrl(node.url)) {
        (parent.children as RootContent[])[index] = {
          type: 'link',
          url: node.url,
          ...(node.title ? { title: node.title } : {}),
          children: [text],
          position: node.position,
        };
      } else if (node.type === 'imageReference') {
        (parent.children as RootContent[])[index] = {
          type: 'linkReference',
          identifier: node.identifier,
          label: node.label,
          referenceType: node.referenceType,
          children: [text],
          position: node.position,
        };
      } else {
        (parent.children as RootContent[])[index] = text;
      }
      return SKIP;
    }
    return undefined;
  });
}

function replaceWithChildren(parent: Parents, index: number, node: Nodes): void {
  const children = 'children' in node ? node.children : [];
  (parent.children as RootContent[]).splice(index, 1, ...children);
}

/** Relative URLs, fragments, http(s) and mailto. Browsers ignore control characters and spaces in a scheme. */
export function isSafeUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  return scheme === null || ['http', 'https', 'mailto'].includes(scheme[1]!.toLowerCase());
}
