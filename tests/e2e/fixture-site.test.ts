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
    // The quote is the spokesperson's answer, not the question again, even where only the question matches.
    expect(await page.locator('#results li .excerpt').first().innerText()).toBe('Answer one.');

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

  test('a search opened from a link fetches each index file once, whichever script asked for it first', async () => {
    for (const q of ['Huawei', '华为', '"answer one"']) {
      const context = await site.browser.newContext();
      const fresh = await context.newPage();
      const asked: string[] = [];
      fresh.on('request', (request) => {
        const { pathname } = new URL(request.url());
        if (pathname.startsWith('/pagefind/')) asked.push(pathname);
      });
      await fresh.goto(`${site.url}/search/?q=${encodeURIComponent(q)}`);
      await waitForStatus(fresh, /^\d+ answers? for /);
      expect(await results(fresh).count(), q).toBeGreaterThan(0);
      await fresh.waitForLoadState('networkidle');
      expect(asked.filter((path) => path.endsWith('.pf_meta')).length, q).toBeGreaterThan(0);
      expect(
        asked.filter((path, i) => asked.indexOf(path) !== i),
        q,
      ).toEqual([]);
      await context.close();
    }
  });

  test("search: a likely query's first page is shown from its ready file while the index still opens", async () => {
    // The build makes the likeliest searches ready (src/lib/search/likely-queries.ts): Huawei is asked about here.
    const list = (await (await fetch(`${site.url}/search/ready/en/queries.json`)).json()) as Record<string, number>;
    expect(Object.keys(list).length).toBeGreaterThan(0);
    const context = await site.browser.newContext();
    const fresh = await context.newPage();
    // The index held back: whatever is shown came from the ready file.
    let holding = true;
    const held: (() => Promise<void>)[] = [];
    await fresh.route('**/pagefind/**', (route) => {
      if (holding) held.push(() => route.continue());
      else void route.continue();
    });
    await fresh.goto(`${site.url}/search/?q=Huawei`);
    await waitForStatus(fresh, /^\d+ answers? for Huawei/);
    const early = await fresh.locator('#results li').allInnerTexts();
    expect(early.length).toBeGreaterThan(0);
    // The index is asked for once the ready results are drawn (handoff.ts), and held.
    await expect.poll(() => held.length).toBeGreaterThan(0);
    // Once the index opens, its search takes over: the same first page, the same count.
    const status = await fresh.locator('#search-status').innerText();
    holding = false;
    for (const release of held.splice(0)) await release();
    await fresh.waitForLoadState('networkidle');
    expect(await fresh.locator('#results li').allInnerTexts()).toEqual(early);
    expect(await fresh.locator('#search-status').innerText()).toBe(status);
    await context.close();
  });

  test('a malformed #hash never stops the page: an escaped one still lands on its answer, marked', async () => {
    const errors: string[] = [];
    const open = async (path: string) => {
      const fresh = await site.browser.newPage();
      fresh.on('pageerror', (error) => errors.push(error.message));
      // Module scripts have run by the load event, which goto waits for.
      await fresh.goto(`${site.url}${path}`);
      return fresh;
    };
    await (await open('/remarks/en/pinned-ids/?hl=Huawei#%E0')).close();
    const escaped = await open('/remarks/en/pinned-ids/?hl=Huawei#huawei%2D5g');
    expect(await escaped.locator('#huawei-5g mark').first().innerText()).toBe('Huawei');
    expect(errors).toEqual([]);
    await escaped.close();
  });

  test('search: a failed index file says so and offers to try again, never "Searching…" for ever', async () => {
    const fresh = await site.browser.newPage();
    await fresh.route('**/pagefind/en/wasm.pagefind', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await fresh.goto(`${site.url}/search/?q=Huawei`);
    await waitForStatus(fresh, /^Search is not working right now: .*wasm\.pagefind answered 404/);
    expect(await results(fresh).count()).toBe(0);
    await fresh.unroute('**/pagefind/en/wasm.pagefind');
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
    await waitForStatus(page, /^2 answers for 华为/);
    const result = results(page).filter({ hasText: '关于华为' });
    expect(await result.innerText()).toBe('关于华为，中方有何评论？ 你能否进一步说明？');
    await result.click();
    await page.waitForURL(/\/remarks\/zh\/zh-wenda\/\?hl=.*#q1$/);
    expect(await page.locator('#q1 mark').first().innerText()).toBe('华为');
  });

  test('search: the box has focus on arrival, and the reader’s language’s index opens before a key', async () => {
    for (const [locale, lang, other] of [
      ['en-GB', 'en', 'zh'],
      ['zh-CN', 'zh', 'en'],
    ] as const) {
      const fresh = await site.browser.newPage({ locale });
      const fetched: string[] = [];
      fresh.on('request', (request) => fetched.push(new URL(request.url()).pathname));
      const opened = fresh.waitForRequest(`**/pagefind/${lang}/wasm.pagefind`);
      await fresh.goto(`${site.url}/search/`);
      expect(await fresh.evaluate(() => document.activeElement?.id)).toBe('q');
      await opened;
      expect(fetched.filter((path) => path.startsWith(`/pagefind/${other}/`))).toEqual([]);
      // Nothing is searched before the reader asks.
      expect(await fresh.locator('#search-form').getAttribute('data-searches')).toBe('1');
      expect(await fresh.locator('#search-status').innerText()).toMatch(/^Type a question/);
      await fresh.close();
    }
  });

  test('search: Chinese typed through an input method is searched once chosen, never as its pinyin, nor English opened', async () => {
    // A reader typing Chinese, in a browser in Chinese: the index opened before a key is theirs.
    const fresh = await site.browser.newPage({ locale: 'zh-CN' });
    const fetched: string[] = [];
    fresh.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await fresh.goto(`${site.url}/search/`);
    await fresh.click('#q');
    // The form says what it has begun (data-searches) and whether a search waits for typing to
    // pause (data-pending): composing must leave both as they were, with nothing to wait for.
    const form = fresh.locator('#search-form');
    const searches = await form.getAttribute('data-searches');
    const ime = await fresh.context().newCDPSession(fresh);
    for (const composing of ['hua', 'huawei']) {
      await ime.send('Input.imeSetComposition', {
        text: composing,
        selectionStart: composing.length,
        selectionEnd: composing.length,
      });
      expect(await form.getAttribute('data-pending')).toBeNull();
      expect(await form.getAttribute('data-searches')).toBe(searches);
    }
    expect(await fresh.locator('#search-status').innerText()).not.toMatch(/huawei|answers/i);
    await ime.send('Input.insertText', { text: '华为' });
    await waitForStatus(fresh, /^2 answers for 华为/);
    expect(fresh.url()).toContain(`?q=${encodeURIComponent('华为')}`);
    // Clearing the box says nothing of the next query's language, and composing at once the next
    // is not searched as pinyin when the pause after the clearing ends: nothing more is opened.
    await fresh.click('#q', { clickCount: 3 });
    await fresh.keyboard.press('Backspace');
    await ime.send('Input.imeSetComposition', { text: 'hua', selectionStart: 3, selectionEnd: 3 });
    // The clearing's search, if it has not run yet, is called off: nothing waits to search the pinyin.
    expect(await form.getAttribute('data-pending')).toBeNull();
    expect(await fresh.locator('#search-status').innerText()).not.toMatch(/hua/i);
    await ime.send('Input.insertText', { text: '华为' });
    await waitForStatus(fresh, /^2 answers for 华为/);
    // The Chinese index was opened as the input method started; the English one never was.
    expect(fetched.some((path) => path.startsWith('/pagefind/zh/'))).toBe(true);
    expect(fetched.filter((path) => path.startsWith('/pagefind/en/'))).toEqual([]);
    await fresh.close();
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
    expect(await page.locator('#q1 > .turn[data-kind="question"] .label').innerText()).toBe('问：');
    expect(await page.locator('#q1 > .turn[data-kind="follow-up"] .text').innerText()).toBe('你能否进一步说明？');
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
    // His two transcripts are one press conference in two languages: one entry, with both versions.
    expect(await page.locator('.transcript-list li').count()).toBe(1);
    expect(await page.locator('.transcript-list li a').count()).toBe(2);
    expect(await page.locator('.transcript-list li a.other-version').getAttribute('hreflang')).toBe('zh-Hans');
    await page.goto(`${site.url}/remarks/en/qa-classic/`);
    expect(await page.locator('a[rel="next"], a[rel="prev"]').count()).toBeGreaterThan(0);
  });

  test('both versions of an answer: beside each other on a wide screen, one below the other on a phone and in print', async () => {
    const fresh = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await fresh.goto(`${site.url}/remarks/en/follow-up-split/q3/`);
    const alternate = fresh.locator('link[rel="alternate"][hreflang="zh-Hans"]');
    expect(new URL((await alternate.getAttribute('href'))!).pathname).toBe('/remarks/zh/follow-up-split/q4/');
    const own = fresh.locator('.bilingual > .exchange');
    const other = fresh.locator('.bilingual > .counterpart');
    expect(await other.locator('[lang="zh-Hans"] .turn.question .text').innerText()).toContain('福岛');
    const box = async () => ({ own: (await own.boundingBox())!, other: (await other.boundingBox())! });
    const wide = await box();
    expect(wide.other.x).toBeGreaterThanOrEqual(wide.own.x + wide.own.width);
    expect(Math.abs(wide.other.y - wide.own.y)).toBeLessThan(wide.own.height);

    await fresh.setViewportSize({ width: 390, height: 844 });
    const phone = await box();
    expect(phone.other.y).toBeGreaterThanOrEqual(phone.own.y + phone.own.height);
    expect(phone.other.width).toBeLessThanOrEqual(390);

    await fresh.setViewportSize({ width: 1280, height: 900 });
    await fresh.emulateMedia({ media: 'print' });
    const printed = await box();
    expect(await other.isVisible()).toBe(true);
    expect(printed.other.y).toBeGreaterThanOrEqual(printed.own.y + printed.own.height);
    await fresh.close();
  });

  test('without JavaScript a transcript says what the other version left out and links each counterpart', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const fresh = await context.newPage();
    await fresh.goto(`${site.url}/remarks/zh/omitted/`);
    expect(await fresh.locator('.translation-summary').innerText()).toContain('1问仅见于中文版');
    expect(await fresh.locator('#q3 .no-counterpart').innerText()).toBe('英文版无此问答');
    expect(await fresh.locator('button.show-translation').isVisible()).toBe(false);
    const link = fresh.locator('#q4 .counterpart-ref a');
    expect(await link.innerText()).toBe('英文版：第3问');
    await link.click();
    await fresh.waitForURL(/\/remarks\/en\/omitted\/q3\/$/);
    expect(await fresh.locator('.bilingual > .counterpart [lang="zh-Hans"]').innerText()).toContain('鸿蒙');

    await fresh.goto(`${site.url}/differences/`);
    const item = fresh.locator('.differences-list li', { hasText: '端午节' });
    expect(await item.locator('a').first().getAttribute('href')).toBe('/remarks/zh/omitted/q3/');
    expect(await item.innerText()).toContain('Chinese only');
    await fresh.goto(`${site.url}/differences/2021/`);
    expect(await fresh.locator('#main > .differences-list li').count()).toBe(1);
    expect(await fresh.locator('#splits + p + .differences-list li').count()).toBe(1);
    await context.close();
  });

  test('a transcript shows the whole other version beside it, exchange by exchange, when asked', async () => {
    const fresh = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await fresh.goto(`${site.url}/remarks/en/follow-up-split/`);
    const toggle = fresh.locator('button.show-translation');
    await toggle.click();
    await fresh.locator('#q2 > .counterpart.inline').waitFor();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    // English question 2 holds the follow-up that the Chinese version asks as question 3: both are beside it.
    const beside = fresh.locator('#q2 > .counterpart.inline');
    expect(await beside.getAttribute('lang')).toBe('zh-Hans');
    expect(await beside.locator('.turn').count()).toBe(4);
    const own = (await fresh.locator('#q2 > .turn').first().boundingBox())!;
    const other = (await beside.boundingBox())!;
    expect(other.x).toBeGreaterThanOrEqual(own.x + own.width);
    // The button says what it will do now, and the choice outlasts a reload.
    expect(await toggle.innerText()).toBe('Hide the Chinese version');
    await fresh.reload();
    await fresh.locator('#q2 > .counterpart.inline').waitFor();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    expect(await fresh.locator('.counterpart.inline').count()).toBe(0);
    expect(await toggle.innerText()).toBe('Show the Chinese version beside each answer');
    await fresh.reload();
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await fresh.locator('.counterpart.inline').count()).toBe(0);
    await fresh.close();
  });

  test('search: a result offers the same answer in the other language', async () => {
    await page.goto(`${site.url}/search/?q=Fukushima`);
    await waitForStatus(page, /^1 answer for Fukushima/);
    const other = page.locator('#results li a.other-version');
    expect(await other.getAttribute('href')).toBe('/remarks/zh/follow-up-split/#q4');
    expect(await other.getAttribute('hreflang')).toBe('zh-Hans');
  });

  test('search: the chart of results over time adds up to them, and a bar narrows the search to its period', async () => {
    /** The chart's figures (its table), period → count. */
    const figures = async () =>
      new Map(
        (
          await page
            .locator('#timeline tbody tr')
            .evaluateAll((rows) =>
              rows.map((row) => [row.querySelector('th')!.textContent, row.querySelector('td')!.textContent]),
            )
        ).map(([period, count]) => [period!, Number(count)]),
      );
    const total = (counts: Map<string, number>) => [...counts.values()].reduce((sum, n) => sum + n, 0);
    const shown = async () => Number(/^(\d+)/.exec((await page.textContent('#search-status')) ?? '')![1]);

    await page.goto(`${site.url}/search/?q=answer`);
    await waitForStatus(page, /^\d+ answers? for answer/);
    expect(await page.getAttribute('#timeline figure', 'data-unit')).toBe('year');
    const years = await figures();
    expect(years.size).toBeGreaterThan(1);
    expect(total(years)).toBe(await shown());

    // A year's bar: the search within that year, shown by month.
    const [year, inYear] = [...years].find(([, n]) => n > 1)!;
    await page.click(`#timeline svg a[aria-label^="${year}:"]`);
    await waitForStatus(page, new RegExp(`^${inYear} answers for answer`));
    expect(new URL(page.url()).searchParams.getAll('year')).toEqual([year]);
    expect(await page.getAttribute('#timeline figure', 'data-unit')).toBe('month');
    const months = await figures();
    expect(total(months)).toBe(inYear);

    // A month's bar: only that month's answers, as many as its bar says.
    const [month, inMonth] = [...months].find(([, n]) => n > 0)!;
    await page.click(`#timeline svg a[aria-label^="${month}:"]`);
    await waitForStatus(page, new RegExp(`^${inMonth} answers? for answer in English in ${month}$`));
    expect(await results(page).count()).toBe(inMonth);
    expect(new URL(page.url()).searchParams.get('month')).toMatch(new RegExp(`^${year}-\\d{2}$`));
    // The counts beside the filters follow the month: the year's box counts that month's answers
    // (the filters are open: a year is chosen).
    expect(await page.locator('#refine').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
    await expect
      .poll(() => page.locator(`input[name="year"][value="${year}"] + .count`).innerText())
      .toBe(String(inMonth));
    await page.click('#timeline .period-chosen a');
    await waitForStatus(page, new RegExp(`^${inYear} answers for answer in English$`));
  });
});
