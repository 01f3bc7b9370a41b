/**
 * npm run bench:search [-- --content DIR] [--dist DIR] [--report NAME] [--samples N]
 *
 * The search benchmark of the issue "Search past statements": the whole shared corpus imported and
 * built, served gzip-compressed on loopback, searched in headless Chromium as a reader would
 * (typing into the search page). Writes bench/results/search.json and search.md. Not a test: the
 * figures are for people to read and compare.
 *
 * `--content DIR` measures another archive (e.g. the 10x one `npm run bench` makes); `--dist DIR`
 * measures a site already built from that content, such as the one whose build `npm run bench`
 * or a memory measurement just timed, instead of building it again (an hour's work at 10x);
 * `--report search-10x` writes bench/results/search-10x.{json,md} beside the 1x report.
 */
import type { Lang } from '../../src/schemas/transcript.ts';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launch } from '../support/browser.ts';
import { buildSite } from '../support/build.ts';
import { projectRoot } from '../support/paths.ts';
import { serve } from '../support/serve.ts';
import { dictionaryWordsOf, wordStarts } from '../../src/lib/search/words.ts';
import { toPagefindQuery } from '../../src/lib/search/cjk.ts';
import { queryHash, readyKey, readyListPath } from '../../src/lib/search/ready.ts';
import { answersOf, importCorpus, type Answer } from './corpus.ts';
import { random } from '../support/random.ts';
import { RELEVANCE_QUERIES } from './queries.ts';
import { buildStockSite } from './stock-pagefind.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string' },
    dist: { type: 'string' },
    report: { type: 'string', default: 'search' },
    samples: { type: 'string', default: '200' },
    // Lectern against stock Pagefind over the same answers, on a desktop and a phone profile.
    stock: { type: 'boolean', default: true },
    seed: { type: 'string', default: '7' },
    'linked-visits': { type: 'string', default: '5' },
  },
});
const SAMPLES = Number(values.samples);
const rand = random(Number(values.seed));

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

/**
 * Bytes on the wire (compressed bodies and headers) of the page and its workers (stock Pagefind
 * fetches from a Web Worker), as the browser reports them; `read(index)` counts only the search
 * index's files (under /pagefind/), or only the rest.
 */
async function meter(page: Page): Promise<{
  reset: () => void;
  read: (index?: boolean) => Promise<Traffic>;
  cdp: CDPSession;
}> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  let finished: Promise<{ url: string; bytes: number }>[] = [];
  page.context().on('requestfinished', (request) => {
    finished.push(
      request
        .sizes()
        .then((size) => ({ url: request.url(), bytes: size.responseBodySize + size.responseHeadersSize }))
        .catch(() => ({ url: request.url(), bytes: 0 })),
    );
  });
  return {
    reset: () => (finished = []),
    read: async (index?: boolean) => {
      const all = await Promise.all(finished);
      const chosen = index === undefined ? all : all.filter(({ url }) => url.includes('/pagefind/') === index);
      return { bytes: chosen.reduce((sum, { bytes }) => sum + bytes, 0), requests: chosen.length };
    },
    cdp,
  };
}

/** How fast the fresh visits type: 100 ms a key, a fast typist (120 words a minute). */
const KEY_MS = 100;

/**
 * How the fresh visits' Chinese queries are typed: in pinyin, through an input method, then the
 * characters chosen with one more key, as most readers in Chinese type.
 */
const PINYIN: Record<string, string> = {
  华为: 'huawei',
  一带一路: 'yidaiyilu',
  孟晚舟: 'mengwanzhou',
  新冠肺炎: 'xinguanfeiyan',
  南海: 'nanhai',
  香港: 'xianggang',
  稀土: 'xitu',
  中欧班列: 'zhongoubanlie',
  芬太尼: 'fentaini',
  冬奥会: 'dongaohui',
};

/** Types `text` into the focused box a key at a time, Chinese through an input method's composition. */
async function typeAsReader(page: Page, cdp: CDPSession, text: string): Promise<void> {
  if (!/\p{Script=Han}/u.test(text)) return page.keyboard.type(text, { delay: KEY_MS });
  const pinyin = PINYIN[text];
  if (!pinyin) throw new Error(`no pinyin for ${text}: add it to PINYIN`);
  for (let typed = 1; typed <= pinyin.length; typed++) {
    const composing = pinyin.slice(0, typed);
    await cdp.send('Input.imeSetComposition', {
      text: composing,
      selectionStart: composing.length,
      selectionEnd: composing.length,
    });
    await page.waitForTimeout(KEY_MS);
  }
  // The characters chosen: the composition ends with them in the box.
  await cdp.send('Input.insertText', { text });
  await page.waitForTimeout(KEY_MS);
}

/**
 * Puts a query into the search page and waits for its results: milliseconds from Enter. The
 * phrase runs fill the box at once; a fresh visit clicks into it and types, as a reader does.
 * Timed in the page, by the browser's clock: from the Enter key's event to the frame that shows
 * the status saying how many were found, with the results it is set after. Timed from here, each
 * figure also held Playwright's own round trips to the page (about 60 ms on a desktop).
 */
async function query(page: Page, text: string, typing?: CDPSession): Promise<number> {
  const before = await page.evaluate(() => document.querySelector('#search-status')?.textContent ?? '');
  if (typing) {
    await page.click('#q', { clickCount: 3 });
    await page.keyboard.press('Backspace');
    await typeAsReader(page, typing, text);
  } else await page.fill('#q', text);
  await page.evaluate((previous) => {
    const timed = window as unknown as { enterAt?: number | undefined; shownAt?: number | undefined };
    timed.enterAt = timed.shownAt = undefined;
    const onEnter = (event: KeyboardEvent) => {
      if (event.key !== 'Enter') return;
      timed.enterAt = event.timeStamp;
      removeEventListener('keydown', onEnter, true);
    };
    addEventListener('keydown', onEnter, true);
    const status = document.querySelector('#search-status')!;
    const observer = new MutationObserver(() => {
      const said = status.textContent;
      if (timed.enterAt === undefined || said === previous || !/^[\d,]+ answers? /.test(said)) return;
      observer.disconnect();
      requestAnimationFrame(() => (timed.shownAt = performance.now()));
    });
    observer.observe(status, { childList: true, subtree: true, characterData: true });
  }, before);
  await page.press('#q', 'Enter');
  await waitForResults(page, before);
  await page.waitForFunction(() => (window as unknown as { shownAt?: number }).shownAt !== undefined);
  return Math.round(
    await page.evaluate(() => {
      const { enterAt, shownAt } = window as unknown as { enterAt: number; shownAt: number };
      return shownAt - enterAt;
    }),
  );
}

/** Until the status reports a search's count (it says "Searching…" meanwhile), other than `previous`. */
async function waitForResults(page: Page, previous: string): Promise<void> {
  await page.waitForFunction(
    (before) => {
      const status = document.querySelector('#search-status')?.textContent ?? '';
      return status !== before && /^[\d,]+ answers? /.test(status);
    },
    previous,
    { timeout: 60_000 },
  );
}

/**
 * Where the last search's time went on Lectern's page, by step (src/client/search/steps.ts), in
 * milliseconds; for a search opened from a link, `script` is from navigation to the page's script
 * starting. Empty on stock Pagefind's page.
 */
async function lecternSteps(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const measures = performance
      .getEntriesByType('measure')
      .filter((entry) => entry.name.startsWith('lectern:search:')) as PerformanceMeasure[];
    const runOf = (entry: PerformanceMeasure) => (entry.detail as { run: number }).run;
    const last = Math.max(...measures.map(runOf));
    const steps: Record<string, number> = {};
    for (const entry of measures.filter((m) => runOf(m) === last))
      steps[entry.name.slice('lectern:search:'.length)] = entry.duration;
    // The page's first search (or none measured yet: on a phone the ready results are shown
    // before the page's script has measured a step).
    const first = !(last > 1);
    const script = performance.getEntriesByName('lectern:search:script')[0];
    if (script && first) steps.script = script.startTime;
    // A linked query's ready results, shown by the head script before the page's script ran.
    const early = performance.getEntriesByName('lectern:search:early')[0];
    if (early && first) steps.early = early.startTime;
    return steps;
  });
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

/** Where a query occurs in a text: Chinese as written; English by words, each word's endings allowed (Pagefind stems). */
function occurrences(text: string, query: string): number[] {
  if (/\p{Script=Han}/u.test(query)) {
    const at: number[] = [];
    for (let i = text.indexOf(query); i >= 0; i = text.indexOf(query, i + query.length)) at.push(i);
    return at;
  }
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .map((word) => `${word.replace(/s$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\w*`);
  return [...text.toLowerCase().matchAll(new RegExp(`\\b${words.join('\\W+')}`, 'g'))].map((m) => m.index);
}

/**
 * Whether some occurrence of a Chinese query in `text` respects jieba's words: no word begins
 * strictly inside it, except where the query itself divides into words (中|美); a name jieba's
 * dictionary lacks (its characters all one-character words: 蓬|佩|奥) counts as a word.
 */
function wholeWordMatch(text: string, query: string): boolean {
  const own = wordStarts(query);
  const name = [...query].length > 1 && dictionaryWordsOf(query).every((word) => [...word].length === 1);
  if (name) return occurrences(text, query).length > 0;
  const starts = wordStarts(text);
  return occurrences(text, query).some((at) => {
    for (let i = 1; i < query.length; i++) if (starts.has(at + i) && !own.has(i)) return false;
    return true;
  });
}

/** In date order (either way) although best match was asked for: all ten in order, not all the same day. */
function inDateOrder(dates: string[]): boolean {
  if (dates.length < 2 || new Set(dates).size < 2) return false;
  const up = dates.every((date, i) => i === 0 || dates[i - 1]! <= date);
  const down = dates.every((date, i) => i === 0 || dates[i - 1]! >= date);
  return up || down;
}

interface QueryFigures {
  top: number;
  containing: number;
  wholeWord: number;
  meanTop: number;
  meanAll: number;
  matching: number;
  dateOrder: boolean;
}

/**
 * The top 10 of "Best match" for the short queries of queries.ts: how many contain the query, how
 * many match it as a word (Chinese), how much they are about it (occurrences per result against
 * the mean over every answer that contains it), and whether they came out in date order.
 */
async function relevance(browser: Browser, base: string, answers: Answer[], lang: Lang) {
  const byUrl = new Map(answers.map((a) => [a.url, a]));
  const own = answers.filter((a) => a.lang === lang);
  const page = await browser.newPage();
  const perQuery: Record<string, QueryFigures> = {};
  for (const text of RELEVANCE_QUERIES[lang]) {
    await page.goto(`${base}/search/?lang=${lang}`);
    await query(page, text);
    const top = await topResults(page, byUrl, 10);
    const counts = top.map((t) => occurrences(t.text, text).length);
    const all = own.map((a) => occurrences(`${a.answer}\n${a.question}`, text).length).filter((n) => n > 0);
    const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
    perQuery[text] = {
      top: top.length,
      containing: counts.filter((n) => n > 0).length,
      wholeWord:
        lang === 'zh' ? top.filter((t) => wholeWordMatch(t.text, text)).length : counts.filter((n) => n > 0).length,
      meanTop: mean(counts),
      meanAll: mean(all),
      matching: all.length,
      dateOrder: inDateOrder(top.map((t) => byUrl.get(t.url)?.date ?? '')),
    };
  }
  await page.close();
  const figures = Object.values(perQuery);
  const sum = (pick: (q: QueryFigures) => number) => figures.reduce((s, q) => s + pick(q), 0);
  const meanTop = sum((q) => q.meanTop * q.top) / sum((q) => q.top);
  const meanAll = sum((q) => q.meanAll * q.matching) / sum((q) => q.matching);
  return {
    queries: figures.length,
    total: sum((q) => q.top),
    containing: sum((q) => q.containing),
    wholeWord: sum((q) => q.wholeWord),
    meanTop,
    meanAll,
    // Per query, then averaged: each query's top 10 against its own matching answers.
    aboutness: sum((q) => (q.meanAll > 0 ? q.meanTop / q.meanAll : 0)) / figures.length,
    dateOrdered: Object.entries(perQuery)
      .filter(([, q]) => q.dateOrder)
      .map(([text]) => text),
    perQuery,
  };
}

/** Whether the build at `dir` made `query` ready (src/lib/search/ready.ts), in its script's language. */
function isReady(dir: string, query: string): boolean {
  const lang: Lang = /\p{Script=Han}/u.test(query) ? 'zh' : 'en';
  const list = join(dir, readyListPath(lang));
  if (!existsSync(list)) return false;
  return (
    queryHash(readyKey(toPagefindQuery(query))) in (JSON.parse(readFileSync(list, 'utf8')) as Record<string, number>)
  );
}

/**
 * A page of another site holding one link, to `target`: for a visit that opens a search from a
 * link the way a reader does. Served on loopback under the name `localhost`, a site other than the
 * `127.0.0.1` the sites are served on.
 */
const referrer = createServer((request, response) => {
  const to = new URL(request.url ?? '/', 'http://localhost').searchParams.get('to') ?? '/';
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end(
    `<!doctype html><title>Elsewhere</title><a href="${to.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}">A search</a>`,
  );
});
await new Promise<void>((resolve) => referrer.listen(0, '127.0.0.1', resolve));
const elsewhere = (target: string) =>
  `http://localhost:${(referrer.address() as AddressInfo).port}/?to=${encodeURIComponent(target)}`;

/** What a linked visit's page says on its console once its results are shown. */
const SHOWN_SIGNAL = 'lectern-bench:shown';

/** How many times each visit's query is opened from a link (visitPair), for a steadier median. */
const LINKED_VISITS = Number(values['linked-visits']);

/** A reader's machine: a desktop as it is, or Lighthouse's phone (4x slower CPU, 150 ms round trips, 1.6 Mbps). */
interface Profile {
  name: string;
  cpu: number;
  network?: { latency: number; downloadThroughput: number; uploadThroughput: number };
}
const DESKTOP: Profile = { name: 'desktop', cpu: 1 };
const PHONE: Profile = {
  name: 'phone',
  cpu: 4,
  network: { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
};

/** Chrome's own CPU and network throttling, on the page behind `cdp` (with its Network domain enabled). */
async function throttle(cdp: CDPSession, profile: Profile): Promise<void> {
  if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
}

/** One fresh visit of a pair of queries: typed (the first, then the next), then the first opened from a link. */
interface Run {
  first: string;
  later: string;
  pageKiB: number;
  firstKiB: number;
  firstRequests: number;
  firstMs: number;
  laterKiB: number;
  laterMs: number;
  linked: { ms: number; steps: Record<string, number> }[];
  steps: Record<'first' | 'later', Record<string, number>>;
}

/** A site as the visits see it: where it is served and its search page for a query. */
interface Site {
  base: string;
  pathFor?: (query: string) => string;
}

/** Fresh visits of `queries` on one site, summarised (`summarise`). */
async function freshVisits(browser: Browser, site: Site, queries: [string, string][], profile: Profile = DESKTOP) {
  const runs: Run[] = [];
  for (const pair of queries) runs.push(await visitPair(browser, site, pair, profile));
  return summarise(runs);
}

/**
 * Fresh visits of `queries` on two sites, each pair on one and then the other before the next pair:
 * a slower stretch of the machine's (stock Pagefind's median from a link moved by a quarter between
 * runs) falls on both sites' visits alike, not on one site's.
 */
async function visitsSideBySide(
  browser: Browser,
  sites: { lectern: Site; stock: Site },
  queries: [string, string][],
  profile: Profile,
) {
  const runs: { lectern: Run[]; stock: Run[] } = { lectern: [], stock: [] };
  for (const pair of queries) {
    runs.lectern.push(await visitPair(browser, sites.lectern, pair, profile));
    runs.stock.push(await visitPair(browser, sites.stock, pair, profile));
  }
  return { lectern: summarise(runs.lectern), stock: summarise(runs.stock) };
}

/** A fresh visit (empty cache): the search page, then a first query and a later one, then the first opened from a link. */
async function visitPair(
  browser: Browser,
  { base, pathFor = () => '/search/' }: Site,
  [first, later]: [string, string],
  profile: Profile,
): Promise<Run> {
  // The HTTP/2 server's certificate is made for the run.
  // A reader who types Chinese has a browser in Chinese, which the page reads to guess which
  // index to open before the first key (src/client/search/page.ts).
  const locale = /\p{Script=Han}/u.test(first) ? 'zh-CN' : 'en-US';
  const options = { ignoreHTTPSErrors: base.startsWith('https:'), locale };
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const wire = await meter(page);
  await throttle(wire.cdp, profile);
  await page.goto(`${base}${pathFor(first)}`, { waitUntil: 'networkidle' });
  const pageBytes = (await wire.read(false)).bytes;
  // What the page fetched of the index before the reader typed counts to the first query, as
  // does what it fetches once they are in the box and typing.
  const ahead = await wire.read(true);
  wire.reset();
  const firstMs = await query(page, first, wire.cdp);
  await page.waitForLoadState('networkidle');
  const typed = await wire.read();
  const firstTraffic = { bytes: ahead.bytes + typed.bytes, requests: ahead.requests + typed.requests };
  const firstSteps = await lecternSteps(page);
  wire.reset();
  const laterMs = await query(page, later, wire.cdp);
  await page.waitForLoadState('networkidle');
  const laterTraffic = await wire.read();
  const laterSteps = await lecternSteps(page);
  await context.close();
  // A link to a search (or the box in every page's header) opens the search page with the
  // query in its URL: nothing can be opened ahead, so this is from navigation to results. Each
  // is opened LINKED_VISITS times, each time fresh: one visit a query moved the median by a
  // fifth between runs.
  const linkedVisits: { ms: number; steps: Record<string, number> }[] = [];
  for (let visit = 0; visit < LINKED_VISITS; visit++) {
    const linked = await browser.newContext(options);
    const linkPage = await linked.newPage();
    const linkCdp = await linked.newCDPSession(linkPage);
    await linkCdp.send('Network.enable');
    await throttle(linkCdp, profile);
    // Timed in the page, from the navigation's start to the status saying how many were found,
    // and said on the console. Waited for by evaluating in the page instead (waitForFunction),
    // Playwright first put its own script into the new page, on the page's thread in the middle
    // of the load being timed, and slowed stock's page more than Lectern's (docs/performance.md).
    await linkPage.addInitScript((signal) => {
      new MutationObserver((_, observer) => {
        if (/^[\d,]+ answers? /.test(document.querySelector('#search-status')?.textContent ?? '')) {
          observer.disconnect();
          requestAnimationFrame(() => {
            (window as unknown as { shown: number }).shown = performance.now();
            console.debug(signal);
          });
        }
      }).observe(document, { childList: true, subtree: true, characterData: true });
    }, SHOWN_SIGNAL);
    // Clicked on a page of another site, as a shared link is: the browser gives the search page
    // a new renderer process, whichever site it is. Opened straight from a new tab's blank page
    // instead, Chrome kept the blank page's process for the stock site and made a new one (about
    // 80 ms on a desktop) for Lectern's pages while they were sent a Cross-Origin-Opener-Policy
    // (docs/performance.md).
    const target = `${base}${pathFor(first)}?q=${encodeURIComponent(first)}`;
    await linkPage.goto(elsewhere(target));
    const shown = linkPage.waitForEvent('console', { predicate: (m) => m.text() === SHOWN_SIGNAL, timeout: 60_000 });
    await Promise.all([linkPage.waitForURL(target, { waitUntil: 'commit' }), linkPage.click('a')]);
    await shown;
    linkedVisits.push({
      ms: Math.round(await linkPage.evaluate(() => (window as unknown as { shown: number }).shown)),
      steps: await lecternSteps(linkPage),
    });
    await linked.close();
  }
  return {
    first,
    later,
    pageKiB: pageBytes / 1024,
    firstKiB: firstTraffic.bytes / 1024,
    firstRequests: firstTraffic.requests,
    firstMs,
    laterKiB: laterTraffic.bytes / 1024,
    laterMs,
    linked: linkedVisits,
    steps: { first: firstSteps, later: laterSteps },
  };
}

/** Medians (and maxima) over a site's runs, and its steps' medians by kind of search. */
function summarise(runs: Run[]) {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const max = (xs: number[]) => Math.max(...xs);
  const links = runs.flatMap((r) => r.linked);
  return {
    runs,
    firstKiB: { median: median(runs.map((r) => r.firstKiB)), max: max(runs.map((r) => r.firstKiB)) },
    firstMs: { median: median(runs.map((r) => r.firstMs)), max: max(runs.map((r) => r.firstMs)) },
    laterKiB: { median: median(runs.map((r) => r.laterKiB)), max: max(runs.map((r) => r.laterKiB)) },
    laterMs: { median: median(runs.map((r) => r.laterMs)), max: max(runs.map((r) => r.laterMs)) },
    linkedMs: { median: median(links.map((l) => l.ms)), max: max(links.map((l) => l.ms)) },
    pageKiB: median(runs.map((r) => r.pageKiB)),
    steps: Object.fromEntries(
      (['first', 'later', 'linked'] as const).map((kind) => {
        const visits = kind === 'linked' ? links.map((l) => l.steps) : runs.map((r) => r.steps[kind]);
        const names = [...new Set(visits.flatMap((steps) => Object.keys(steps)))];
        return [kind, Object.fromEntries(names.map((name) => [name, median(visits.map((steps) => steps[name] ?? 0))]))];
      }),
    ) as Record<'first' | 'later' | 'linked', Record<string, number>>,
  };
}

type Visits = ReturnType<typeof summarise>;

/**
 * Lectern against stock Pagefind (scripts/bench/stock-pagefind.ts) over the same answers and the
 * same visits, per profile: medians, and Lectern's as a share of stock's (below 1: faster).
 */
function versusTable(versus: { profile: string; lectern: Visits; stock: Visits }[]): string[] {
  const row = (label: string, a: number, b: number, unit: string) =>
    `| ${label} | ${unit === 'KiB' ? a.toFixed(1) : a} ${unit} | ${unit === 'KiB' ? b.toFixed(1) : b} ${unit} | ${(a / b).toFixed(2)}× |`;
  return [
    '## Against stock Pagefind',
    '',
    `Stock Pagefind 1.6.0 indexing the same answers (one record each: question and answer), searched by its own pagefind.js on a minimal page per language, initialised on load and preloading as the reader types; the same visits (${KEY_MS} ms a key, Chinese through an input method), medians. Phone: Chrome's throttling, 4× slower CPU, 150 ms round trips, 1.6 Mbps. Times are the page's own: from the Enter key's event, or from navigation for a search opened from a link (clicked on a page of another site, each ${LINKED_VISITS} times, fresh), to the frame that shows the count (set once the first page of results is in the list). The reader's browser is in the language they type (\`locale\`: the page opens that language's index before a key). HTTP/1.1 as first measured; HTTP/2 as the hosts serve it.`,
    '',
    '| measure | Lectern | stock Pagefind | ratio |',
    '| --- | --- | --- | --- |',
    ...versus.flatMap(({ profile, lectern, stock }) => [
      row(
        `${profile}, fresh visit, first query: results shown from Enter`,
        lectern.firstMs.median,
        stock.firstMs.median,
        'ms',
      ),
      row(`${profile}, the next query`, lectern.laterMs.median, stock.laterMs.median, 'ms'),
      row(
        `${profile}, a search opened from a link: from navigation`,
        lectern.linkedMs.median,
        stock.linkedMs.median,
        'ms',
      ),
      row(
        `${profile}, first query's transfer (with what the page fetched ahead)`,
        lectern.firstKiB.median,
        stock.firstKiB.median,
        'KiB',
      ),
      row(`${profile}, the next query's transfer`, lectern.laterKiB.median, stock.laterKiB.median, 'KiB'),
    ]),
    '',
    "Where Lectern's time goes, per step (medians over the visits, in ms, a step a visit did not take counted as 0; the page's own User Timing measures, `src/client/search/steps.ts`): `early` from navigation to the head script showing a linked query's ready results (`src/lib/search/ready.ts`); `script` from navigation to the page's script; `ready` showing a typed query's ready results; `open` waiting for the index (segments, metadata, WebAssembly) to be open; `query` the search in every segment, its chunks and the merge; `fragments` waiting for the first page's fragments; `render` the results; `shown` the count; `chart` the chart and filter counts, drawn after the results are shown.",
    '',
    '| profile, search | early | script | ready | open | query | fragments | render | shown | chart |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...versus.flatMap(({ profile, lectern }) =>
      (['first', 'later', 'linked'] as const).map((kind) => {
        const steps = lectern.steps[kind];
        const cell = (name: string) => (steps[name] === undefined ? '' : Math.round(steps[name]).toString());
        const label = { first: 'first query', later: 'next query', linked: 'from a link' }[kind];
        return `| ${profile}, ${label} | ${['early', 'script', 'ready', 'open', 'query', 'fragments', 'render', 'shown', 'chart'].map(cell).join(' | ')} |`;
      }),
    ),
    '',
  ];
}

// A site already built (--dist) is measured against the content it was built from, as it is:
// importing the corpus into it would add answers the site lacks (a subset built for a churn run).
const imported =
  values.content && values.dist
    ? { content: values.content, seconds: 0, failed: 0 }
    : await importCorpus(values.content);
console.log(`corpus: ${imported.content} (import ${imported.seconds.toFixed(1)} s, ${imported.failed} failed)`);
const answers = await answersOf(imported.content);
// With --content the folder holds more than the corpus just imported into it (the 10x archive).
const transcripts = readdirSync(imported.content, { recursive: true }).filter((name) =>
  String(name).endsWith('.md'),
).length;
const byUrl = new Map(answers.map((a) => [a.url, a]));
const en = answers.filter((a) => a.lang === 'en');
const zh = answers.filter((a) => a.lang === 'zh');
// Search needs no share cards; drawing 11,851 of them cold would only slow the run.
if (values.dist && !existsSync(join(values.dist, 'pagefind')))
  throw new Error(
    `--dist ${values.dist}: no built site there (no pagefind/ folder); build it first, or leave --dist out`,
  );
const build = values.dist ? { outDir: values.dist } : await buildSite(imported.content, { LECTERN_CARDS: 'skip' });
if ('code' in build && build.code !== 0) throw new Error(`build failed:\n${build.output.slice(-3000)}`);
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
  const short = {
    en: await relevance(browser, server.url, answers, 'en'),
    zh: await relevance(browser, server.url, answers, 'zh'),
  };
  console.log('short queries', { en: { ...short.en, perQuery: undefined }, zh: { ...short.zh, perQuery: undefined } });
  const pairs: [string, string][] = [
    ['Huawei', 'Belt and Road'],
    ['Meng Wanzhou', 'trade war'],
    ['华为', '一带一路'],
    ['孟晚舟', '新冠肺炎'],
    ['climate change', 'Hong Kong'],
    ['南海', '香港'],
    ['"win-win cooperation"', 'sanctions'],
  ];
  const visits = await freshVisits(browser, { base: server.url }, pairs);
  console.log('fresh visits', visits);
  // The same over HTTP/2, as the hosts serve it: the bytes a reader there downloads.
  const secure = await serve(build.outDir, { gzip: true, http2: true });
  const visitsHttp2 = await freshVisits(browser, { base: secure.url }, pairs).finally(() => secure.close());
  console.log('fresh visits, HTTP/2', visitsHttp2);
  // The same fresh visits on stock Pagefind over the same answers, on a desktop and a phone.
  // Over HTTP/1.1 as the issue first measured, and over HTTP/2 as every host in the README serves
  // it: a first page's ten fragments go in one round trip there, in two over HTTP/1.1's six
  // connections.
  const versus: { profile: string; lectern: Visits; stock: Visits }[] = [];
  // Queries the build did not make ready (src/lib/search/likely-queries.ts): the index's own path.
  const unready: [string, string][] = [
    ['rare earths', 'Nord Stream'],
    ['稀土', '中欧班列'],
    ['fentanyl', 'Confucius Institute'],
    ['芬太尼', '冬奥会'],
  ];
  const readiness = Object.fromEntries(
    [...pairs, ...unready].flat().map((q) => [q, isReady(build.outDir, q)] as const),
  );
  if (values.stock) {
    const stockDir = join(tmpdir(), 'lectern-bench-stock-pagefind');
    const stockPaths = await buildStockSite(answers, stockDir);
    const stockSite = (base: string): Site => ({
      base,
      pathFor: (q) => (/\p{Script=Han}/u.test(q) ? stockPaths.zh : stockPaths.en),
    });
    for (const http2 of [false, true]) {
      const lectern = await serve(build.outDir, { gzip: true, http2 });
      const stock = await serve(stockDir, { gzip: true, http2 });
      try {
        for (const profile of [DESKTOP, PHONE]) {
          versus.push({
            profile: `${profile.name}, ${http2 ? 'HTTP/2' : 'HTTP/1.1'}`,
            ...(await visitsSideBySide(
              browser,
              { lectern: { base: lectern.url }, stock: stockSite(stock.url) },
              pairs,
              profile,
            )),
          });
          console.log('against stock Pagefind', versus.at(-1));
        }
        // Queries not made ready, once, over HTTP/2: what a reader who searches for something rarer waits.
        if (http2)
          for (const profile of [DESKTOP, PHONE]) {
            versus.push({
              profile: `${profile.name}, HTTP/2, queries not made ready`,
              ...(await visitsSideBySide(
                browser,
                { lectern: { base: lectern.url }, stock: stockSite(stock.url) },
                unready,
                profile,
              )),
            });
            console.log('against stock Pagefind', versus.at(-1));
          }
      } finally {
        await Promise.all([lectern.close(), stock.close()]);
      }
    }
  }
  const report = {
    date: new Date().toISOString(),
    corpus: { transcripts, answers: answers.length, en: en.length, zh: zh.length },
    english,
    chinese,
    short,
    visits,
    visitsHttp2,
    versus,
    readiness,
  };
  const dir = join(projectRoot, 'bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${values.report}.json`), JSON.stringify(report, null, 2) + '\n');
  // The whole archive (issue #15) has budgets of its own: ten times the answers, a little more to fetch.
  const targets =
    report.corpus.transcripts > 5000
      ? { firstKiB: 150, firstMs: 300, laterKiB: 40 }
      : { firstKiB: 120, firstMs: 250, laterKiB: 30 };
  const pct = (a: number, b: number) => `${a}/${b} (${((100 * a) / b).toFixed(1)}%)`;
  writeFileSync(
    join(dir, `${values.report}.md`),
    [
      `# Search benchmark (${report.date.slice(0, 10)})`,
      '',
      `Corpus: ${report.corpus.transcripts} transcripts, ${report.corpus.answers} answers (${report.corpus.en} English, ${report.corpus.zh} Chinese), served gzip-compressed on loopback (HTTP/1.1, and HTTP/2 where said), headless Chromium.`,
      '',
      '| measure | result | target |',
      '| --- | --- | --- |',
      `| quoted 6-word English phrase → an answer saying it, first | ${pct(english.foundFirst, english.samples)} | ≥ 95% |`,
      `| … and the result opens at that answer, terms marked | ${pct(english.landedOnAnswer, english.samples)} | ≥ 95% |`,
      `| 10-character Chinese fragment → an answer containing it, first | ${pct(chinese.foundFirst, chinese.samples)} | ≥ 95% |`,
      `| … and the result opens at that answer, terms marked | ${pct(chinese.landedOnAnswer, chinese.samples)} | ≥ 95% |`,
      ...(['zh', 'en'] as const).flatMap((lang) => {
        const r = short[lang];
        const name = lang === 'zh' ? 'Chinese' : 'English';
        return [
          `| ${name}: top 10 of "Best match" containing the query (${r.queries} short queries, scripts/bench/queries.ts) | ${pct(r.containing, r.total)} | ≥ 98% |`,
          ...(lang === 'zh'
            ? [
                `| … matching it as a word, not across a word boundary (jieba's words) | ${pct(r.wholeWord, r.total)} | ≥ 98% |`,
              ]
            : []),
          `| … aboutness: occurrences per top-10 result against the mean over all matching answers (per query, averaged) | ${r.aboutness.toFixed(2)}× (${r.meanTop.toFixed(2)} against ${r.meanAll.toFixed(2)} pooled) | ≥ 2× |`,
          `| … queries whose top 10 came out in date order | ${r.dateOrdered.length} of ${r.queries}${r.dateOrdered.length > 0 ? ` (${r.dateOrdered.join(', ')})` : ''} | 0 |`,
        ];
      }),
      `| first query on a fresh visit, from clicking into the box: transfer (median / max) | ${visits.firstKiB.median.toFixed(1)} / ${visits.firstKiB.max.toFixed(1)} KiB | ≤ ${targets.firstKiB} KiB |`,
      `| first query: results shown, from Enter, typed at ${KEY_MS} ms a key (median / max) | ${visits.firstMs.median} / ${visits.firstMs.max} ms | ≤ ${targets.firstMs} ms |`,
      `| later query: transfer (median / max) | ${visits.laterKiB.median.toFixed(1)} / ${visits.laterKiB.max.toFixed(1)} KiB | ≤ ${targets.laterKiB} KiB |`,
      `| later query: results shown (median / max) | ${visits.laterMs.median} / ${visits.laterMs.max} ms | |`,
      `| a search opened from a link (a shared search, clicked on another site): results shown, from navigation (median / max) | ${visits.linkedMs.median} / ${visits.linkedMs.max} ms | |`,
      `| over HTTP/2 with TLS, as the hosts serve it: first query transfer (median / max) | ${visitsHttp2.firstKiB.median.toFixed(1)} / ${visitsHttp2.firstKiB.max.toFixed(1)} KiB | |`,
      `| … later query transfer (median / max) | ${visitsHttp2.laterKiB.median.toFixed(1)} / ${visitsHttp2.laterKiB.max.toFixed(1)} KiB | |`,
      `| … first query: results shown (median / max) | ${visitsHttp2.firstMs.median} / ${visitsHttp2.firstMs.max} ms | |`,
      `| the search page itself (HTML, CSS, JS) | ${visits.pageKiB.toFixed(1)} KiB | |`,
      '',
      ...(versus.length > 0 ? versusTable(versus) : []),
      `Which of the visits' queries the build made ready (\`src/lib/search/likely-queries.ts\`: the names of the entities with a page and the words and two-word phrases the answers use most; none is chosen for this benchmark): ${Object.entries(
        readiness,
      )
        .map(([q, ready]) => `${q} ${ready ? 'ready' : 'not ready'}`)
        .join('; ')}.`,
      '',
    ].join('\n'),
  );
  console.log(`wrote ${join(dir, `${values.report}.md`)}`);
} finally {
  await browser.close();
  await server.close();
  referrer.close();
}
