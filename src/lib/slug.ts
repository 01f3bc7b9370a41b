/**
 * A URL slug for a name: lower-case letters and digits of any script, words joined by "-".
 * A name of punctuation alone ("—") has no letters to make a slug of: its code points do, so no
 * name is left without an address.
 */
export function slugOf(name: string): string {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/[^\p{L}\p{N}-]/gu, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  return slug !== '' ? slug : `p-${[...name.trim()].map((char) => char.codePointAt(0)!.toString(36)).join('-')}`;
}
