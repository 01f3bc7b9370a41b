import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../../scripts/support/paths.ts';
import { axeViolations } from '../support/axe.ts';
import { sideways, smallTargets } from '../support/reader.ts';
import { openSite, type Site } from '../support/site.ts';

/**
 * What a reader meets on the sample site (content/): a long transcript on a phone, the lists, a
 * Chinese page, an answer's neighbours, what the archive covers, print. Screenshots of each page
 * kind, phone and desktop, go to test-results/screenshots/ for review.
 */
const long = '/remarks/en/2019/2019-03-04-press-conference/';
const chinese = '/remarks/zh/2019/2019-03-01-press-conference/';
const shots = join(projectRoot, 'test-results/screenshots');

describe('reading the archive', () => {
  let site: Site;
  let phone: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    site = await openSite();
    phone = await site.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    page = await phone.newPage();
    mkdirSync(shots, { recursive: true });
  });

  afterAll(() => site.close());

  test('a long transcript opens with its questions; each answer leads to the next and back, on a phone', async () => {
    await page.goto(`${site.url}${long}`);
    const questions = page.locator('#questions li a');
    const exchanges = await page.locator('article.exchange').count();
    expect(exchanges).toBeGreaterThanOrEqual(5);
    expect(await questions.count()).toBe(exchanges);
    expect(await questions.nth(1).getAttribute('href')).toBe('#q2');
    await questions.nth(1).click();
    await page.waitForURL(/#q2$/);
    await page.locator('#q2 .exchange-steps a', { hasText: 'Next question' }).click();
    await page.waitForURL(/#q3$/);
    await page.locator('#q3 .exchange-steps a', { hasText: 'All questions' }).click();
    await page.waitForURL(/#questions$/);
    expect(await page.locator(`#q${exchanges} .exchange-steps a`).allInnerTexts()).toEqual(['All questions']);
    expect(await sideways(page)).toBe(0);
    expect(await smallTargets(page)).toEqual([]);
    await page.screenshot({ path: join(shots, 'transcript-phone.png') });
  });

  test("an answer's page leads to the answers before and after it", async () => {
    await page.goto(`${site.url}${long}q2/`);
    const steps = page.locator('.answer-steps a');
    expect(await steps.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual([
      `${long}q1/`,
      `${long}q3/`,
    ]);
    expect(await page.locator('.in-transcript').innerText()).toMatch(/Question 2 of \d+/);
    await page.screenshot({ path: join(shots, 'answer-phone.png') });
  });

  test('lists show a press conference once, with both language versions, and honest counts', async () => {
    await page.goto(`${site.url}/`);
    const entries = page.locator('.transcript-list > li');
    const titles = await entries
      .locator('> a:first-child')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(new Set(titles).size).toBe(titles.length);
    const paired = entries.filter({ has: page.locator(`a[href="${long}"]`) });
    expect(await paired.count()).toBe(1);
    expect(await paired.locator('a.other-version').getAttribute('href')).toBe(
      '/remarks/zh/2019/2019-03-04-press-conference/',
    );
    expect(await page.locator('.coverage').innerText()).toMatch(
      /^The archive holds \d+ transcripts in English \(1 March 2019 to \d+ March 2019\) and \d+ transcripts in Chinese/,
    );
    expect(await page.locator('.follow').innerText()).toMatch(/\(RSS\): all · English · 中文/);
    expect(await page.locator('.site-footer p').first().innerText()).toMatch(/^Lectern publishes /);
    await page.screenshot({ path: join(shots, 'home-phone.png') });

    await page.goto(`${site.url}/archive/2019/`);
    const jumps = page.locator('.month-jumps a');
    expect(await jumps.first().getAttribute('href')).toBe('#m-2019-03');
    expect(await page.locator('main > p').first().innerText()).toMatch(/^\d+ transcripts, newest first\./);
    expect(await sideways(page)).toBe(0);
    expect(await smallTargets(page)).toEqual([]);

    await page.goto(`${site.url}/spokespeople/`);
    for (const text of await page.locator('.people li').allInnerTexts())
      expect(text).toMatch(/\S \d[\d,]* transcripts?, \d+ \w+ \d{4} to \d+ \w+ \d{4}$/);
    await page.goto(`${site.url}/spokespeople/lu-kang/`);
    expect(await page.locator('.tenure').innerText()).toMatch(
      /^\d+ transcripts?, from \d+ March 2019 to \d+ March 2019\.$/,
    );
    const search = await page.locator('a', { hasText: 'Search Lu Kang' }).getAttribute('href');
    expect(search).toBe('/search/?spokesperson=Lu+Kang+%E9%99%86%E6%85%B7');
    await page.screenshot({ path: join(shots, 'spokesperson-phone.png') });
  });

  test('a Chinese page is in Chinese throughout: navigation, search, footer, labels', async () => {
    await page.goto(`${site.url}${chinese}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hans');
    const chrome = await page.locator('.site-header, .site-footer, .skip').allInnerTexts();
    expect(chrome.join(' ').replace(/Lectern/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    expect(await page.locator('.site-header nav a').allInnerTexts()).toEqual(['最新', '往期', '发言人', '搜索']);
    const label = await page
      .locator('.facts dt')
      .first()
      .evaluate((dt) => getComputedStyle(dt, '::after').content);
    expect(label).toBe('"："');
    expect(await page.locator('#questions h2').innerText()).toBe('提问');
    await page.screenshot({ path: join(shots, 'transcript-zh-phone.png') });
  });

  test('what is published in one language only is counted, year by year', async () => {
    await page.goto(`${site.url}/differences/`);
    const line = await page.locator('#whole-transcripts + p').innerText();
    const [, all, en, zh] =
      /^(\d+) transcripts? have no version in the other language here: (\d+) in English only, (\d+) in Chinese only\.$/.exec(
        line,
      )!;
    expect(Number(en) + Number(zh)).toBe(Number(all));
    expect(Number(all)).toBeGreaterThan(0);
    expect(await page.locator('.coverage').count()).toBe(1);
    await page.goto(`${site.url}/differences/2019/`);
    expect(await page.locator('section[aria-labelledby="whole-transcripts"] .transcript-list li').count()).toBe(
      Number(all),
    );
  });

  test('a search that finds nothing offers the nearest words, or the language its words are in', async () => {
    const desk = await site.browser.newPage();
    await desk.goto(`${site.url}/search/?q=Huwei`);
    const status = desk.locator('#search-status');
    await desk.locator('#search-status .hint-line a').waitFor();
    expect(await status.innerText()).toMatch(/^0 answers for Huwei.* Did you mean Huawei\?$/);
    await desk.locator('#search-status .hint-line a').click();
    await desk.waitForFunction(() =>
      /^\d+ answers? for Huawei/.test(document.querySelector('#search-status')?.textContent ?? ''),
    );
    expect(await desk.locator('#results li').count()).toBeGreaterThan(0);

    await desk.goto(`${site.url}/search/?q=Huawei&lang=zh`);
    await desk.locator('#search-status .hint-line a').waitFor();
    expect(await status.innerText()).toContain('Searched in Chinese only: search the English transcripts.');
    await desk.screenshot({ path: join(shots, 'search-desktop.png') });
    await desk.close();
  });

  test.each([
    ['home', '/'],
    ['archive', '/archive/'],
    ['year', '/archive/2019/'],
    ['spokespeople', '/spokespeople/'],
    ['spokesperson', '/spokespeople/lu-kang/'],
    ['transcript', long],
    ['transcript-zh', chinese],
    ['answer', `${long}q2/`],
    ['search', '/search/?q=Huawei'],
    ['differences', '/differences/'],
    ['differences-year', '/differences/2019/'],
    ['data', '/data/'],
    ['topics', '/topics/'],
    ['formulas', '/formulas/'],
    ['formulas-zh-newest', '/formulas/zh/newest/'],
  ])(
    '%s (%s): no sideways scroll and no small tap target on a phone; screenshots of phone and desktop',
    async (kind, path) => {
      const phonePage = await phone.newPage();
      await phonePage.goto(`${site.url}${path}`);
      if (kind === 'search')
        await phonePage.waitForFunction(() =>
          /answers? for/.test(document.querySelector('#search-status')?.textContent ?? ''),
        );
      expect(await sideways(phonePage)).toBe(0);
      expect(await smallTargets(phonePage)).toEqual([]);
      await phonePage.screenshot({ path: join(shots, `${kind}-phone.png`) });
      await phonePage.close();
      const desk = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
      await desk.goto(`${site.url}${path}`);
      if (kind === 'search')
        await desk.waitForFunction(() =>
          /answers? for/.test(document.querySelector('#search-status')?.textContent ?? ''),
        );
      await desk.screenshot({ path: join(shots, `${kind}-desktop.png`) });
      expect(await axeViolations(desk)).toEqual([]);
      await desk.close();
    },
  );

  test('data says what it covers, under what terms, with a row to see; a transcript links its JSON; a feed reads as a page', async () => {
    await page.goto(`${site.url}/data/`);
    expect(await page.locator('.licence').innerText()).toMatch(/claims no rights in them/);
    expect(await page.locator('.coverage').count()).toBe(1);
    const row = JSON.parse(await page.locator('.sample-row').innerText()) as Record<string, unknown>;
    expect(Object.keys(row)).toEqual(expect.arrayContaining(['id', 'link', 'date', 'question', 'answer']));

    await page.goto(`${site.url}${long}`);
    const json = await page.locator('.facts a.data-link').getAttribute('href');
    expect(json).toBe(`${long.replace(/\/$/, '')}.json`);
    const response = await page.request.get(`${site.url}${json}`);
    expect(response.ok()).toBe(true);

    const desk = await site.browser.newPage();
    await desk.goto(`${site.url}/feeds/all.xml`);
    const shown = await desk.evaluate(() => {
      const visible = (selector: string) => {
        const element = document.querySelector(selector);
        return element ? getComputedStyle(element).display : 'missing';
      };
      return { title: visible('channel > title'), item: visible('item > title'), guid: visible('item > guid') };
    });
    expect(shown).toEqual({ title: 'block', item: 'block', guid: 'none' });
    await desk.screenshot({ path: join(shots, 'feed-desktop.png') });
    await desk.close();
  });

  test('print keeps links dark in a dark scheme, and prints the page’s own address', async () => {
    const desk = await site.browser.newPage();
    await desk.emulateMedia({ media: 'print', colorScheme: 'dark' });
    await desk.goto(`${site.url}${long}`);
    const colour = await desk.locator('a.source').evaluate((link) => getComputedStyle(link).color);
    expect(colour).toBe('rgb(0, 0, 0)');
    expect(await desk.locator('.print-address').innerText()).toMatch(new RegExp(`${long}$`));
    expect(await desk.locator('.question-list').isVisible()).toBe(false);
    await desk.close();
  });
});
