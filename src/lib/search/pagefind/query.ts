/**
 * The query as Pagefind's own script hands it to the WebAssembly: lower case, punctuation
 * dropped (quotes included: a quoted query is searched as a phrase) unless `keep` holds it (the
 * bundle's include_characters), diacritics folded. A copy of Pagefind 1.6's `pagefind.js`
 * (README.md: the upgrade checklist).
 */
export function prepareQuery(query: string, keep: ReadonlySet<string>): PreparedQuery {
  let kept = '';
  for (const char of query) {
    if (keep.has(char)) kept += char;
    else if (!/^[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]$/u.test(char)) kept += char.toLocaleLowerCase();
  }
  const words = kept
    .replace(/\s{2,}/g, ' ')
    .trim()
    .split(' ');
  const pairs = words.map((word) => [word, foldDiacritics(word)] as const).filter(([, folded]) => folded.length > 0);
  return {
    term: pairs.map(([, folded]) => folded).join(' '),
    original: pairs.map(([word]) => word).join(' '),
    exact: /^\s*".+"\s*$/.test(query),
  };
}

export interface PreparedQuery {
  /** The words folded, as the index holds them. */
  term: string;
  /** The words as typed (less punctuation). */
  original: string;
  /** Whether the query is one quoted phrase. */
  exact: boolean;
}

/** Pagefind's folding: combining marks dropped, Japanese voicing marks kept. */
function foldDiacritics(text: string): string {
  const stripped = text.normalize('NFD').replace(/(?![\u3099\u309A])\p{M}/gu, '');
  return /[\u3099\u309A]/.test(stripped) ? stripped.normalize('NFC') : stripped;
}
