import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadTranscript } from '../../src/lib/transcript/load.ts';
import { align, OPENING, type Alignment, type Unit } from '../../src/lib/translation/align.ts';
import { unitsOf, type PairInput, type Pair } from '../../src/lib/translation/pair.ts';
import { renderTranscript } from '../../src/plugins/render.ts';
import { projectRoot } from './paths.ts';
import { random } from './random.ts';

/**
 * How well the aligner does, measured two ways on the imported corpus: against alignments checked
 * by hand (tests/fixtures/translation/checked.json: ids only, the texts stay in ../shared), and by
 * ablation (an exchange removed from one side of a pair must come out as one-language-only, with
 * every other exchange still paired as before). Shared by the benchmark and the unit test.
 */

/** One hand-checked pair: each line an English and a Chinese id, or null where that version has none. */
export interface CheckedPair {
  en: string;
  zh: string;
  links: [string | null, string | null][];
}

export const checkedFile = join(projectRoot, 'tests/fixtures/translation/checked.json');

export function checkedPairs(): CheckedPair[] {
  return (JSON.parse(readFileSync(checkedFile, 'utf-8')) as { pairs: CheckedPair[] }).pairs;
}

/** Every transcript of a content folder, as pairing reads it (ids relative to the folder). */
export async function pairInputs(content: string, only?: Set<string>): Promise<PairInput[]> {
  const inputs: PairInput[] = [];
  const names = readdirSync(content, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.md'))
    .sort();
  for (const name of names) {
    const id = name.replace(/\.md$/, '').replaceAll('\\', '/');
    if (only && !only.has(id)) continue;
    const file = join(content, name);
    const { frontmatter, transcript } = await loadTranscript(readFileSync(file, 'utf-8'), file, renderTranscript);
    inputs.push({ id, file, ...frontmatter, transcript });
  }
  return inputs;
}

const key = (en: string | null | undefined, zh: string | null | undefined) => `${en ?? '-'}|${zh ?? '-'}`;

export interface CheckedScore {
  pairs: number;
  /** Checked pairs the pairing found as checked (same two transcripts). */
  pairsFound: number;
  exchanges: number;
  correct: number;
  /** Lines where aligner and checker disagree: `pair: expected → got`. */
  errors: string[];
}

/**
 * Exchanges aligned as checked: an exchange counts as correct when its counterparts (none, one, or
 * the two of a split follow-up) are the checked ones. Opening statements are not exchanges and are
 * left out of the count.
 */
export function scoreChecked(checked: CheckedPair[], pairs: readonly Pair[]): CheckedScore {
  const found = new Map(pairs.map((pair) => [`${pair.en}|${pair.zh}`, pair.alignment]));
  const score: CheckedScore = { pairs: checked.length, pairsFound: 0, exchanges: 0, correct: 0, errors: [] };
  for (const pair of checked) {
    const alignment = found.get(`${pair.en}|${pair.zh}`);
    if (alignment) score.pairsFound += 1;
    const expected = counterparts(pair.links.map(([en, zh]) => ({ en, zh })));
    const got = counterparts(alignment?.links ?? []);
    for (const [exchange, want] of expected) {
      if (exchange.endsWith(':opening')) continue;
      const have = got.get(exchange) ?? 'not paired';
      score.exchanges += 1;
      if (have === want) score.correct += 1;
      else score.errors.push(`${pair.en} ~ ${pair.zh}: ${exchange} checked ${want}, aligned ${have}`);
    }
  }
  return score;
}

/** Each exchange (`en:q3`, `zh:q4`) with its counterparts, as a comparable text (`-` for none). */
function counterparts(
  links: { en?: string | null | undefined; zh?: string | null | undefined }[],
): Map<string, string> {
  const sets = new Map<string, string[]>();
  for (const { en, zh } of links) {
    if (en) sets.set(`en:${en}`, [...(sets.get(`en:${en}`) ?? []), ...(zh ? [zh] : [])]);
    if (zh) sets.set(`zh:${zh}`, [...(sets.get(`zh:${zh}`) ?? []), ...(en ? [en] : [])]);
  }
  return new Map([...sets].map(([exchange, list]) => [exchange, list.length === 0 ? '-' : [...list].sort().join('+')]));
}

export interface Ablation {
  trials: number;
  exact: number;
  /** Removed exchanges marked one-language-only, whatever happened to the others. */
  removedFound: number;
  failures: string[];
}

/**
 * For each pair whose two versions have the same number of exchanges, all aligned one to one:
 * remove one exchange at random from one side, align again, and check the removed one's
 * counterpart is now one-language-only and every other exchange keeps its counterpart.
 */
export function ablate(inputs: PairInput[], pairs: readonly Pair[], seed = 7): Ablation {
  const rand = random(seed);
  const byId = new Map(inputs.map((input) => [input.id, input]));
  const result: Ablation = { trials: 0, exact: 0, removedFound: 0, failures: [] };
  for (const pair of pairs) {
    const en = unitsOf(byId.get(pair.en)!.transcript);
    const zh = unitsOf(byId.get(pair.zh)!.transcript);
    const oneToOne = pair.alignment.links.every((link) => link.en && link.zh);
    if (en.length !== zh.length || !oneToOne || en.filter((unit) => unit.id !== OPENING).length < 2) continue;
    const fromEn = rand() < 0.5;
    const side = fromEn ? en : zh;
    const exchanges = side.filter((unit) => unit.id !== OPENING);
    const removed = exchanges[Math.floor(rand() * exchanges.length)]!;
    const without = (units: Unit[]) => units.filter((unit) => unit !== removed);
    const after: Alignment = align(fromEn ? without(en) : en, fromEn ? zh : without(zh));
    const before = new Set(pair.alignment.links.map((link) => key(link.en, link.zh)));
    const orphan = pair.alignment.links.find((link) => (fromEn ? link.en : link.zh) === removed.id)!;
    const expected = new Set([...before].filter((line) => line !== key(orphan.en, orphan.zh)));
    expected.add(fromEn ? key(null, orphan.zh) : key(orphan.en, null));
    const got = new Set(after.links.map((link) => key(link.en, link.zh)));
    result.trials += 1;
    if (got.has(fromEn ? key(null, orphan.zh) : key(orphan.en, null))) result.removedFound += 1;
    if (got.size === expected.size && [...expected].every((line) => got.has(line))) result.exact += 1;
    else result.failures.push(`${pair.en} ~ ${pair.zh}: removed ${fromEn ? 'en' : 'zh'} ${removed.id}`);
  }
  return result;
}
