import { headWord } from './patterns.ts';

/**
 * English acronyms the texts spell out as something other than a body: "Code of Conduct in the
 * South China Sea (COC)", "Air Defense Identification Zone (ADIZ)", "China International Import
 * Expo (CIIE)". Three capitals name a document, a zone or an event as often as an organisation,
 * and the aligned translations pair them with whatever goes with them (COC and 准则), so the
 * spelling the ministry itself gives decides: an acronym spelled out with a body's head word
 * ("Financial Action Task Force" has none, "East Turkistan Islamic Movement" has) is left to the
 * finder; one spelled out without is no entity. One never spelled out is left to the finder too.
 */
export function notBodies(texts: Iterable<string>): Set<string> {
  const bodies = new Set<string>();
  const others = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(spelledBefore)) {
      const spelled = expansion(match[1]!, match[2]!);
      if (spelled !== undefined) (headWord.test(spelled) ? bodies : others).add(match[2]!);
    }
  }
  // Spelled out once as a body and once as something else: the body's name stands.
  return new Set([...others].filter((name) => !bodies.has(name)));
}

/** A run of capitalised words and the small words a name keeps, then the acronym in brackets. */
const spelledBefore =
  /((?:[\p{Lu}][\p{L}'’-]*|of|the|and|for|on|in|to)(?: (?:[\p{Lu}][\p{L}'’-]*|of|the|and|for|on|in|to)){0,11}) \(([A-Z]{3,6})\)/gu;

/**
 * The shortest tail of `run` whose words' first letters hold the acronym's in order, from its
 * first word: "Meeting of States Parties to the Biological Weapons Convention" for BWC is
 * "Biological Weapons Convention"; "Code of Conduct in the South China Sea" for COC keeps its "of".
 */
export function expansion(run: string, acronym: string): string | undefined {
  const words = run.split(' ');
  for (let start = words.length - 1; start >= 0; start--) {
    const first = words[start]!;
    if (!/^[\p{Lu}]/u.test(first) || first[0] !== acronym[0]) continue;
    // Each word, and each part of a hyphenated one (Lancang-Mekong), may give the next letter.
    const initials = words
      .slice(start)
      .flatMap((word) => word.split('-'))
      .map((part) => part[0]?.toUpperCase() ?? '');
    let at = 0;
    for (const initial of initials) if (at < acronym.length && initial === acronym[at]) at++;
    if (at === acronym.length) return words.slice(start).join(' ');
  }
  return undefined;
}
