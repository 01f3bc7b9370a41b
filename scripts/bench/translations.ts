/**
 * npm run bench:translations [-- --content DIR] [--dump N]
 *
 * The benchmark of the issue "The same answer in English and Chinese": the whole shared corpus
 * imported, every transcript paired and aligned as the site does it. Reports pairs found,
 * exchanges aligned and one-language-only, confidence, and accuracy against the hand-checked
 * pairs and by ablation. Writes bench/results/translations.json and translations.md. Not a test.
 *
 * `--dump N` prints N pairs for checking by hand instead (every pair whose counts differ, then
 * others at random): each line an English and a Chinese question opening, side by side.
 */
import type { Lang } from '../../src/schemas/transcript.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { answerText, brief, questionText } from '../../src/lib/transcript/exchange.ts';
import { pairTranscripts, type PairInput } from '../../src/lib/translation/pair.ts';
import { projectRoot } from '../support/paths.ts';
import { ablate, checkedPairs, pairInputs, scoreChecked } from '../support/alignment.ts';
import { importCorpus } from './corpus.ts';
import { random } from '../support/random.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string' },
    dump: { type: 'string' },
    seed: { type: 'string', default: '7' },
  },
});

const { content } = values.content ? { content: values.content } : await importCorpus();
const inputs = await pairInputs(content);
const started = performance.now();
const { pairs } = pairTranscripts(inputs);
const seconds = (performance.now() - started) / 1000;
const byId = new Map(inputs.map((input) => [input.id, input]));

if (values.dump) {
  dump(Number(values.dump));
  process.exit(0);
}

const links = pairs.flatMap((pair) =>
  pair.alignment.links.filter((link) => link.en !== 'opening' && link.zh !== 'opening'),
);
const aligned = links.filter((link) => link.en && link.zh);
const enOnly = links.filter((link) => link.en && !link.zh).length;
const zhOnly = links.filter((link) => link.zh && !link.en).length;
const mean = (list: number[]) => (list.length === 0 ? 0 : list.reduce((sum, x) => sum + x, 0) / list.length);
const count = (lang: Lang) => inputs.filter((input) => input.lang === lang).length;
const differing = pairs.filter(
  (pair) => byId.get(pair.en)!.transcript.exchanges.length !== byId.get(pair.zh)!.transcript.exchanges.length,
).length;
const unpairedEnglish: string[] = inputs
  .filter((input) => input.lang === 'en' && !pairs.some((pair) => pair.en === input.id))
  .map((input) => input.id);
/** Exchanges matched with two or three of the other version: a follow-up one version asks on its own. */
const splitFollowUps = pairs.reduce((sum, pair) => {
  const seen = new Map<string, number>();
  for (const link of pair.alignment.links) {
    if (!link.en || !link.zh) continue;
    seen.set(`en:${link.en}`, (seen.get(`en:${link.en}`) ?? 0) + 1);
    seen.set(`zh:${link.zh}`, (seen.get(`zh:${link.zh}`) ?? 0) + 1);
  }
  return sum + [...seen.values()].filter((n) => n > 1).length;
}, 0);
const checked = scoreChecked(checkedPairs(), pairs);
const ablation = ablate(inputs, pairs, Number(values.seed));
const pct = (a: number, b: number) => Math.round((1000 * a) / Math.max(b, 1)) / 10;

const results = {
  date: new Date().toISOString(),
  transcripts: { en: count('en'), zh: count('zh') },
  pairs: pairs.length,
  englishPaired: pct(pairs.length, count('en')),
  pairsWithDifferentCounts: differing,
  unpairedEnglish,
  splitFollowUps,
  exchanges: { aligned: aligned.length, englishOnly: enOnly, chineseOnly: zhOnly },
  confidence: {
    meanAligned: Math.round(mean(aligned.map((link) => link.confidence)) * 1000) / 1000,
    meanOneLanguage:
      Math.round(mean(links.filter((link) => !link.en || !link.zh).map((link) => link.confidence)) * 1000) / 1000,
    uncertainAligned: aligned.filter((link) => link.confidence < 0.5).length,
  },
  pairingSeconds: Math.round(seconds * 10) / 10,
  checked: { ...checked, accuracy: pct(checked.correct, checked.exchanges) },
  ablation: {
    ...ablation,
    exactRate: pct(ablation.exact, ablation.trials),
    removedRate: pct(ablation.removedFound, ablation.trials),
  },
};

const out = join(projectRoot, 'bench/results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'translations.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(out, 'translations.md'), report());
console.log(report());

function report(): string {
  const r = results;
  return `# Translations: pairing and alignment, measured

Run ${r.date.slice(0, 10)} on the whole shared corpus imported (${r.transcripts.en} English, ${r.transcripts.zh} Chinese transcripts), paired and aligned as the site does it (\`src/lib/translation/\`). Made by \`npm run bench:translations\`.

| | |
| --- | --- |
| pairs found | ${r.pairs} (${r.englishPaired}% of English transcripts) |
| English transcripts without a pair | ${r.unpairedEnglish.length}${r.unpairedEnglish.length > 0 ? ` (${r.unpairedEnglish.join(', ')})` : ''} |
| pairs whose exchange counts differ | ${r.pairsWithDifferentCounts} |
| exchanges one version splits in two or three (a follow-up asked on its own) | ${r.splitFollowUps} |
| exchanges aligned (pairs of exchanges) | ${r.exchanges.aligned} |
| exchanges in English only | ${r.exchanges.englishOnly} |
| exchanges in Chinese only | ${r.exchanges.chineseOnly} |
| mean confidence, aligned exchanges | ${r.confidence.meanAligned} |
| mean confidence, one-language exchanges | ${r.exchanges.englishOnly + r.exchanges.chineseOnly > 0 ? r.confidence.meanOneLanguage : '— (none)'} |
| aligned with confidence below 0.5 (shown as uncertain) | ${r.confidence.uncertainAligned} |
| pairing and aligning the whole corpus | ${r.pairingSeconds} s |

## Accuracy

**Hand-checked sample** (\`tests/fixtures/translation/checked.json\`: ${r.checked.pairs} pairs, every pair whose counts differ among them; ids only): ${r.checked.correct} of ${r.checked.exchanges} exchanges aligned as checked, **${r.checked.accuracy}%** (target ≥ 98%); ${r.checked.pairsFound} of ${r.checked.pairs} pairs found as checked.
${r.checked.errors.map((error) => `- ${error}`).join('\n')}

**Ablation** (one exchange removed at random from one side of each pair with equal counts aligned one to one, seed ${values.seed}): ${r.ablation.exact} of ${r.ablation.trials} found exactly, **${r.ablation.exactRate}%** (target ≥ 95%): the removed exchange's counterpart marked one-language-only and every other exchange still with its counterpart. The removed one alone was found in ${r.ablation.removedRate}%.
${r.ablation.failures.map((failure) => `- ${failure}`).join('\n')}
`;
}

function dump(n: number): void {
  const rand = random(Number(values.seed));
  const differ = (pair: (typeof pairs)[number]) =>
    pair.alignment.links.some((link) => !link.en || !link.zh) ||
    byId.get(pair.en)!.transcript.exchanges.length !== byId.get(pair.zh)!.transcript.exchanges.length;
  const chosen = pairs.filter(differ);
  const rest = pairs.filter((pair) => !differ(pair));
  while (chosen.length < n && rest.length > 0) chosen.push(rest.splice(Math.floor(rand() * rest.length), 1)[0]!);
  const line = (input: PairInput | undefined, id: string | undefined, max: number) => {
    if (!input || !id) return '—';
    if (id === 'opening') return `[opening] ${brief(input.transcript.opening?.text ?? '', max)}`;
    const exchange = input.transcript.exchanges.find((each) => each.id === id)!;
    return `${brief(questionText(exchange), max)} ‖ ${brief(answerText(exchange), max / 2)}`;
  };
  for (const pair of chosen) {
    console.log(`\n## ${pair.en} ~ ${pair.zh}`);
    for (const link of pair.alignment.links) {
      console.log(
        `${link.en ?? '-'}:${link.zh ?? '-'} @${link.confidence}  ${line(byId.get(pair.en), link.en, 70)}  ⟷  ${line(byId.get(pair.zh), link.zh, 30)}`,
      );
    }
  }
}
