/**
 * npm run bench [-- --cards-10x] [--skip-10x] [--skip-lighthouse]
 *
 * Builds the site from the whole shared corpus imported, and from a synthetic archive ten times
 * that size, each beside a bare baseline (the same Markdown through the smallest Astro page, then
 * Pagefind) measured in the same run; times and peak memory per stage, output and index sizes; a
 * rebuild after adding one transcript; and what a reader downloads (page weights, Lighthouse on a
 * phone profile). Writes bench/results/build.json and build.md. Not a test: figures for people.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromeFlags, chromePath } from '../support/browser.ts';
import { BUILD_NODE_ARGS } from '../support/build.ts';
import { projectRoot } from '../support/paths.ts';
import { serve } from '../support/serve.ts';
import { bareProject } from './baseline.ts';
import { importCorpus } from './corpus.ts';
import { editorsLoopTable, measureEditorsLoop, type EditorsLoop } from './editor.ts';
import { openDataCheck, reuseRoutes } from './reuse.ts';
import { diffTrees, inventory, type Inventory, type TreeDiff } from '../support/inventory.ts';
import { folderSize, measure, type Run } from './measure.ts';
import { syntheticArchive } from './synthetic.ts';

const { values } = parseArgs({
  options: {
    'cards-10x': { type: 'boolean', default: false },
    'skip-10x': { type: 'boolean', default: false },
    'skip-lighthouse': { type: 'boolean', default: false },
  },
});

const node = process.execPath;
const astro = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
const ourStages: [string, RegExp][] = [
  ['content sync', /\[content\] Syncing content/],
  ['bundle', /Building static entrypoints/],
  ['render', /generating static routes/],
  // The index is built in a process of its own from early in the render (src/integrations/pagefind.ts).
  ['render + search index', /\[lectern-pagefind\] building the search index/],
  ['permalinks', /\[lectern-permalinks\]/],
  ['share cards', /\[lectern-share-cards\]/],
  ['search index, after the pages', /\[lectern-pagefind\] finishing the search index/],
  // The sitemap is written after the index, then the build ends.
  ['sitemap', /\[lectern-pagefind\] search index built/],
];
const bareStages: [string, RegExp][] = [
  ['content sync', /\[content\] Syncing content/],
  ['bundle', /Building static entrypoints/],
  ['render', /generating static routes/],
];

interface Build {
  run: Run;
  out: string;
}

async function ours(content: string, cache: string, out: string, env: Record<string, string> = {}): Promise<Build> {
  const run = await measure(node, [...BUILD_NODE_ARGS, astro, 'build'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      LECTERN_CONTENT: content,
      LECTERN_CACHE: cache,
      LECTERN_OUT: out,
      ...env,
    },
    stages: ourStages,
  });
  if (run.code !== 0) throw new Error(`build failed:\n${run.output.slice(-3000)}`);
  return { run, out };
}

async function bare(content: string, perAnswer = false): Promise<{ astro: Run; pagefind: Run; out: string }> {
  const project = bareProject(content, perAnswer);
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  const astroRun = await measure(node, [astro, 'build'], { cwd: project.dir, env, stages: bareStages });
  if (astroRun.code !== 0) throw new Error(`bare build failed:\n${astroRun.output.slice(-3000)}`);
  const pagefindRun = await measure(node, ['pagefind.mjs'], { cwd: project.dir, env });
  if (pagefindRun.code !== 0) throw new Error(`bare pagefind failed:\n${pagefindRun.output.slice(-3000)}`);
  return { astro: astroRun, pagefind: pagefindRun, out: project.out };
}

const pages = (out: string) =>
  readdirSync(out, { recursive: true }).filter((name) => String(name).endsWith('index.html')).length;

/** Cards drawn and the time it took, from the share-card step's own line. */
function cardsDrawn(run: Run): { drawn: number; ms: number } | undefined {
  const match = /(\d+) share cards: (\d+) drawn in (\d+) ms/.exec(run.output);
  return match ? { drawn: Number(match[2]), ms: Number(match[3]) } : undefined;
}

function summary(build: Build) {
  return {
    seconds: round(build.run.seconds),
    site: inventory(build.out),
    cards: cardsDrawn(build.run),
    peakMiB: build.run.peakMiB,
    stages: build.run.stages.map((stage) => ({ ...stage, seconds: round(stage.seconds) })),
    pages: pages(build.out),
    output: folderSize(build.out),
    index: folderSize(join(build.out, 'pagefind')),
    reuse: reuseRoutes(build.run.output),
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

async function size(label: string, content: string, transcripts: number, options: { cards: boolean; warm: boolean }) {
  console.log(`== ${label}: ${transcripts} transcripts`);
  const work = mkdtempSync(join(tmpdir(), `lectern-bench-${label}-`));
  const env = options.cards ? {} : { LECTERN_CARDS: 'skip' };
  const cold = await ours(content, join(work, 'cache'), join(work, 'dist'), env);
  console.log(`   cold ${round(cold.run.seconds)} s, ${cold.run.peakMiB} MiB`);
  // The warm build writes elsewhere, so that the two builds of the same content can be compared.
  const warm = options.warm ? await ours(content, join(work, 'cache'), join(work, 'dist-warm'), env) : undefined;
  if (warm) console.log(`   warm ${round(warm.run.seconds)} s, ${warm.run.peakMiB} MiB`);
  const identical = warm ? diffTrees(cold.out, warm.out) : undefined;
  if (identical)
    console.log(
      `   two builds of the same content: ${identical.added + identical.removed + identical.changed} files differ`,
    );
  const baseline = await bare(content);
  const bareSeconds = baseline.astro.seconds + baseline.pagefind.seconds;
  console.log(`   bare ${round(baseline.astro.seconds)} s + ${round(baseline.pagefind.seconds)} s`);
  const perAnswer = await bare(content, true);
  const perAnswerSeconds = perAnswer.astro.seconds + perAnswer.pagefind.seconds;
  console.log(`   bare, page per answer ${round(perAnswer.astro.seconds)} s + ${round(perAnswer.pagefind.seconds)} s`);
  const deploy = warm ?? cold;
  // Every answer page against its open-data row; reading every page's text is done at 1x.
  const openData = openDataCheck(cold.out, label === '1x');
  console.log(
    `   open data: ${openData.rows} rows, ${openData.answerPages} answer pages, ${openData.textDiffering} texts differ`,
  );
  return {
    openData,
    transcripts,
    answers: readFileSync(join(content, '..', 'permalinks.txt'), 'utf-8')
      .split('\n')
      .filter((line) => line.startsWith('/')).length,
    cold: summary(cold),
    ...(warm && { warm: summary(warm) }),
    ...(identical && { twoBuildsDiffer: identical }),
    cards: options.cards,
    bare: {
      astroSeconds: round(baseline.astro.seconds),
      pagefindSeconds: round(baseline.pagefind.seconds),
      peakMiB: Math.max(baseline.astro.peakMiB, baseline.pagefind.peakMiB),
      stages: baseline.astro.stages.map((stage) => ({ ...stage, seconds: round(stage.seconds) })),
      pages: pages(baseline.out),
      index: folderSize(join(baseline.out, 'pagefind')),
    },
    barePerAnswer: {
      astroSeconds: round(perAnswer.astro.seconds),
      pagefindSeconds: round(perAnswer.pagefind.seconds),
      peakMiB: Math.max(perAnswer.astro.peakMiB, perAnswer.pagefind.peakMiB),
      pages: pages(perAnswer.out),
    },
    ratio: round(deploy.run.seconds / bareSeconds),
    ratioPerAnswer: round(deploy.run.seconds / perAnswerSeconds),
    work,
  };
}

/**
 * A rebuild after an editor adds one transcript, the caches of the previous build kept, and what
 * a deploy of it uploads: the files added, removed or changed against the build before. Two cases:
 * today's remarks (a transcript dated the day after the newest, as editors add them) and a
 * transcript from the middle of the archive (a backfill).
 */
async function addOne(content: string, work: string, previous: string, options: { env?: Record<string, string> } = {}) {
  const files = readdirSync(content, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.md'))
    .sort();
  const dated = files.map((name) => ({
    name,
    date: /^date: '?(\d{4}-\d{2}-\d{2})/m.exec(readFileSync(join(content, name), 'utf-8'))?.[1] ?? '',
  }));
  const zh = dated.filter((file) => file.name.startsWith('zh/')).sort((a, b) => a.date.localeCompare(b.date));
  const newest = zh.at(-1)!;
  const next = new Date(Date.parse(`${newest.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const cases = {
    today: { from: newest.name, date: next },
    middle: { from: zh[Math.floor(zh.length / 2)]!.name, date: undefined },
  };
  const results: Record<string, { build: ReturnType<typeof summary>; deploy: TreeDiff; added: string }> = {};
  // Each case starts from the same content: its answers, recorded as published, are forgotten again.
  const manifest = join(content, '..', 'permalinks.txt');
  const published = readFileSync(manifest, 'utf-8');
  for (const [label, { from, date }] of Object.entries(cases)) {
    const text = readFileSync(join(content, from), 'utf-8');
    const added = date
      ? join(content, 'zh', date.slice(0, 4), `${date}-added.md`)
      : join(content, from.replace(/\.md$/, '-added.md'));
    mkdirSync(join(added, '..'), { recursive: true });
    writeFileSync(
      added,
      (date ? text.replace(/^date: .*$/m, `date: '${date}'`) : text)
        .replace(/^source: .*$/m, `source: 'https://www.mfa.gov.cn/web/bench/${label}.shtml'`)
        .replace(/^importDigest: .*\n/m, '')
        // New remarks name no translation yet: the site pairs them (or not) itself.
        .replace(/^translation: .*\n/m, ''),
    );
    const out = join(work, `dist-added-${label}`);
    const rebuild = await ours(content, join(work, 'cache'), out, options.env);
    results[label] = {
      build: summary(rebuild),
      deploy: diffTrees(previous, out),
      added: added.slice(content.length + 1),
    };
    console.log(
      `   added ${label}: ${round(rebuild.run.seconds)} s; deploy touches ${results[label].deploy.percentOfFiles}% of files, uploads ${results[label].deploy.uploadFiles} files, ${results[label].deploy.uploadMiB} MiB`,
    );
    rmSync(added);
    writeFileSync(manifest, published);
    rmSync(out, { recursive: true, force: true });
  }
  return results;
}

/** A page's scripts and the chunks they import, each once. */
function scriptsOf(out: string, entries: string[]): Buffer[] {
  const seen = new Map<string, Buffer>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    const code = readFileSync(join(out, path));
    seen.set(path, code);
    for (const match of code.toString().matchAll(/(?:import|from)\s*["'](\.\/[^"']+\.js)["']/g)) {
      visit(join(path, '..', match[1]!));
    }
  };
  entries.forEach(visit);
  return [...seen.values()];
}

/** What a reader downloads: HTML and CSS compressed, the page's own script, Lighthouse scores. */
async function readerBudgets(out: string) {
  const files = readdirSync(join(out, 'remarks'), { recursive: true }).map(String);
  const transcripts = files.filter((name) => /^(en|zh)\/\d{4}\/[^/]+\/index\.html$/.test(name));
  const bySize = transcripts
    .map((name) => ({ name, size: readFileSync(join(out, 'remarks', name)).length }))
    .sort((a, b) => a.size - b.size);
  const median = bySize[Math.floor(bySize.length / 2)]!.name.replace(/index\.html$/, '');
  const largest = bySize.at(-1)!.name.replace(/index\.html$/, '');
  const answer = files
    .find((name) => name.startsWith(median) && /\/q\d+\/index\.html$/.test(name))!
    .replace(/index\.html$/, '');
  const paths = {
    home: '/',
    transcript: `/remarks/${median}`,
    'largest transcript': `/remarks/${largest}`,
    answer: `/remarks/${answer}`,
    search: '/search/',
  };
  const server = await serve(out, { gzip: true });
  const weights: Record<string, { htmlCssKiB: number; jsKiB: number }> = {};
  for (const [label, path] of Object.entries(paths)) {
    const html = readFileSync(join(out, path, 'index.html'), 'utf-8');
    const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => readFileSync(join(out, m[1]!)));
    const js = scriptsOf(
      out,
      [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]!),
    );
    const inlineJs = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => Buffer.from(m[1]!));
    const gz = (buffers: Buffer[]) =>
      buffers.reduce((sum, buffer) => sum + gzipSync(buffer, { level: 9 }).length, 0) / 1024;
    weights[label] = { htmlCssKiB: round(gz([Buffer.from(html), ...css])), jsKiB: round(gz([...js, ...inlineJs])) };
  }
  const scores: Record<string, { performance: number; accessibility: number }> = {};
  if (!values['skip-lighthouse']) {
    const chrome = await chromeLauncher.launch({
      chromePath,
      chromeFlags: ['--headless=new', ...chromeFlags],
    });
    try {
      for (const [label, path] of Object.entries(paths)) {
        const result = await lighthouse(`${server.url}${path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
        });
        const categories = result?.lhr.categories;
        scores[label] = {
          performance: Math.round((categories?.performance?.score ?? 0) * 100),
          accessibility: Math.round((categories?.accessibility?.score ?? 0) * 100),
        };
        console.log(`   lighthouse ${label}: ${JSON.stringify(scores[label])}`);
      }
    } finally {
      chrome.kill();
    }
  }
  await server.close();
  return { paths, weights, scores };
}

const imported = await importCorpus();
const one = imported.content;
const results: Record<string, unknown> = { date: new Date().toISOString(), machine: 'this workplace: 2 cores, 24 GiB' };
const corpus = await size('1x', one, imported.transcripts, { cards: true, warm: true });
results['1x'] = corpus;
results.reader = await readerBudgets(join(corpus.work, 'dist'));
results.editorsLoop = await measureEditorsLoop(one, join(corpus.work, 'dist'));
results.rebuildAfterAddingOne = await addOne(one, corpus.work, join(corpus.work, 'dist-warm'));
if (!values['skip-10x']) {
  const ten = join(mkdtempSync(join(tmpdir(), 'lectern-bench-10x-content-')), 'remarks');
  const count = syntheticArchive(one, ten, 10);
  const tenx = await size('10x', ten, count, { cards: values['cards-10x'], warm: false });
  results['10x'] = tenx;
  results.rebuildAfterAddingOne10x = await addOne(ten, tenx.work, join(tenx.work, 'dist'), {
    env: tenx.cards ? {} : { LECTERN_CARDS: 'skip' },
  });
}

const dir = join(projectRoot, 'bench/results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'build.json'), JSON.stringify(results, null, 2) + '\n');
writeFileSync(join(dir, 'build.md'), report(results));
console.log(`wrote ${join(dir, 'build.md')}`);

function openDataFiles(check: ReturnType<typeof openDataCheck>): string {
  return `${check.files.answersJsonlKiB} / ${check.files.answersCsvKiB} / ${check.files.transcriptsJsonlKiB} KiB`;
}

function openDataRows(check: ReturnType<typeof openDataCheck>): string {
  const ids =
    check.rowsWithoutPage.length + check.pagesWithoutRow.length === 0
      ? 'the same ids'
      : `ids differ (rows without a page: ${check.rowsWithoutPage.join(', ')}; pages without a row: ${check.pagesWithoutRow.join(', ')})`;
  const text = check.textChecked
    ? check.textDiffering === 0
      ? ', every row the text of its page'
      : `, ${check.textDiffering} texts differ (${check.textDiffers.join(', ')})`
    : '';
  return `${check.rows} rows, ${check.answerPages} pages: ${ids}${text}`;
}

function siteTable(site: Inventory): string {
  return [
    '| kind | files | MiB | average | largest |',
    '| --- | --- | --- | --- | --- |',
    ...Object.entries(site.byKind).map(
      ([kind, k]) => `| ${kind} | ${k.files} | ${k.mib} | ${k.averageKiB} KiB | ${k.largestKiB} KiB |`,
    ),
    `| all | ${site.files} | ${site.mib} | | |`,
  ].join('\n');
}

function report(r: Record<string, unknown>): string {
  type Size = typeof corpus;
  const one = r['1x'] as Size;
  const ten = r['10x'] as Size | undefined;
  const added = r.rebuildAfterAddingOne as Awaited<ReturnType<typeof addOne>>;
  const addedTen = r.rebuildAfterAddingOne10x as Awaited<ReturnType<typeof addOne>> | undefined;
  const reader = r.reader as Awaited<ReturnType<typeof readerBudgets>>;
  const stage = (s: ReturnType<typeof summary>, name: string) => s.stages.find((x) => x.name === name);
  const stages = (s: ReturnType<typeof summary>) =>
    s.stages.map((x) => `${x.name} ${x.seconds} s / ${x.peakMiB} MiB`).join('; ');
  const lines = [
    `# Build benchmark (${String(r.date).slice(0, 10)}, ${String(r.machine)})`,
    '',
    '| | 1x: shared corpus | 10x: synthetic |',
    '| --- | --- | --- |',
    `| transcripts / answers | ${one.transcripts} / ${one.answers} | ${ten ? `${ten.transcripts} / ${ten.answers}` : '—'} |`,
    `| cold build (share cards drawn) | ${one.cold.seconds} s, ${one.cold.peakMiB} MiB peak | ${ten ? `${ten.cold.seconds} s, ${ten.cold.peakMiB} MiB peak${ten.cards ? '' : ' (cards skipped)'}` : '—'} |`,
    `| deploy build (cards from warm cache) | ${one.warm?.seconds ?? '—'} s, ${one.warm?.peakMiB ?? '—'} MiB peak | — |`,
    `| share cards | cold ${stage(one.cold, 'share cards')?.seconds ?? '—'} s, warm ${one.warm ? stage(one.warm, 'share cards')?.seconds : '—'} s | ${ten?.cards ? `${stage(ten.cold, 'share cards')?.seconds} s` : 'skipped'} |`,
    `| bare baseline (Astro + Pagefind) | ${one.bare.astroSeconds} s + ${one.bare.pagefindSeconds} s, ${one.bare.peakMiB} MiB | ${ten ? `${ten.bare.astroSeconds} s + ${ten.bare.pagefindSeconds} s, ${ten.bare.peakMiB} MiB` : '—'} |`,
    `| bare baseline, one page per answer | ${one.barePerAnswer.astroSeconds} s + ${one.barePerAnswer.pagefindSeconds} s, ${one.barePerAnswer.peakMiB} MiB, ${one.barePerAnswer.pages} pages | ${ten ? `${ten.barePerAnswer.astroSeconds} s + ${ten.barePerAnswer.pagefindSeconds} s, ${ten.barePerAnswer.peakMiB} MiB, ${ten.barePerAnswer.pages} pages` : '—'} |`,
    `| ratio to baseline (budget ≤ 1.5) | ${one.ratio} (page per answer: ${one.ratioPerAnswer}) | ${ten ? `${ten.ratio} (page per answer: ${ten.ratioPerAnswer})` : '—'} |`,
    `| pages / output / index | ${one.cold.pages} / ${one.cold.output.mib} MiB / ${one.cold.index.mib} MiB | ${ten ? `${ten.cold.pages} / ${ten.cold.output.mib} MiB / ${ten.cold.index.mib} MiB` : '—'} |`,
    ...Object.entries(added).map(([label, { build }]) => {
      const atTen = addedTen?.[label]?.build;
      return `| rebuild after adding one transcript (${label === 'today' ? "today's, after the newest" : 'from the middle of the archive'}) | ${build.seconds} s (${Math.round((100 * build.seconds) / one.cold.seconds)}% of cold; budget ≤ 25%) | ${ten && atTen ? `${atTen.seconds} s, ${atTen.peakMiB} MiB peak (${Math.round((100 * atTen.seconds) / ten.cold.seconds)}% of cold, both with cards ${ten.cards ? 'drawn' : 'skipped'})` : '—'} |`;
    }),
    '',
    '## What a host holds (1x, cards drawn)',
    '',
    siteTable(one.cold.site),
    '',
    `Share cards: ${one.cold.site.byKind.cards.averageKiB} KiB on average, largest ${one.cold.site.byKind.cards.largestKiB} KiB (target ≤ 25 KiB average); cold drawing ${one.cold.cards ? `${one.cold.cards.drawn} cards in ${round(one.cold.cards.ms / 1000)} s, ${round(one.cold.cards.ms / Math.max(1, one.cold.cards.drawn))} ms a card on 2 cores (${round((2 * one.cold.cards.ms) / Math.max(1, one.cold.cards.drawn))} ms of one core)` : '—'}.`,
    `The whole site: ${one.cold.site.mib} MiB in ${one.cold.site.files} files (target ≤ 450 MiB; GitHub and GitLab Pages take 1 GB, Cloudflare Pages 20,000 files free, 100,000 paid).`,
    ten
      ? `At 10x (cards ${ten.cards ? 'drawn' : 'skipped'}): ${ten.cold.site.mib} MiB in ${ten.cold.site.files} files${ten.cards ? '' : `; with cards at the 1x average, about ${Math.round(ten.cold.site.mib + (ten.answers * one.cold.site.byKind.cards.averageKiB) / 1024)} MiB in ${ten.cold.site.files + ten.answers} files`}.`
      : '',
    one.twoBuildsDiffer
      ? `Two builds of the same content (cold, then warm into another folder): ${one.twoBuildsDiffer.added + one.twoBuildsDiffer.removed + one.twoBuildsDiffer.changed === 0 ? 'byte-identical' : `${one.twoBuildsDiffer.changed} files changed, ${one.twoBuildsDiffer.added} added, ${one.twoBuildsDiffer.removed} removed (${one.twoBuildsDiffer.examples.changed.slice(0, 3).join(', ')})`}.`
      : '',
    '',
    "## An editor's loop (1x)",
    '',
    editorsLoopTable(r.editorsLoop as EditorsLoop),
    '',
    '## What a deploy uploads after adding one transcript',
    '',
    '| added | files touched (added + removed + changed) | share of the site | uploaded | HTML | cards | search | data | other |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...[
      ...Object.entries(added),
      ...Object.entries(addedTen ?? {}).map(([label, v]) => [`${label}, 10x`, v] as const),
    ].map(([label, { deploy, added: file }]) => {
      const kind = (k: keyof TreeDiff['byKind']) =>
        `+${deploy.byKind[k].added} −${deploy.byKind[k].removed} ~${deploy.byKind[k].changed}`;
      const name = label.startsWith('today') ? `today's${label.slice(5)}` : 'backfill';
      return `| ${name} (${file}) | ${deploy.added + deploy.removed + deploy.changed} | ${deploy.percentOfFiles}% (target ≤ 1%) | ${deploy.uploadFiles} files, ${deploy.uploadMiB} MiB | ${kind('html')} | ${kind('cards')} | ${kind('search')} | ${kind('data')} | ${kind('other')} |`;
    }),
    '',
    '## Feeds, sitemap and open data',
    '',
    '| | 1x | 10x |',
    '| --- | --- | --- |',
    `| rendering feeds, open data, transcripts' JSON, topic pages (Astro's time per route, summed) | ${one.cold.reuse.seconds} s for ${one.cold.reuse.routes} files | ${ten ? `${ten.cold.reuse.seconds} s for ${ten.cold.reuse.routes} files` : '—'} |`,
    `| writing the sitemap (and ending the build) | ${stage(one.cold, 'sitemap')?.seconds ?? '—'} s | ${ten ? `${stage(ten.cold, 'sitemap')?.seconds ?? '—'} s` : '—'} |`,
    `| their files in dist/ (feeds, data, JSON, sitemap, robots.txt) | ${one.cold.site.byKind.data.files} files, ${one.cold.site.byKind.data.mib} MiB | ${ten ? `${ten.cold.site.byKind.data.files} files, ${ten.cold.site.byKind.data.mib} MiB` : '—'} |`,
    `| answers.jsonl.gz / answers.csv.gz / transcripts.jsonl.gz | ${openDataFiles(one.openData)} | ${ten ? openDataFiles(ten.openData) : '—'} |`,
    `| rows of answers.jsonl against answer pages | ${openDataRows(one.openData)} | ${ten ? openDataRows(ten.openData) : '—'} |`,
    `| what the chart of results costs (segments.json, gzip: en / zh) | ${one.openData.chartKiB.en} / ${one.openData.chartKiB.zh} KiB | ${ten ? `${ten.openData.chartKiB.en} / ${ten.openData.chartKiB.zh} KiB` : '—'} |`,
    '',
    `Stages, 1x cold: ${stages(one.cold)}.`,
    one.warm ? `Stages, 1x warm: ${stages(one.warm)}.` : '',
    ten ? `Stages, 10x cold: ${stages(ten.cold)}.` : '',
    '',
    '| page (gzip) | HTML + CSS | own JS | Lighthouse performance | accessibility |',
    '| --- | --- | --- | --- | --- |',
    ...Object.entries(reader.weights).map(
      ([label, w]) =>
        `| ${label} | ${w.htmlCssKiB} KiB | ${w.jsKiB} KiB | ${reader.scores[label]?.performance ?? '—'} | ${reader.scores[label]?.accessibility ?? '—'} |`,
    ),
    '',
  ];
  return lines.filter((line, i, all) => line !== '' || all[i - 1] !== '').join('\n');
}
