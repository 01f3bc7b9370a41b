/**
 * Characters no published text may hold: control characters other than tab, line feed and
 * carriage return (C0, DEL, C1), and the non-characters U+FFFE and U+FFFF. XML 1.0 forbids most of
 * them outright, so one of them in a title or answer makes every feed that lists it unreadable to
 * a strict parser (feed readers drop the whole feed); the rest show as nothing or as boxes. A
 * ministry page saved with `&#8;` or a stray BEL brings them in: the importer removes them, the
 * loader refuses them.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const unsafe = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;

/** The first unsafe character of `text`: its offset and its code point as `U+0008`. */
export function firstUnsafeCharacter(text: string): { offset: number; code: string } | undefined {
  unsafe.lastIndex = 0;
  const match = unsafe.exec(text);
  if (!match) return undefined;
  return { offset: match.index, code: codeOf(match[0]) };
}

/** `text` without unsafe characters, and what was removed (`U+0008` for each, in order). */
export function withoutUnsafeCharacters(text: string): { text: string; removed: string[] } {
  const removed: string[] = [];
  const clean = text.replace(unsafe, (char) => {
    removed.push(codeOf(char));
    return '';
  });
  return { text: clean, removed };
}

/** `text` as XML 1.0 can carry it: unsafe characters removed, and lone surrogate halves too. */
export function xmlText(text: string): string {
  return text
    .replace(unsafe, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}

function codeOf(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
