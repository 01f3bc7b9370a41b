/** Text made safe to place in HTML, in text or in a double-quoted attribute. Shared by the build and the browser. */
const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => escapes[char]!);
}
