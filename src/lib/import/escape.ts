/**
 * Escapes a paragraph of source text so Markdown shows it as the text it is: `*`, `_`, `[`, `<`,
 * `&` and the rest stay characters, and nothing at the start of the line opens a heading, a list,
 * a quote or a code block. The speaker label that opens a paragraph has no such characters, so the
 * remark plugin still reads it.
 */
export function escapeMarkdown(text: string): string {
  // GFM links bare URLs as they stand, backslashes included: a URL is left as it is.
  const inline = text
    .split(/((?:https?:\/\/|www\.)[^\s<>]*)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\\`*_[\]<>&|~]/g, (char) => `\\${char}`)))
    .join('');
  return inline
    .replace(/^(#{1,6})(?=\s|$)/, (hashes) => hashes.replace(/#/g, '\\#'))
    .replace(/^([-+])(?=\s|$)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^(=+|-+)$/, (run) => run.replace(/[=-]/g, (char) => `\\${char}`));
}

/**
 * A paragraph whose opening reads like a speaker label ("First: …", "首先：…") but is text: its
 * first colon written so that the site reads no label (labels.ts: escapesLabel), `\:` for a colon
 * and a character reference for a full-width one, which Markdown cannot escape. Applied to Markdown
 * already escaped by escapeMarkdown.
 */
export function escapeLabelColon(markdown: string): string {
  return markdown.replace(/[:：]/, (colon) => (colon === ':' ? '\\:' : '&#65306;'));
}

/** One line of text from a run of whitespace-separated pieces; Markdown would join them anyway. */
export function oneLine(text: string): string {
  return text.replace(/[ \t\r\n\f\v\u00a0]+/g, ' ').trim();
}

/**
 * A message safe to print on a terminal: control characters (which could move the cursor, clear
 * the screen or reorder text) and bidirectional overrides shown as `\u{…}` escapes.
 */
export function printable(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`,
  );
}
