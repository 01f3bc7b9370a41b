import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixtureContent } from '../support/content.ts';
import { openSite, type Site } from '../support/site.ts';

describe('a site built from fixture transcripts', () => {
  let site: Site;
  let page: Page;

  beforeAll(async () => {
    site = await openSite(fixtureContent());
    page = await site.browser.newPage();
  });

  afterAll(() => site.close());

  const results = (p: Page) => p.locator('#results li a.question');
  const waitForStatus = (p: Page, pattern: RegExp) =>
    p.waitForFunction(
      (source) => new RegExp(source).test(document.querySelector('#search-status')?.textContent ?? ''),
      pattern.source,
    );

  test('search: type a query, filter, open a result and land on the answer with the terms marked', async () => {
    await page.goto(`${site.url}/search/`);
    await page.fill('#q', 'Huawei');
    await page.press('#q', 'Enter');
    await waitForStatus(page, /^\d+ answers? for Huawei/);
    expect(await results(page).count()).toBeGreaterThan(0);
    expect(page.url()).toContain('?q=Huawei');

    await page.locator('#refine summary').click();
    await page.locator('input[name="spokesperson"][value="Lu Kang 陆慷"]').check();
    await page.waitForURL(/spokesperson=Lu\+Kang/);
    await waitForStatus(page, /^1 answer for Huawei/);
    expect(await page.locator('input[name="spokesperson"][value="Lu Kang 陆慷"] + .count').innerText()).toBe('1');
    const first = results(page).first();
    expect(await first.innerText()).toBe('On Huawei?');
    expect(await page.locator('#results li .excerpt mark').first().innerText()).toMatch(/huawei/i);

    await first.click();
    await page.waitForURL(/\/remarks\/en\/pinned-ids\/\?hl=Huawei#huawei-5g$/);
    expect(await page.locator('#huawei-5g mark').first().innerText()).toBe('Huawei');
    const top = await page.locator('#huawei-5g').evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(await page.evaluate(() => innerHeight));

    await page.goBack();
    await waitForStatus(page, /^1 answer for Huawei/);
    await page.goBack();
    await waitForStatus(page, /answers? for Huawei/);
    expect(page.url()).not.toContain('spokesperson');
  });

  test('search: a failed index file says so and offers to try again, never "Searching…" for ever', async () => {
    const fresh = await site.browser.newPage();
    await fresh.route('**/pagefind/en/wasm.*.pagefind', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await fresh.goto(`${site.url}/search/?q=Huawei`);
    await waitForStatus(fresh, /^Search is not working right now: .*wasm\.en\.pagefind answered 404/);
    expect(await results(fresh).count()).toBe(0);
    await fresh.unroute('**/pagefind/en/wasm.*.pagefind');
    await fresh.locator('#search-status button').click();
    await waitForStatus(fresh, /^\d+ answers? for Huawei/);
    expect(await results(fresh).count()).toBeGreaterThan(0);
    await fresh.close();
  });

  test('search: a search URL reloads to the same results', async () => {
    const url = `${site.url}/search/?q=answer&sort=oldest&lang=en`;
    await page.goto(url);
    await waitForStatus(page, /answers? for answer/);
    const before = await results(page).allInnerTexts();
    expect(before.length).toBeGreaterThan(1);
    await page.reload();
    await waitForStatus(page, /answers? for answer/);
    expect(await results(page).allInnerTexts()).toEqual(before);
    expect(await page.inputValue('#q')).toBe('answer');
    expect(await page.inputValue('#sort')).toBe('oldest');
  });

  test('search: a Chinese query finds the Chinese answer and marks it', async () => {
    await page.goto(`${site.url}/search/`);
    await page.fill('#q', '华为');
    await page.press('#q', 'Enter');
    await waitForStatus(page, /^1 answer for 华为/);
    expect(await results(page).first().innerText()).toBe('关于华为，中方有何评论？ 你能否进一步说明？');
    await results(page).first().click();
    await page.waitForURL(/\/remarks\/zh\/zh-wenda\/\?hl=.*#q1$/);
    expect(await page.locator('#q1 mark').first().innerText()).toBe('华为');
  });

  test('markup in a transcript is shown as text, never live', async () => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.url}/remarks/en/markup-is-text/`);
    const main = page.locator('main');
    expect(await main.innerText()).toContain('<script>window.__xss = 1</script>');
    expect(await main.innerText()).toContain('<div onclick="window.__xss = 4">raw block</div>');
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await main.locator('script, img, [onerror], [onclick], a[href^="javascript:"]').count()).toBe(0);
    expect(await main.locator('a[href="https://example.org/"]').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  test('a Chinese transcript is marked Chinese, with its labels', async () => {
    await page.goto(`${site.url}/remarks/zh/zh-wenda/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
    expect(await page.locator('#q1 .turn[data-kind="question"] .label').innerText()).toBe('问：');
    expect(await page.locator('#q1 .turn[data-kind="follow-up"] .text').innerText()).toBe('你能否进一步说明？');
    expect(await page.locator('time').first().getAttribute('datetime')).toBe('2019-06-03');
  });

  test('follow-ups and interjections stay inside their exchange; pinned ids are anchors', async () => {
    await page.goto(`${site.url}/remarks/en/qa-2020-outlets/`);
    expect(await page.locator('#q1 .turn').count()).toBe(4);
    expect(await page.locator('#q1 .turn[data-kind="interjection"] .text').innerText()).toBe('Yes.');
    expect(await page.locator('#q2 .asker').innerText()).toContain('Associated Press of Pakistan');
    await page.goto(`${site.url}/remarks/en/pinned-ids/`);
    expect(await page.locator('#huawei-5g a.anchor').getAttribute('href')).toBe('#huawei-5g');
    expect(await page.locator('#huawei-5g a.permalink').getAttribute('href')).toBe('/remarks/en/pinned-ids/huawei-5g/');
  });

  test('spokespeople of both languages have pages, and transcripts link to the previous and next', async () => {
    await page.goto(`${site.url}/spokespeople/`);
    for (const slug of ['geng-shuang', 'wang-wenbin', 'zhao-lijian', 'lu-kang']) {
      expect(await page.locator(`a[href="/spokespeople/${slug}/"]`).count(), slug).toBe(1);
    }
    await page.goto(`${site.url}/spokespeople/geng-shuang/`);
    expect(await page.locator('.transcript-list li').count()).toBe(2);
    await page.goto(`${site.url}/remarks/en/qa-classic/`);
    expect(await page.locator('a[rel="next"], a[rel="prev"]').count()).toBeGreaterThan(0);
  });
});
