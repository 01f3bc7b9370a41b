/**
 * Chinese search by overlapping character bigrams. Pagefind's own Chinese word splitting differs
 * between the index and the browser (华为 becomes 华|为 on one side only), so neither side splits:
 * every run of Han characters is written as its overlapping pairs, in the index and in the query
 * alike. "华为公司" is indexed as "华为 为公 公司"; the query 华为 becomes the phrase "华为", and
 * 孟晚舟 the phrase "孟晚 晚舟", which only a text holding 孟晚舟 contains.
 *
 * This module is shared by the index build and the browser's search script.
 */
const hanRun = /\p{Script=Han}+/gu;

/** A run of Han characters as its overlapping bigrams; a single character stays itself. */
export function bigrams(run: string): string {
  const chars = [...run];
  if (chars.length < 2) return run;
  const pairs: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) pairs.push(chars[i]! + chars[i + 1]!);
  return pairs.join(' ');
}

/**
 * The separator of bigrams in indexed text: a thin space, which Pagefind splits words on like any
 * space but which the ministry's text never holds, so the text can be read back exactly
 * (`fromBigramText`) and the index's copy serves for excerpts too.
 */
const SEP = '\u2009';
const encodedRun = new RegExp(`${SEP}((?:\\p{Script=Han}{2}${SEP})+)`, 'gu');

/** Text with every Han run of two or more characters written as its bigrams, set off by thin spaces. */
export function toBigramText(text: string): string {
  return text
    .replaceAll(SEP, ' ')
    .replace(hanRun, (run) => ([...run].length < 2 ? run : `${SEP}${bigrams(run).replaceAll(' ', SEP)}${SEP}`));
}

/** The text `toBigramText` was given (thin spaces in it aside). */
export function fromBigramText(encoded: string): string {
  return encoded.replace(encodedRun, (_, pairs: string) => {
    const tokens = pairs
      .split(SEP)
      .filter(Boolean)
      .map((pair) => [...pair]);
    return tokens.map((pair) => pair[0]).join('') + tokens.at(-1)![1]!;
  });
}

export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

/**
 * A reader's query as Pagefind should see it. Quoted phrases stay phrases; every Han run becomes
 * the quoted phrase of its bigrams (a one-character run stays a bare word, which Pagefind matches
 * as the start of a bigram). Latin words pass through, so English stemming and prefixes still work.
 */
export function toPagefindQuery(query: string): string {
  const parts: string[] = [];
  const quoted = /"([^"]*)"?|[^\s"]+/g;
  for (const match of query.matchAll(quoted)) {
    if (match[1] !== undefined) {
      const phrase = match[1]
        .replace(hanRun, (run) => ` ${bigrams(run)} `)
        .trim()
        .replace(/\s+/g, ' ');
      if (phrase) parts.push(`"${phrase}"`);
      continue;
    }
    const word = match[0];
    if (!hasHan(word)) {
      parts.push(word);
      continue;
    }
    for (const piece of word.split(/(\p{Script=Han}+)/u)) {
      if (!piece) continue;
      if (!hasHan(piece)) parts.push(piece);
      else parts.push([...piece].length < 2 ? piece : `"${bigrams(piece)}"`);
    }
  }
  return parts.join(' ');
}
