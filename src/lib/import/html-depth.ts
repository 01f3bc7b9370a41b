import { lineAt } from '../transcript/characters.ts';

/**
 * How deep a saved page's elements may nest. Turning the parsed page into a tree walks it by
 * recursion, which overflows the stack near 1,500 levels (a page of 200,000 nested `<div>` stopped
 * the import with "Maximum call stack size exceeded" and no line); the ministry's pages of
 * 2016–2020 nest at most a dozen deep.
 */
export const MAX_HTML_NESTING = 256;

/**
 * Elements that never hold others, or whose end tag a page may leave out (the parser closes them
 * itself): not counted, so that a page of unclosed `<p>` is not taken for a deep one.
 */
const uncounted = new Set(
  'p li dt dd tr td th option optgroup tbody thead tfoot colgroup rt rp area base br col embed hr img input link meta param source track wbr html head body'.split(
    ' ',
  ),
);

/**
 * The line where `html` first nests past `MAX_HTML_NESTING`, by a linear scan of its tags before
 * any parser sees it; undefined when it does not.
 */
export function tooDeepHtml(html: string): number | undefined {
  let depth = 0;
  // [^<>] rather than [^>]: a tag left open stops at the next "<", so no character is read twice.
  const tag =
    /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[^<>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][\w:-]*)[^<>]*?(\/?)>/gi;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    const name = match[3]?.toLowerCase();
    if (name === undefined || uncounted.has(name) || match[4]) continue;
    depth = match[2] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > MAX_HTML_NESTING) return lineAt(html, match.index);
  }
  return undefined;
}
