import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasShared, sharedDir } from '../../scripts/support/paths.ts';
import { openSite, type Site } from '../support/site.ts';

const seedPath = '/remarks/en/2019/2019-03-12-eu-technology-security/';

/** The seed's answer as pasted from the ministry's site: the paragraphs after "A: ", before the page chrome. */
function seedAnswer(): string {
  const dir = join(sharedDir, 'seeds');
  const file = readdirSync(dir).find((name) => name.startsWith('000_'))!;
  const text = readFileSync(join(dir, file), 'utf-8');
  const answer = text.slice(text.indexOf('\nA: ') + 4, text.indexOf('Suggest to a friend:'));
  return answer
    .trim()
    .split(/\n\s*\n/)
    .join('\n\n');
}

describe('the sample site built from content/ (what npm start shows a fresh clone)', () => {
  let site: Site;
  let page: Page;

  beforeAll(async () => {
    site = await openSite();
    page = await site.browser.newPage();
  });

  afterAll(() => site.close());

  test('has the seed transcript page and a search index', () => {
    expect(existsSync(join(site.build.outDir, seedPath, 'index.html'))).toBe(true);
    expect(existsSync(join(site.build.outDir, 'pagefind/en/segments.json'))).toBe(true);
  });

  test('shows the seed answer verbatim, in an element whose id the page links to', async () => {
    await page.goto(`${site.url}${seedPath}`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const link = page.locator('a.anchor').first();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^#[a-z0-9-]+$/);
    const answer = page.locator(`${href!} .turn.answer .text`);
    const text = await answer.innerText();
    expect(text).toContain('resort to insulatio, we would end up');
    if (hasShared) expect(text).toBe(seedAnswer());
    const body = await page.locator('main').innerText();
    expect(body).not.toContain('Suggest to a friend');
    expect(body).not.toContain("Home > Spokesperson's Remarks");
  });

  test("following an answer's link lands on that answer", async () => {
    await page.goto(`${site.url}${seedPath}`);
    const anchor = page.locator('a.anchor').first();
    const hash = (await anchor.getAttribute('href'))!;
    expect(hash).toMatch(/^#[a-z0-9-]+$/);
    await anchor.click();
    await page.waitForURL(`**${seedPath}${hash}`);
    expect(await page.locator(`${hash}:target`).count()).toBe(1);
    await page.goto(`${site.url}/`);
    await page.goto(`${site.url}${seedPath}${hash}`);
    const inView = await page.locator(hash).evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.top >= 0 && box.top < window.innerHeight;
    });
    expect(inView).toBe(true);
  });

  test("an answer's permalink opens the answer's own page", async () => {
    await page.goto(`${site.url}${seedPath}`);
    await page.locator('a.permalink').first().click();
    await page.waitForURL(`**${seedPath}q1/`);
    expect(await page.locator('.turn.answer .text').innerText()).toContain('resort to insulatio, we would end up');
  });

  test('lists the seed on the home page, its year and its spokesperson', async () => {
    for (const path of ['/', '/archive/2019/', '/spokespeople/lu-kang/']) {
      await page.goto(`${site.url}${path}`);
      expect(await page.locator(`a[href="${seedPath}"]`).count(), path).toBe(1);
    }
  });

  const waitForStatus = (pattern: RegExp) =>
    page.waitForFunction(
      (source) => new RegExp(source).test(document.querySelector('#search-status')?.textContent ?? ''),
      pattern.source,
    );

  test.each([
    ['Huawei', 'en'],
    ['华为', 'zh'],
  ])('search for %s finds answers of the sample in its language, and opens one', async (query, lang) => {
    await page.goto(`${site.url}/search/`);
    await page.fill('#q', query);
    await page.press('#q', 'Enter');
    await waitForStatus(new RegExp(`^\\d+ answers? for ${query}`));
    const results = page.locator('#results li a.question');
    expect(await results.count()).toBeGreaterThan(1);
    const href = (await results.first().getAttribute('href'))!;
    expect(href).toMatch(new RegExp(`^/remarks/${lang}/2019/2019-03-`));
    await results.first().click();
    await page.waitForURL(/\?hl=/);
    expect(await page.locator(':target mark').count()).toBeGreaterThan(0);
  });

  test('the sample pairs the two languages: an English answer shows its Chinese version beside it', async () => {
    const pairs = readdirSync(join(site.build.outDir, 'remarks/en/2019')).filter((name) =>
      name.endsWith('-press-conference'),
    );
    expect(pairs.length).toBeGreaterThan(10);
    await page.goto(`${site.url}/remarks/en/2019/${pairs[0]}/q1/`);
    expect(await page.locator('[lang="zh-Hans"]').count()).toBeGreaterThan(0);
  });
});
