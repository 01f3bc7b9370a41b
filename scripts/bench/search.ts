/**
 * npm run bench:search [-- --content DIR] [--samples N]
 *
 * The search benchmark of the issue "Search past statements": the whole shared corpus imported and
 * built, served gzip-compressed on loopback, searched in headless Chromium as a reader would
 * (typing into the search page). Writes bench/results/search.json and search.md. Not a test: the
 * figures are for people to read and compare.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launch } from '../support/browser.ts';
import { buildSite } from '../support/build.ts';
import { projectRoot } from '../support/paths.ts';
import { serve } from '../support/serve.ts';
import { answersOf, importCorpus, random, type Answer } from './corpus.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string' },
    samples: { type: 'string', default: '200' },
    seed: { type: 'string', default: '7' },
  },
});
const SAMPLES = Number(values.samples);
const rand = random(Number(values.seed));
const SHORT = ['Huawei', 'Meng Wanzhou', 'Belt and Road', '华为', '孟晚舟', '一带一路', '新冠肺炎'];

const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const compact = (text: string) => text.replace(/[\s\p{P}\p{S}]/gu, '');
const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)]!;

/** A 6-word window of an English answer, quoted as a reader would type it. */
function englishPhrase(answers: Answer[]): { query: string; expect: string } {
  for (;;) {
    const words = pick(answers).answer.split(/\s+/).filter(Boolean);
    if (words.length < 12) continue;
    const start = Math.floor(rand() * (words.length - 6));
    const phrase = words.slice(start, start + 6).join(' ');
    if (normalize(phrase).split(' ').length < 6) continue;
    return { query: `"${phrase.replace(/"/g, '')}"`, expect: normalize(phrase) };
  }
}

/** The first ten characters of a clause of a Chinese answer, typed as they are. */
function chineseFragment(answers: Answer[]): { query: string; expect: string } {
  for (;;) {
    const clauses = pick(answers)
      .answer.split(/[，。；：！？、\n]/)
      .filter((c) => [...c.trim()].length >= 10);
    if (clauses.length === 0) continue;
    const fragment = [...pick(clauses).trim()].slice(0, 10).join('');
    return { query: fragment, expect: compact(fragment) };
  }
}

interface Traffic {
  bytes: number;
  requests: number;
}

/** Bytes on the wire (compressed bodies and headers) of the page and its workers, from Chromium itself. */
async function meter(page: Page): Promise<{ reset: () => void; read: () => Traffic; cdp: CDPSession }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  let traffic: Traffic = { bytes: 0, requests: 0 };
  cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
    traffic.bytes += event.encodedDataLength;
    traffic.requests += 1;
  });
  return { reset: () => (traffic = { bytes: 0, requests: 0 }), read: () => traffic, cdp };
}

/** Types a query into the search page and waits for the first result: milliseconds from Enter. */
async function query(page: Page, text: string): Promise<number> {
  const before = await page.evaluate(() => document.querySelector('#search-status')?.textContent ?? '');
  await page.fill('#q', text);
  const started = Date.now();
  await page.press('#q', 'Enter');
  await page.waitForFunction(
    (previous) => {
      const status = document.querySelector('#search-status')?.textContent ?? '';
      // Done when the status reports this search's count (it says "Searching…" meanwhile).
      return status !== previous && /^[\d,]+ answers? /.test(status);
    },
    before,
    { timeout: 20_000 },
  );
  return Date.now() - started;
}

interface Top {
  url: string;
  text: string;
}

async function topResults(page: Page, byUrl: Map<string, Answer>, n: number): Promise<Top[]> {
  const hrefs = await page
    .locator('#results li a.question')
    .evaluateAll((links, count) => links.slice(0, count).map((a) => (a as HTMLAnchorElement).href), n);
  return hrefs.map((href) => {
    const url = new URL(href);
    const key = `${url.pathname}${url.hash}`;
    const answer = byUrl.get(key);
    return { url: key, text: answer ? `${answer.answer}\n${answer.question}` : '' };
  });
}

/** Opens the first result and checks the browser lands on that answer, in view, its terms marked. */
async function landsOnAnswer(page: Page): Promise<boolean> {
  const link = page.locator('#results li a.question').first();
  const href = await link.getAttribute('href');
  if (!href) return false;
  await Promise.all([page.waitForURL((url) => url.pathname !== '/search/'), link.click()]);
  const hash = new URL(page.url()).hash.slice(1);
  return page.evaluate((id) => {
    const element = document.getElementById(id);
    if (!element) return false;
    const box = element.getBoundingClientRect();
    return box.top >= -1 && box.top < innerHeight && element.querySelector('mark') !== null;
  }, hash);
}

async function phraseRuns(
  browser: Browser,
  base: string,
  byUrl: Map<string, Answer>,
  samples: { query: string; expect: string }[],
  match: (text: string) => string,
) {
  const page = await browser.newPage();
  const failures: string[] = [];
  let found = 0;
  let landed = 0;
  for (const sample of samples) {
    await page.goto(`${base}/search/`);
    await query(page, sample.query);
    const [first] = await topResults(page, byUrl, 1);
    const ok = first !== undefined && match(first.text).includes(sample.expect);
    if (ok) found++;
    else failures.push(sample.query);
    if (ok && (await landsOnAnswer(page))) landed++;
  }
  await page.close();
  return { samples: samples.length, foundFirst: found, landedOnAnswer: landed, failures: failures.slice(0, 20) };
}

async function shortQueries(browser: Browser, base: string, byUrl: Map<string, Answer>) {
  const page = await browser.newPage();
  const perQuery: Record<string, { top: number; containing: number }> = {};
  for (const text of SHORT) {
    await page.goto(`${base}/search/`);
    await query(page, text);
    const top = await topResults(page, byUrl, 10);
    const needle = /\p{Script=Han}/u.test(text) ? text : normalize(text);
    const containing = top.filter((t) =>
      (/\p{Script=Han}/u.test(text) ? t.text : normalize(t.text)).includes(needle),
    ).length;
    perQuery[text] = { top: top.length, containing };
  }
  await page.close();
  const total = Object.values(perQuery).reduce((s, q) => s + q.top, 0);
  const containing = Object.values(perQuery).reduce((s, q) => s + q.containing, 0);
  return { total, containing, perQuery };
}

/** A fresh visit (empty cache): the search page, then a first query and a later one. */
async function freshVisits(browser: Browser, base: string, queries: [string, string][]) {
  const runs = [];
  for (const [first, later] of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const wire = await meter(page);
    await page.goto(`${base}/search/`, { waitUntil: 'networkidle' });
    const pageBytes = wire.read().bytes;
    wire.reset();
    const firstMs = await query(page, first);
    await page.waitForLoadState('networkidle');
    const firstTraffic = wire.read();
    wire.reset();
    const laterMs = await query(page, later);
    await page.waitForLoadState('networkidle');
    const laterTraffic = wire.read();
    runs.push({
      first,
      later,
      pageKiB: pageBytes / 1024,
      firstKiB: firstTraffic.bytes / 1024,
      firstRequests: firstTraffic.requests,
      firstMs,
      laterKiB: laterTraffic.bytes / 1024,
      laterMs,
    });
    await context.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const max = (xs: number[]) => Math.max(...xs);
  return {
    runs,
    firstKiB: { median: median(runs.map((r) => r.firstKiB)), max: max(runs.map((r) => r.firstKiB)) },
    firstMs: { median: median(runs.map((r) => r.firstMs)), max: max(runs.map((r) => r.firstMs)) },
    laterKiB: { median: median(runs.map((r) => r.laterKiB)), max: max(runs.map((r) => r.laterKiB)) },
    laterMs: { median: median(runs.map((r) => r.laterMs)), max: max(runs.map((r) => r.laterMs)) },
    pageKiB: median(runs.map((r) => r.pageKiB)),
  };
}

const imported = await importCorpus(values.content);
console.log(`corpus: ${imported.content} (import ${imported.seconds.toFixed(1)} s, ${imported.failed} failed)`);
const answers = await answersOf(imported.content);
const byUrl = new Map(answers.map((a) => [a.url, a]));
const en = answers.filter((a) => a.lang === 'en');
const zh = answers.filter((a) => a.lang === 'zh');
// Search needs no share cards; drawing 11,851 of them cold would only slow the run.
const build = await buildSite(imported.content, { LECTERN_CARDS: 'skip' });
if (build.code !== 0) throw new Error(`build failed:\n${build.output.slice(-3000)}`);
const server = await serve(build.outDir, { gzip: true });
const browser = await launch();
try {
  const english = await phraseRuns(
    browser,
    server.url,
    byUrl,
    Array.from({ length: SAMPLES }, () => englishPhrase(en)),
    normalize,
  );
  console.log('english phrases', english);
  const chinese = await phraseRuns(
    browser,
    server.url,
    byUrl,
    Array.from({ length: SAMPLES }, () => chineseFragment(zh)),
    compact,
  );
  console.log('chinese fragments', chinese);
  const short = await shortQueries(browser, server.url, byUrl);
  console.log('short queries', short);
  const visits = await freshVisits(browser, server.url, [
    ['Huawei', 'Belt and Road'],
    ['Meng Wanzhou', 'trade war'],
    ['华为', '一带一路'],
    ['孟晚舟', '新冠肺炎'],
    ['climate change', 'Hong Kong'],
    ['南海', '香港'],
    ['"win-win cooperation"', 'sanctions'],
  ]);
  console.log('fresh visits', visits);
  const report = {
    date: new Date().toISOString(),
    corpus: { transcripts: imported.transcripts, answers: answers.length, en: en.length, zh: zh.length },
    english,
    chinese,
    short,
    visits,
  };
  const dir = join(projectRoot, 'bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'search.json'), JSON.stringify(report, null, 2) + '\n');
  const pct = (a: number, b: number) => `${a}/${b} (${((100 * a) / b).toFixed(1)}%)`;
  writeFileSync(
    join(dir, 'search.md'),
    [
      `# Search benchmark (${report.date.slice(0, 10)})`,
      '',
      `Corpus: ${report.corpus.transcripts} transcripts, ${report.corpus.answers} answers (${report.corpus.en} English, ${report.corpus.zh} Chinese), served gzip-compressed on loopback, headless Chromium.`,
      '',
      '| measure | result | target |',
      '| --- | --- | --- |',
      `| quoted 6-word English phrase → an answer saying it, first | ${pct(english.foundFirst, english.samples)} | ≥ 95% |`,
      `| … and the result opens at that answer, terms marked | ${pct(english.landedOnAnswer, english.samples)} | ≥ 95% |`,
      `| 10-character Chinese fragment → an answer containing it, first | ${pct(chinese.foundFirst, chinese.samples)} | ≥ 95% |`,
      `| … and the result opens at that answer, terms marked | ${pct(chinese.landedOnAnswer, chinese.samples)} | ≥ 95% |`,
      `| top-10 results containing a short query (${SHORT.join(', ')}) | ${pct(short.containing, short.total)} | ≥ 98% |`,
      `| first query on a fresh visit: transfer (median / max) | ${visits.firstKiB.median.toFixed(1)} / ${visits.firstKiB.max.toFixed(1)} KiB | ≤ 120 KiB |`,
      `| first query: results shown (median / max) | ${visits.firstMs.median} / ${visits.firstMs.max} ms | ≤ 250 ms |`,
      `| later query: transfer (median / max) | ${visits.laterKiB.median.toFixed(1)} / ${visits.laterKiB.max.toFixed(1)} KiB | ≤ 30 KiB |`,
      `| later query: results shown (median / max) | ${visits.laterMs.median} / ${visits.laterMs.max} ms | |`,
      `| the search page itself (HTML, CSS, JS) | ${visits.pageKiB.toFixed(1)} KiB | |`,
      '',
    ].join('\n'),
  );
  console.log(`wrote ${join(dir, 'search.md')}`);
} finally {
  await browser.close();
  await server.close();
}
