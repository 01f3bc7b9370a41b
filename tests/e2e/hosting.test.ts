import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { headerPolicy } from '../../src/lib/hosting/csp.ts';
import { headersFor, readHeaders } from '../../scripts/support/headers.ts';
import { fixtureContent } from '../support/content.ts';
import { axeViolations } from '../support/axe.ts';
import { openSite, type Site } from '../support/site.ts';

// The site as a host serves it, with the headers of its own _headers file (tests/support/serve.ts):
// every kind of page in both languages, light and dark, under its Content-Security-Policy, with no
// violation and no WCAG 2.1 AA failure that axe-core finds.

const pages: [string, string][] = [
  ['home', '/'],
  ['archive', '/archive/'],
  ['archive year', '/archive/2019/'],
  ['spokespeople', '/spokespeople/'],
  ['spokesperson', '/spokespeople/lu-kang/'],
  ['transcript (en)', '/remarks/en/qa-classic/'],
  ['transcript (zh)', '/remarks/zh/zh-wenda/'],
  ['transcript with markup and an image', '/remarks/en/markup-is-text/'],
  ['answer (en)', '/remarks/en/qa-classic/q1/'],
  ['answer (zh)', '/remarks/zh/zh-wenda/q1/'],
  ['answer beside its translation', '/remarks/en/follow-up-split/q2/'],
  ['one language only', '/differences/'],
  ['one language only, a year', '/differences/2021/'],
  ['topics', '/topics/'],
  ['topic, with its chart', '/topics/5g/'],
  ['open data and feeds', '/data/'],
  ['answer landed on from search, terms marked', '/remarks/en/pinned-ids/?hl=Huawei#huawei-5g'],
  ['search with a query and its chart (en)', '/search/?q=answer'],
  ['search narrowed to a month on the chart', '/search/?q=answer&year=2020&month=2020-03'],
  ['search with a query (zh)', '/search/?q=%E5%8D%8E%E4%B8%BA'],
  ['404', '/no-such-page/'],
];

interface Violation {
  directive: string;
  blocked: string;
}

describe('the site under its own headers', () => {
  let site: Site;
  let context: BrowserContext;

  beforeAll(async () => {
    site = await openSite(fixtureContent());
    context = await site.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    // Set up before any page script runs; the browser reports every blocked load or inline code here.
    await context.addInitScript(() => {
      const seen: { directive: string; blocked: string }[] = [];
      (window as unknown as { __violations: typeof seen }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push({ directive: event.violatedDirective, blocked: event.blockedURI }),
      );
    });
  });

  afterAll(() => site.close());

  async function open(path: string, scheme: 'light' | 'dark'): Promise<{ page: Page; status: number }> {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    const response = await page.goto(`${site.url}${path}`);
    expect(response!.headers()['content-security-policy']).toBe(headerPolicy);
    expect(response!.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
    if (path.startsWith('/search/?q=')) {
      await page.waitForFunction(() =>
        /answers? for/.test(document.querySelector('#search-status')?.textContent ?? ''),
      );
    }
    return { page, status: response!.status() };
  }

  // _headers sends the permissions policy to the paths that hold pages, not to every
  // path: a new kind of page in a folder it does not list would be served without them.
  test('every page the build writes is sent the headers of a page by _headers', () => {
    const dist = site.build.outDir;
    const rules = readHeaders(join(dist, '_headers'));
    const pages = readdirSync(dist, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    for (const file of pages) {
      const path = `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
      const headers = headersFor(rules, path);
      expect(headers['content-security-policy'], path).toBe(headerPolicy);
      expect(headers['cross-origin-opener-policy'], path).toBeUndefined();
      expect(headers['permissions-policy'], path).toMatch(/camera=\(\)/);
    }
  });

  const violations = (page: Page) =>
    page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations);

  for (const scheme of ['light', 'dark'] as const) {
    test.each(pages)(`%s (%s), ${scheme}: no CSP violation, no axe violation at WCAG 2.1 AA`, async (_, path) => {
      const { page, status } = await open(path, scheme);
      expect(status).toBe(path === '/no-such-page/' ? 404 : 200);
      expect(await axeViolations(page)).toEqual([]);
      expect(await violations(page)).toEqual([]);
      await page.close();
    });
  }

  test('the open data page fits a phone: its files table scrolls by itself, never the page', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${site.url}/data/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBe(0);
    await page.close();
  });

  test('a picture in a transcript is a link to it, never a request to its host', async () => {
    const requests: string[] = [];
    const page = await context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${site.url}/remarks/en/markup-is-text/`);
    const link = page.locator('main a[href="https://example.com/chart.png"]');
    expect(await link.innerText()).toBe('[image: a chart]');
    expect(requests.filter((url) => !url.startsWith(site.url))).toEqual([]);
    await page.close();
  });

  test('search, landing on the answer and copy link all work under the policy', async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}/search/?q=Huawei`);
    await page.waitForFunction(() =>
      /answers? for Huawei/.test(document.querySelector('#search-status')?.textContent ?? ''),
    );
    await page.locator('#results li a.question').first().click();
    await page.waitForURL(/\?hl=Huawei#/);
    expect(await page.locator('main mark').first().innerText()).toBe('Huawei');
    const id = new URL(page.url()).hash.slice(1);
    await page.locator(`#${id} .share-menu summary`).click();
    await page.locator(`#${id} button.copy-link`).click();
    await expect.poll(() => page.locator(`#${id} .share-status`).innerText()).toBe('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`/${id}/$`));
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  test('search files named by their content are cached for good; the entry and pages are asked again', async () => {
    const page = await context.newPage();
    const cache = new Map<string, string>();
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      const general = path
        .replace(/\/(archive|latest)\//, '/*/')
        .replace(/\/(fragment|index)\/[0-9a-f]{12}\/[0-9a-z]+(?=\.pf_(fragment|index)$)/, '/$1/*/*')
        .replace(/[0-9a-f]{12}(?=\.)|_[0-9a-f]{10}(?=\.pf_meta)/, '*')
        .replace(/^\/search\/ready\/en\/[0-9a-z]+\.json$/, '/search/ready/en/*.json');
      cache.set(general, response.headers()['cache-control'] ?? '');
    });
    // Quoted, it is no likely query made ready (src/lib/search/ready.ts): its fragments are fetched.
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('"Huawei"')}`);
    await page.waitForFunction(() =>
      /answers? for "Huawei"/.test(document.querySelector('#search-status')?.textContent ?? ''),
    );
    await page.locator('#results li .excerpt').first().waitFor();
    // Unquoted it is: its file, like the list of them, is the build's, asked again every visit.
    await page.goto(`${site.url}/search/?q=Huawei`);
    await page.waitForFunction(() =>
      /answers? for Huawei/.test(document.querySelector('#search-status')?.textContent ?? ''),
    );
    expect(cache.get('/search/ready/en/*.json')).toBe('no-cache');
    const immutable = 'public, max-age=31536000, immutable';
    expect(cache.get('/pagefind/en/*/fragment/*/*.pf_fragment')).toBe(immutable);
    expect(cache.get('/pagefind/en/*/index/*/*.pf_index')).toBe(immutable);
    expect(cache.get('/pagefind/en/*/pagefind.en*.pf_meta')).toBe(immutable);
    // Each segment's entry comes inside segments.json, asked again every visit.
    expect(cache.has('/pagefind/en/*/pagefind-entry.json')).toBe(false);
    expect(cache.get('/pagefind/en/segments.json')).toBe('no-cache');
    expect(cache.get('/search/')).toBe('no-cache');
    await page.close();
  });
});
