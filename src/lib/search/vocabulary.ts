/**
 * "Did you mean": the words the English answers use, to offer the nearest when a query finds
 * nothing (Huwei → Huawei). Built with the site (src/pages/search/words-en.json.ts), fetched by
 * the search page only when a query has no result. No DOM, no Node: shared by both.
 */

/** A word of the vocabulary and how often the answers use it. */
export type VocabularyEntry = [word: string, count: number];

/** Letters only, folded to lower case: how the vocabulary and a query's words are compared. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/\p{L}[\p{L}'’-]*\p{L}|\p{L}/gu) ?? [];
}

/**
 * The words of `texts` used at least `minCount` times, `minLength` letters or more, at most `max`
 * of them, most used first (a tie by the word, so the file is the same for the same texts).
 */
export function vocabularyOf(
  texts: Iterable<string>,
  { minCount = 2, minLength = 4, max = 12_000 }: { minCount?: number; minLength?: number; max?: number } = {},
): VocabularyEntry[] {
  const counts = new Map<string, number>();
  for (const text of texts)
    for (const word of wordsOf(text)) if ([...word].length >= minLength) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts]
    .filter(([, count]) => count >= minCount)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, max);
}

/** Edits (insert, delete, replace, swap two neighbours) from `a` to `b`, or `limit + 1` once beyond `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let before = Array.from({ length: y.length + 1 }, (_, j) => j);
  let previous: number[] = [];
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let value = Math.min(before[j]! + 1, row[j - 1]! + 1, before[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        value = Math.min(value, previous[j - 2]! + 1);
      row.push(value);
      least = Math.min(least, value);
    }
    if (least > limit) return limit + 1;
    previous = before;
    before = row;
  }
  return Math.min(before[y.length]!, limit + 1);
}

/**
 * The query with each word the vocabulary lacks replaced by its nearest (one edit for words of up
 * to five letters, two beyond; the most used among the nearest), or undefined if nothing changed.
 */
export function didYouMean(query: string, vocabulary: readonly VocabularyEntry[]): string | undefined {
  const known = new Set(vocabulary.map(([word]) => word));
  const changed = { words: 0 };
  const corrected = query.replace(/\p{L}[\p{L}'’-]*\p{L}|\p{L}/gu, (typed) => {
    const word = typed.toLowerCase();
    if (known.has(word) || [...word].length < 4) return typed;
    const limit = [...word].length <= 5 ? 1 : 2;
    let best: VocabularyEntry | undefined;
    let bestDistance = limit + 1;
    for (const entry of vocabulary) {
      const distance = editDistance(word, entry[0], limit);
      if (distance < bestDistance || (distance === bestDistance && best && entry[1] > best[1])) {
        best = entry;
        bestDistance = distance;
      }
    }
    if (!best || bestDistance > limit) return typed;
    changed.words++;
    // Written as the reader wrote theirs: capitalised if they capitalised it.
    return /^\p{Lu}/u.test(typed) ? best[0][0]!.toUpperCase() + best[0].slice(1) : best[0];
  });
  return changed.words > 0 ? corrected : undefined;
}
