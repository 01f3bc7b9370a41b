/**
 * npm run bench:formulas [-- --content DIR] [--tenx] [--build] [--tenx-build] [--cards] [--dump precision|recall]
 *
 * The benchmark of the issue "Said before": every answer of the shared corpus imported (or of
 * `--content`), traced as the site traces it (src/lib/formulas/), counterparts from the same
 * alignment as the site's. Reports what was found per language, the most used formulas checked
 * against a phrase search of the answers, the time and memory of the tracing at 1x (and at 10x
 * with `--tenx`: the synthetic archive of scripts/bench/synthetic.ts), and precision and recall against the
 * hand-checked samples in tests/fixtures/formulas/checked.json (ids only: the texts stay in
 * ../shared). With `--build`, it also builds the site from the content (share cards skipped), the
 * tracing's share of the build read from the build's log, then adds today's transcript (the
 * newest Chinese one again, a day later: every sentence said before, the most a new transcript
 * can touch) and counts the files a deploy uploads. Writes bench/results/formulas.json and
 * formulas.md. `--tenx-build` does the same on the synthetic 10x archive. `--cards` builds the 1x
 * site once more with its share cards drawn, for the size a host holds (the budget is the whole
 * site's). Not a test.
 *
 * `--dump precision` prints the precision sample for checking by hand: each followed sentence
 * said before beside the first wording of its formula. `--dump recall` prints, for the recall
 * sample's sentences the tracer calls new, the earlier sentences a loose search finds like them.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build, RECURRING, type FormulaArchive, type Use } from '../../src/lib/formulas/archive.ts';
import { keyOf, sentencesOf, traceable } from '../../src/lib/formulas/sentences.ts';
import type { Remark } from '../../src/lib/remarks.ts';
import { answerText } from '../../src/lib/transcript/exchange.ts';
import type { Exchange } from '../../src/lib/transcript/model.ts';
import { pairTranscripts, type PairInput } from '../../src/lib/translation/pair.ts';
import type { Lang } from '../../src/schemas/transcript.ts';
import { pairInputs } from '../support/alignment.ts';
import { BUILD_NODE_ARGS } from '../support/build.ts';
import { diffTrees } from '../support/inventory.ts';
import { projectRoot } from '../support/paths.ts';
import { random } from '../support/random.ts';
import { importCorpus } from './corpus.ts';
import { folderSize, measure } from './measure.ts';
import { syntheticArchive } from './synthetic.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string' },
    tenx: { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    'tenx-build': { type: 'boolean', default: false },
    cards: { type: 'boolean', default: false },
    dump: { type: 'string' },
  },
});

const SAMPLE_SEED = 32;
const checkedFile = join(projectRoot, 'tests/fixtures/formulas/checked.json');

interface Checked {
  /** Followed sentences said before: is each the same formula as its formula's first wording? */
  precision: Record<Lang, { answer: string; at: number; same: boolean }[]>;
  /** Sentences the tracer calls new, beside the earlier sentence most like them: said before after all? */
  recall: Record<Lang, { answer: string; at: number; earlier: string; same: boolean }[]>;
}

const langs = ['en', 'zh'] as const;

interface LangFigures {
  answers: number;
  sentences: number;
  followed: number;
  saidBefore: number;
  saidBeforeShare: number;
  nearExact: number;
  formulasRepeated: number;
  formulasWithPage: number;
  counterparts: number;
  top: {
    wording: string;
    answers: number;
    wordings: number;
    first: string;
    firstBy: string | null;
    last: string;
    phraseSearch: number;
    counterpart: string | null;
  }[];
  precision: { exact: { checked: number; same: number }; near: { checked: number; same: number }; weighted: number };
  recall: { answers: number; found: number; candidatesChecked: number; missed: number; recall: number };
}

/** A content folder's transcripts as the site's archive reads them, and its tracing's cost. */
async function traceFolder(content: string) {
  const inputs = await pairInputs(content);
  const remarks = inputs.map(remarkOf);
  const counterparts = counterpartsOf(inputs, remarks);
  const started = performance.now();
  const archive = build(remarks, (_remark, exchange) => counterparts.get(exchange) ?? []);
  const seconds = (performance.now() - started) / 1000;
  const heapMiB = process.memoryUsage().heapUsed / 2 ** 20;
  return {
    inputs,
    remarks,
    archive,
    seconds,
    heapMiB,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

function remarkOf(input: PairInput): Remark {
  return { id: input.id, data: input } as unknown as Remark;
}

/** Each exchange's counterparts in the other language, from the pairing and alignment the site uses. */
function counterpartsOf(inputs: PairInput[], remarks: Remark[]): Map<Exchange, Use[]> {
  const byId = new Map(remarks.map((remark) => [remark.id, remark]));
  const exchange = (remark: Remark, id: string) => remark.data.transcript.exchanges.find((each) => each.id === id);
  const found = new Map<Exchange, Use[]>();
  for (const pair of pairTranscripts(inputs).pairs) {
    const en = byId.get(pair.en)!;
    const zh = byId.get(pair.zh)!;
    for (const link of pair.alignment.links) {
      if (!link.en || !link.zh || link.en === 'opening' || link.zh === 'opening') continue;
      const a = exchange(en, link.en);
      const b = exchange(zh, link.zh);
      if (!a || !b) continue;
      found.set(a, [...(found.get(a) ?? []), { remark: zh, exchange: b }]);
      found.set(b, [...(found.get(b) ?? []), { remark: en, exchange: a }]);
    }
  }
  return found;
}

const { content } = values.content ? { content: values.content } : await importCorpus();
const one = await traceFolder(content);
const uses = one.remarks
  .slice()
  .sort((a, b) => a.data.date.localeCompare(b.data.date) || a.id.localeCompare(b.id))
  .flatMap((remark) => remark.data.transcript.exchanges.map((exchange) => ({ remark, exchange })));
const answerIdOf = (use: Use) => `${use.remark.id}/${use.exchange.id}`;
const sentenceText = (use: Use, at: number) => {
  const text = answerText(use.exchange);
  const sentence = sentencesOf(text, use.remark.data.lang)[at]!;
  return text.slice(sentence.start, sentence.end);
};

/** The followed sentences of one language, with their marks and whether they are worded as first said. */
function followed(archive: FormulaArchive, lang: Lang) {
  return uses
    .filter((use) => use.remark.data.lang === lang)
    .flatMap((use) => {
      const keys = sentencesOf(answerText(use.exchange), lang).map((sentence) => sentence.key);
      return archive.marks(use.remark, use.exchange).map((mark) => {
        const firstKey = sentencesOf(answerText(mark.first.exchange), lang)[mark.firstAt]!.key;
        return { use, mark, exact: mark.before > 0 && firstKey === keys[mark.at] };
      });
    });
}

function sample<T>(list: T[], n: number, seed: number): T[] {
  const next = random(seed);
  const pool = [...list];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
  return out;
}

/** The precision sample: 100 exact and 100 near-exact sentences said before, per language, each beside where it was first said. */
function precisionSample(lang: Lang) {
  const said = followed(one.archive, lang).filter(({ mark }) => mark.before > 0);
  return [
    ...sample(
      said.filter(({ exact }) => exact),
      100,
      SAMPLE_SEED,
    ),
    ...sample(
      said.filter(({ exact }) => !exact),
      100,
      SAMPLE_SEED + 1,
    ),
  ];
}

/** The recall sample: 100 answers per language with three followed sentences or more, past the archive's first tenth. */
function recallSample(lang: Lang): Use[] {
  const own = uses.filter((use) => use.remark.data.lang === lang);
  const eligible = own
    .slice(Math.floor(own.length / 10))
    .filter((use) => one.archive.marks(use.remark, use.exchange).length >= 3);
  return sample(eligible, 100, SAMPLE_SEED + 2);
}

/**
 * For each sentence of `answers` the tracer calls new, the earlier sentence of the archive most
 * like it by a loose measure (shared character trigrams in Chinese, word pairs in English, 40% or
 * more): the candidates a reader checks for a formula the tracer missed.
 */
function looseCandidates(lang: Lang, answers: Use[]) {
  const shingles = (key: string) => {
    const tokens = lang === 'zh' ? [...key] : key.split(' ');
    const size = lang === 'zh' ? 3 : 2;
    const out = new Set<string>();
    for (let i = 0; i + size <= tokens.length; i++) out.add(tokens.slice(i, i + size).join(' '));
    return out;
  };
  const earlier: { use: Use; at: number; key: string; index: number }[] = [];
  const postings = new Map<string, number[]>();
  const wanted = new Set(answers);
  const out: { use: Use; at: number; earlier: { use: Use; at: number }; score: number }[] = [];
  for (const [index, use] of uses.entries()) {
    if (use.remark.data.lang !== lang) continue;
    const sentences = sentencesOf(answerText(use.exchange), lang);
    if (wanted.has(use)) {
      const marks = new Map(one.archive.marks(use.remark, use.exchange).map((mark) => [mark.at, mark]));
      for (const [at, sentence] of sentences.entries()) {
        if (marks.get(at)?.before !== 0) continue;
        const own = shingles(sentence.key);
        const hits = new Map<number, number>();
        for (const shingle of own) for (const i of postings.get(shingle) ?? []) hits.set(i, (hits.get(i) ?? 0) + 1);
        let best: { i: number; score: number } | undefined;
        for (const [i, shared] of hits) {
          const score = shared / (own.size + shingles(earlier[i]!.key).size - shared);
          if (score >= 0.4 && (!best || score > best.score)) best = { i, score };
        }
        if (best) out.push({ use, at, earlier: earlier[best.i]!, score: best.score });
      }
    }
    for (const [at, sentence] of sentences.entries()) {
      if (!traceable(sentence, lang)) continue;
      const i = earlier.push({ use, at, key: sentence.key, index }) - 1;
      for (const shingle of shingles(sentence.key)) {
        const list = postings.get(shingle);
        if (list) list.push(i);
        else postings.set(shingle, [i]);
      }
    }
  }
  return out;
}

if (values.dump === 'precision') {
  for (const lang of langs) {
    for (const [i, { use, mark, exact }] of precisionSample(lang).entries()) {
      const first = mark.first;
      console.log(
        JSON.stringify({
          i,
          lang,
          exact,
          answer: answerIdOf(use),
          at: mark.at,
          text: sentenceText(use, mark.at),
          first: answerIdOf(first),
          firstText: sentenceText(first, mark.firstAt),
        }),
      );
    }
  }
  process.exit(0);
}
if (values.dump === 'recall') {
  for (const lang of langs) {
    const answers = recallSample(lang);
    for (const candidate of looseCandidates(lang, answers)) {
      console.log(
        JSON.stringify({
          lang,
          answer: answerIdOf(candidate.use),
          at: candidate.at,
          text: sentenceText(candidate.use, candidate.at),
          earlier: `${answerIdOf(candidate.earlier.use)}#${candidate.earlier.at}`,
          earlierText: sentenceText(candidate.earlier.use, candidate.earlier.at),
          score: Math.round(candidate.score * 100) / 100,
        }),
      );
    }
  }
  process.exit(0);
}

const checked = JSON.parse(readFileSync(checkedFile, 'utf-8')) as Checked;
const pct = (a: number, b: number) => Math.round((1000 * a) / Math.max(b, 1)) / 10;

const perLang = Object.fromEntries(
  langs.map((lang) => {
    const all = followed(one.archive, lang);
    const said = all.filter(({ mark }) => mark.before > 0);
    const near = said.filter(({ exact }) => !exact).length;
    const sentences = uses
      .filter((use) => use.remark.data.lang === lang)
      .reduce((sum, use) => sum + sentencesOf(answerText(use.exchange), lang).length, 0);
    const recurring = one.archive.recurring(lang);
    const repeated = one.archive.repeated(lang);
    // A phrase search of the answers, as the site's search for the quoted wording finds it.
    const answerKeys = uses
      .filter((use) => use.remark.data.lang === lang)
      .map((use) => keyOf(answerText(use.exchange), lang));
    const top = recurring.slice(0, 20).map((page) => {
      const phrase = keyOf(page.wordings[0]!.text, lang);
      return {
        wording: page.wordings[0]!.text,
        answers: page.uses.length,
        wordings: page.wordings.length,
        first: page.uses[0]!.remark.data.date,
        firstBy: page.uses[0]!.remark.data.spokesperson ?? null,
        last: page.uses.at(-1)!.remark.data.date,
        phraseSearch: answerKeys.filter((key) => key.includes(phrase)).length,
        counterpart: page.counterpart?.wordings[0]!.text ?? null,
      };
    });
    const precision = checked.precision[lang];
    const exactChecked = precision.slice(0, 100);
    const nearChecked = precision.slice(100);
    const exactShare = (said.length - near) / Math.max(said.length, 1);
    const exactPrecision = exactChecked.filter((c) => c.same).length / Math.max(exactChecked.length, 1);
    const nearPrecision = nearChecked.filter((c) => c.same).length / Math.max(nearChecked.length, 1);
    const recallAnswers = recallSample(lang);
    const foundInSample = recallAnswers.reduce(
      (sum, use) => sum + one.archive.marks(use.remark, use.exchange).filter((mark) => mark.before > 0).length,
      0,
    );
    const missed = checked.recall[lang].filter((c) => c.same).length;
    return [
      lang,
      {
        answers: uses.filter((use) => use.remark.data.lang === lang).length,
        sentences,
        followed: all.length,
        saidBefore: said.length,
        saidBeforeShare: pct(said.length, all.length),
        nearExact: near,
        formulasRepeated: repeated.length,
        formulasWithPage: recurring.length,
        counterparts: recurring.filter((page) => page.counterpart).length,
        top,
        precision: {
          exact: { checked: exactChecked.length, same: exactChecked.filter((c) => c.same).length },
          near: { checked: nearChecked.length, same: nearChecked.filter((c) => c.same).length },
          /** Weighted by how many of the sentences said before are exact and near. */
          weighted: pct(exactShare * exactPrecision + (1 - exactShare) * nearPrecision, 1),
        },
        recall: {
          answers: recallAnswers.length,
          found: foundInSample,
          candidatesChecked: checked.recall[lang].length,
          missed,
          recall: pct(foundInSample, foundInSample + missed),
        },
      },
    ];
  }),
) as Record<Lang, LangFigures>;

const tenx = values.tenx ? await traceTenfold(content) : undefined;
const built = values.build ? await buildAndAddOne(content) : undefined;
const builtTenfold = values['tenx-build'] ? await buildTenfold(content) : undefined;
const withCards = values.cards ? await sizeWithCards(content) : undefined;

/** `astro build` of a content folder as `npm run build` runs it, measured; share cards drawn or skipped. */
function astroBuild(folder: string, cache: string, out: string, { cards }: { cards: boolean }) {
  return measure(
    process.execPath,
    [...BUILD_NODE_ARGS, join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'],
    {
      cwd: projectRoot,
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        LECTERN_CONTENT: folder,
        LECTERN_CACHE: cache,
        LECTERN_OUT: out,
        ...(!cards && { LECTERN_CARDS: 'skip' }),
      },
    },
  );
}

/** The 1x site built cold with its share cards drawn: what a host holds, the cards apart. */
async function sizeWithCards(folder: string) {
  const work = mkdtempSync(join(tmpdir(), 'lectern-formulas-cards-'));
  try {
    const run = await astroBuild(folder, join(work, 'cache'), join(work, 'dist'), { cards: true });
    if (run.code !== 0) throw new Error(`build with cards failed:\n${run.output.slice(-3000)}`);
    const site = folderSize(join(work, 'dist'));
    let cardBytes = 0;
    let cards = 0;
    for (const name of readdirSync(join(work, 'dist'), { recursive: true }).map(String)) {
      if (!name.endsWith('/card.png')) continue;
      cardBytes += statSync(join(work, 'dist', name)).size;
      cards++;
    }
    return {
      seconds: Math.round(run.seconds),
      siteMiB: site.mib,
      files: site.files,
      cards,
      cardsMiB: Math.round((cardBytes / 1048576) * 10) / 10,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The synthetic 10x archive built, then today's transcript added to it. */
async function buildTenfold(real: string) {
  const dir = join(mkdtempSync(join(tmpdir(), 'lectern-formulas-10x-')), 'remarks');
  syntheticArchive(real, dir, 10);
  try {
    return await buildAndAddOne(dir);
  } finally {
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
}

/** The synthetic archive ten times the content's size, traced: its answers repeat the real ones by construction. */
async function traceTenfold(real: string) {
  const dir = join(mkdtempSync(join(tmpdir(), 'lectern-formulas-10x-')), 'remarks');
  syntheticArchive(real, dir, 10);
  const run = await traceFolder(dir);
  rmSync(join(dir, '..'), { recursive: true, force: true });
  return run;
}

/** A cold build of the content (cards skipped), then today's transcript added and built again over its cache. */
async function buildAndAddOne(folder: string) {
  const work = mkdtempSync(join(tmpdir(), 'lectern-formulas-build-'));
  const build = async (out: string) => {
    const run = await astroBuild(folder, join(work, 'cache'), out, { cards: false });
    if (run.code !== 0) throw new Error(`build failed:\n${run.output.slice(-3000)}`);
    const traced = /\[lectern-formulas\] traced (\d+) answers \((\d+) resumed from the last build\) in ([\d.]+) s/.exec(
      run.output,
    );
    if (!traced) throw new Error(`the build's log does not say what tracing cost:\n${run.output.slice(-3000)}`);
    return {
      seconds: run.seconds,
      peakMiB: run.peakMiB,
      tracingSeconds: Number(traced[3]),
      traced: Number(traced[1]),
      resumed: Number(traced[2]),
    };
  };
  const cold = await build(join(work, 'dist'));
  const size = folderSize(join(work, 'dist'));
  const formulaFiles = readdirSync(join(work, 'dist/formulas'), { recursive: true }).length;
  // Today's transcript: the newest Chinese one again, the next day.
  const newest = inputsNewest(folder);
  const next = new Date(Date.parse(`${newest.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const added = join(folder, 'zh', next.slice(0, 4), `${next}-added.md`);
  const manifest = join(folder, '..', 'permalinks.txt');
  const published = readFileSync(manifest, 'utf-8');
  mkdirSync(join(added, '..'), { recursive: true });
  writeFileSync(
    added,
    readFileSync(join(folder, newest.name), 'utf-8')
      .replace(/^date: .*$/m, `date: '${next}'`)
      .replace(/^source: .*$/m, `source: 'https://www.mfa.gov.cn/web/bench/formulas-today.shtml'`)
      .replace(/^importDigest: .*\n/m, '')
      .replace(/^translation: .*\n/m, ''),
  );
  const again = await build(join(work, 'dist-added'));
  const deploy = diffTrees(join(work, 'dist'), join(work, 'dist-added'));
  rmSync(added);
  writeFileSync(manifest, published);
  rmSync(work, { recursive: true, force: true });
  return { cold, size, formulaFiles, again, deploy };
}

function inputsNewest(folder: string): { name: string; date: string } {
  return readdirSync(join(folder, 'zh'), { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({
      name: join('zh', name),
      date: /^date: '?(\d{4}-\d{2}-\d{2})/m.exec(readFileSync(join(folder, 'zh', name), 'utf-8'))?.[1] ?? '',
    }))
    .sort((a, b) => a.date.localeCompare(b.date))
    .at(-1)!;
}
const cost = (run: typeof one) => ({
  transcripts: run.remarks.length,
  answers: run.remarks.reduce((sum, remark) => sum + remark.data.transcript.exchanges.length, 0),
  seconds: Math.round(run.seconds * 10) / 10,
  heapMiB: Math.round(run.heapMiB),
  peakRssMiB: Math.round(run.peakRssMiB),
});
const results = {
  date: new Date().toISOString(),
  recurring: RECURRING,
  '1x': cost(one),
  ...(tenx && { '10x': cost(tenx) }),
  ...(built && { build: buildFigures(built) }),
  ...(builtTenfold && { '10xBuild': buildFigures(builtTenfold) }),
  ...(withCards && { withCards }),
  languages: perLang,
};

function buildFigures(run: Awaited<ReturnType<typeof buildAndAddOne>>) {
  return {
    coldSeconds: Math.round(run.cold.seconds),
    coldPeakMiB: run.cold.peakMiB,
    tracingSeconds: run.cold.tracingSeconds,
    siteMiB: Math.round(run.size.mib),
    files: run.size.files,
    formulaFiles: run.formulaFiles,
    addedSeconds: Math.round(run.again.seconds),
    addedPeakMiB: run.again.peakMiB,
    addedTracingSeconds: run.again.tracingSeconds,
    addedTraced: run.again.traced,
    addedResumed: run.again.resumed,
    deploy: {
      touched: run.deploy.added + run.deploy.removed + run.deploy.changed,
      percentOfFiles: run.deploy.percentOfFiles,
      byKind: run.deploy.byKind,
    },
  };
}

const out = join(projectRoot, 'bench/results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'formulas.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(out, 'formulas.md'), report());
console.log(report());

function report(): string {
  const lines = [
    '# Said before: formulas traced through the archive',
    '',
    `Run ${results.date.slice(0, 10)} by \`npm run bench:formulas\` (scripts/bench/formulas.ts) on the shared corpus imported whole. A formula has a page from ${RECURRING} answers.`,
    '',
    '| | English | Chinese |',
    '| --- | --- | --- |',
  ];
  const row = (name: string, pick: (lang: Lang) => string | number) =>
    lines.push(`| ${name} | ${pick('en')} | ${pick('zh')} |`);
  const of = (lang: Lang) => perLang[lang];
  row('answers', (lang) => of(lang).answers);
  row('sentences (and Chinese clauses)', (lang) => of(lang).sentences);
  row('followed (long enough)', (lang) => of(lang).followed);
  row('said before', (lang) => `${of(lang).saidBefore} (${of(lang).saidBeforeShare}%)`);
  row('of which near-exact (worded unlike the first)', (lang) => of(lang).nearExact);
  row('formulas said in 2+ answers', (lang) => of(lang).formulasRepeated);
  row(`formulas with a page (${RECURRING}+ answers)`, (lang) => of(lang).formulasWithPage);
  row('with a counterpart in the other language', (lang) => of(lang).counterparts);
  row(
    'precision, exact (hand-checked)',
    (lang) => `${of(lang).precision.exact.same}/${of(lang).precision.exact.checked}`,
  );
  row(
    'precision, near-exact (hand-checked)',
    (lang) => `${of(lang).precision.near.same}/${of(lang).precision.near.checked}`,
  );
  row('precision, weighted by their shares (target ≥ 97%)', (lang) => `${of(lang).precision.weighted}%`);
  row(
    'recall: found / (found + missed), 100 answers read (target ≥ 90%)',
    (lang) =>
      `${of(lang).recall.found} / (${of(lang).recall.found} + ${of(lang).recall.missed}) = ${of(lang).recall.recall}%`,
  );
  lines.push(
    '',
    '## Time and memory of the tracing',
    '',
    '| | transcripts | answers | tracing | heap after | peak RSS of the process |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const [name, run] of [
    ['1x', results['1x']],
    ['10x', results['10x']],
  ] as const) {
    if (run) {
      lines.push(
        `| ${name} | ${run.transcripts} | ${run.answers} | ${run.seconds} s | ${run.heapMiB} MiB | ${run.peakRssMiB} MiB |`,
      );
    }
  }
  for (const [title, b] of [
    ['1x', results.build],
    ['10x synthetic: every answer said ten times, so nearly every formula has a page', results['10xBuild']],
  ] as const) {
    if (!b) continue;
    lines.push(
      '',
      `## In the build (${title}; share cards skipped)`,
      '',
      `- Cold build: ${b.coldSeconds} s, process tree peak ${b.coldPeakMiB} MiB; tracing ${b.tracingSeconds} s of it (${Math.round((1000 * b.tracingSeconds) / b.coldSeconds) / 10}%).`,
      `- Site: ${b.siteMiB} MiB, ${b.files} files, of which ${b.formulaFiles} under /formulas/.`,
      `- Today's transcript added (every sentence said before: the most a new transcript touches): rebuilt in ${b.addedSeconds} s (peak ${b.addedPeakMiB} MiB), tracing only its own ${b.addedTraced} answers (${b.addedResumed} resumed from the last build's state) in ${b.addedTracingSeconds} s; a deploy touches ${b.deploy.touched} files, ${b.deploy.percentOfFiles}% of the site (target ≤ 1%): HTML +${b.deploy.byKind.html.added} −${b.deploy.byKind.html.removed} ~${b.deploy.byKind.html.changed}, search +${b.deploy.byKind.search.added} −${b.deploy.byKind.search.removed} ~${b.deploy.byKind.search.changed}, data +${b.deploy.byKind.data.added} −${b.deploy.byKind.data.removed} ~${b.deploy.byKind.data.changed}.`,
    );
  }
  if (results.withCards) {
    const c = results.withCards;
    lines.push(
      '',
      '## What a host holds (1x, share cards drawn)',
      '',
      `- The whole site: ${c.siteMiB} MiB in ${c.files} files (target ≤ 450 MiB with everything else in this wave), of which ${c.cards} share cards, ${c.cardsMiB} MiB; built cold in ${c.seconds} s.`,
    );
  }
  for (const lang of langs) {
    lines.push(
      '',
      `## The 20 most used formulas, ${lang === 'en' ? 'English' : 'Chinese'}`,
      '',
      'Answers: the tracer (exact and near-exact wordings). Phrase search: answers whose text holds the most used wording, as a quoted search finds them (more where the wording is part of a longer sentence, fewer where other wordings count).',
      '',
      '| # | formula | answers | phrase search | wordings | first | by | last | counterpart |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const [i, top] of perLang[lang].top.entries()) {
      lines.push(
        `| ${i + 1} | ${top.wording.replaceAll('|', '\\|')} | ${top.answers} | ${top.phraseSearch} | ${top.wordings} | ${top.first} | ${top.firstBy ?? ''} | ${top.last} | ${(top.counterpart ?? '').replaceAll('|', '\\|')} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
