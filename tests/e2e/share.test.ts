import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../../scripts/support/build.ts';
import { projectRoot } from '../../scripts/support/paths.ts';
import { seedContent } from '../support/content.ts';
import { openSite, type Site } from '../support/site.ts';

const seed = '/remarks/en/2019/2019-03-12-eu-technology-security/';

describe('sharing the seed answer', () => {
  let site: Site;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    site = await openSite(seedContent());
    context = await site.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    page = await context.newPage();
  });

  afterAll(() => site.close());

  test("copy link puts the answer's own URL on the clipboard, and says so", async () => {
    await page.goto(`${site.url}${seed}`);
    await page.locator('#q1 .share-menu summary').click();
    await page.locator('#q1 button.copy-link').click();
    await expect.poll(() => page.locator('#q1 .share-status').innerText()).toBe('Link copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // The site is built for http://localhost:4321 (SITE_URL unset) and served elsewhere: the
    // reader copies the address they are at, not the one the build was told.
    expect(copied).toBe(`${site.url}${seed}q1/`);
    await page.goto(copied);
    expect(await page.locator('.turn.answer .text').innerText()).toContain('resort to insulatio, we would end up');

    // The answer's own page offers e-mail and the networks, each carrying its URL, and the URL to copy.
    const links = page.locator('#share ul a');
    expect(await links.allInnerTexts()).toEqual(['Email', 'X', 'Facebook', 'LinkedIn', 'Weibo']);
    for (const href of await links.evaluateAll((all) => all.map((link) => (link as HTMLAnchorElement).href)))
      expect(href).toContain(encodeURIComponent(copied));
    expect(await links.first().getAttribute('href')).toMatch(/^mailto:\?subject=According%20to%20reports%2C/);
    expect(await page.locator('#share .share-url').inputValue()).toBe(copied);
  });

  test("the answer's page quotes the answer in its preview metadata, with a 1200x630 card", async () => {
    await page.goto(`${site.url}${seed}q1/`);
    const meta = (property: string) =>
      page.locator(`meta[property="${property}"], meta[name="${property}"]`).getAttribute('content');
    expect(await meta('og:type')).toBe('article');
    expect(await meta('og:url')).toBe(`http://localhost:4321${seed}q1/`);
    expect(await meta('og:title')).toMatch(/^Lu Kang: According to reports/);
    expect(await meta('og:description')).toMatch(/^As far as I know, not a single country/);
    expect(await meta('twitter:card')).toBe('summary_large_image');
    const image = (await meta('og:image'))!;
    expect(image).toBe(`http://localhost:4321${seed}q1/card.png`);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(`http://localhost:4321${seed}q1/`);

    const png = readFileSync(join(site.build.outDir, new URL(image).pathname));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  test('citations name the spokesperson, the date, the source and the permalink', async () => {
    await page.goto(`${site.url}${seed}q1/`);
    await page.locator('.cite summary').click();
    const texts = await page.locator('.citation pre').allInnerTexts();
    expect(texts).toHaveLength(3);
    for (const text of texts) {
      expect(text).toContain('http://www.chinamission.be/eng/fyrjh/t1644810.htm');
      expect(text).toContain(`${site.url}${seed}q1/`);
      expect(text).not.toContain('localhost:4321');
    }
    expect(texts[0]).toMatch(/^Lu Kang\. “Remarks by .*” Answer to question 1\. .* March 12, 2019\./);
    expect(texts[1]).toMatch(/^Lu, K\. \(2019, March 12\)\./);
    expect(texts[2]).toMatch(/^@misc\{lu20190312q1,/);
  });

  test('selecting text in an answer offers a link to that sentence', async () => {
    await page.goto(`${site.url}${seed}`);
    await page.evaluate(() => {
      const paragraph = document.querySelector('#q1 .turn.answer .text p')!;
      const text = paragraph.firstChild!;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 'As far as I know'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const button = page.locator('button.link-selection');
    await button.waitFor({ state: 'visible' });
    await button.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${site.url}${seed}q1/#:~:text=As%20far%20as%20I%20know`,
    );
  });
});

test('removing a published answer fails the build, unless a redirect is declared', async () => {
  const root = mkdtempSync(join(tmpdir(), 'lectern-permalinks-'));
  const remarks = join(root, 'remarks');
  cpSync(join(projectRoot, 'tests/fixtures/transcripts/qa-classic/input.md'), join(remarks, 'en/qa-classic.md'));
  expect((await buildSite(remarks)).code).toBe(0);
  expect(readFileSync(join(root, 'permalinks.txt'), 'utf-8')).toContain('/remarks/en/qa-classic/q2/\n');

  // The editor deletes the second exchange: its published URL would disappear.
  const file = join(remarks, 'en/qa-classic.md');
  const text = readFileSync(file, 'utf-8');
  writeFileSync(file, text.slice(0, text.indexOf('Q:Second question')));
  const broken = await buildSite(remarks);
  expect(broken.code).not.toBe(0);
  expect(broken.output).toContain('/remarks/en/qa-classic/q2/ was published and would disappear');
  expect(broken.output).toContain('redirects.json');

  writeFileSync(
    join(root, 'redirects.json'),
    JSON.stringify({ '/remarks/en/qa-classic/q2/': '/remarks/en/qa-classic/q1/' }),
  );
  const redirected = await buildSite(remarks);
  expect(redirected.code, redirected.output.slice(-2000)).toBe(0);
  const page = join(redirected.outDir, 'remarks/en/qa-classic/q2/index.html');
  expect(existsSync(page)).toBe(true);
  expect(readFileSync(page, 'utf-8')).toContain('/remarks/en/qa-classic/q1/');
  expect(existsSync(dirname(page))).toBe(true);
});
