/**
 * How deep a transcript's Markdown may nest quotes and lists. The Markdown tools walk the tree by
 * recursion: 3,000 nested `> ` or 1,000 nested lists overflow the stack, and the error then names
 * no line. No transcript comes near this: the ministry's deepest is a list inside an answer.
 */
export const MAX_NESTING = 32;

// A line's leading quote markers, list markers and indentation: each opens a level.
const quote = /^[ \t]{0,3}>[ \t]?/;
const listMarker = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;

/**
 * The first line of `body` that nests deeper than `MAX_NESTING`, with its depth: each `>`, each
 * list marker and each two columns of indentation before them count a level, so that a reply at
 * any depth is found before the parser sees it.
 */
export function tooDeep(body: string): { line: number; depth: number } | undefined {
  const lines = body.split('\n');
  for (const [i, text] of lines.entries()) {
    let rest = text;
    let depth = 0;
    for (;;) {
      const indent = /^[ \t]*/.exec(rest)![0];
      const columns = [...indent].reduce((sum, char) => sum + (char === '\t' ? 4 : 1), 0);
      const marker = quote.exec(rest) ?? listMarker.exec(rest);
      if (!marker) {
        depth += Math.floor(columns / 2);
        break;
      }
      depth += 1 + Math.floor(columns / 2);
      rest = rest.slice(marker[0].length);
      if (depth > MAX_NESTING) break;
    }
    if (depth > MAX_NESTING) return { line: i + 1, depth };
  }
  return undefined;
}
