import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../../scripts/support/paths.ts';
import { expectUnderPolicy, watchPolicy } from '../support/policy.ts';
import { expectReadableOnPhone } from '../support/reader.ts';
import { openSite, type Site } from '../support/site.ts';

/**
 * "Said before" on the sample site (content/: March 2019, where a month of press conferences
 * repeats itself enough for formula pages in both languages): an answer's sentences said before,
 * a formula's page and feed, under the site's own headers, light and dark, on a phone and in print.
 */
const shots = join(projectRoot, 'test-results/screenshots');
const formulaLinks = '.formula-list a, .formula-uses a, .formula-facts a, .wordings a, .said-before a, .kicker a';

describe('said before', () => {
  let site: Site;
  let context: BrowserContext;
  /** Paths found on the built site: a formula page per language, and an answer that uses it. */
  const found: Record<'formula-en' | 'formula-zh' | 'answer-en' | 'answer-zh', string> = {
    'formula-en': '',
    'formula-zh': '',
    'answer-en': '',
    'answer-zh': '',
  };

  beforeAll(async () => {
    site = await openSite();
    context = await site.browser.newContext();
    await watchPolicy(context);
    mkdirSync(shots, { recursive: true });
    const page = await context.newPage();
    for (const lang of ['en', 'zh'] as const) {
      await page.goto(`${site.url}/formulas/${lang}/`);
      found[`formula-${lang}`] = new URL(
        (await page.locator('.formula-list a').first().getAttribute('href'))!,
        site.url,
      ).pathname;
      await page.goto(`${site.url}${found[`formula-${lang}`]}`);
      // Its last use: an answer that said it after earlier ones did.
      found[`answer-${lang}`] = new URL(
        (await page.locator('.formula-uses a').last().getAttribute('href'))!,
        site.url,
      ).pathname;
    }
    await page.close();
  });

  afterAll(() => site.close());

  test('an answer sets its sentences said before apart, and says when each was first said and where', async () => {
    const page = await context.newPage();
    for (const lang of ['en', 'zh'] as const) {
      await page.goto(`${site.url}${found[`answer-${lang}`]}`);
      const said = page.locator('.exchange .turn.answer .said');
      expect(await said.count()).toBeGreaterThan(0);
      expect(await said.first().getAttribute('title')).toMatch(
        lang === 'en' ? /^Said before, first on / : /^此前说过，首次于/,
      );
      const listed = page.locator('#said-before li');
      expect(await listed.count()).toBeGreaterThan(0);
      // Every sentence marked in the text is listed after it, quoted as written.
      const quotes = await listed.locator('q').allInnerTexts();
      const marked = await said.allInnerTexts();
      for (const quote of quotes) expect(marked.join('')).toContain(quote.slice(0, 6));
      // The formula's page is linked from its use here, and the first use leads to a page that exists.
      const formulaHref = decodeURIComponent(found[`formula-${lang}`]);
      expect(await page.locator(`#said-before a[href="${formulaHref}"]`).count()).toBeGreaterThan(0);
      const first = (await listed.first().locator('a').first().getAttribute('href'))!;
      expect((await page.request.get(`${site.url}${first}`)).status()).toBe(200);
    }
    await page.close();
  });

  test("a formula's page: its wording, every use in order, who said it, its feed", async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}${found['formula-en']}`);
    const uses = await page
      .locator('.formula-uses li time')
      .evaluateAll((times) => times.map((time) => time.getAttribute('datetime')!));
    expect(uses.length).toBeGreaterThanOrEqual(5);
    expect([...uses].sort()).toEqual(uses);
    expect(await page.locator('.formula-facts dd').first().innerText()).toMatch(new RegExp(`^${uses.length} answers`));
    const feedHref = (await page.locator('link[rel="alternate"][type="application/rss+xml"]').getAttribute('href'))!;
    const feed = parseFeed(await (await page.request.get(`${site.url}${feedHref}`)).text());
    // The feed's entries are the newest uses, each an answer of the page's list.
    const listed = await page
      .locator('.formula-uses li a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(feed.items.length).toBe(Math.min(5, uses.length));
    for (const item of feed.items) expect(listed).toContain(new URL(item.url!).pathname);
    // A chart bar leads to its period's uses further down, as many as the bar counts.
    const bar = page.locator('.timeline svg a').first();
    const period = (await bar.getAttribute('href'))!;
    const count = Number(/\d+(?= answers?)/.exec((await bar.getAttribute('aria-label'))!)![0]);
    expect(await page.locator(`${period} + ol.formula-uses > li`).count()).toBe(count);
    // The search for the wording, first said first, is a link away.
    const search = (await page.locator('main a[href^="/search/"]').first().getAttribute('href'))!;
    expect(new URL(search, site.url).searchParams.get('sort')).toBe('oldest');
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`every kind of formula page and an answer said before, both languages, ${scheme}: under the policy, no axe violation`, async () => {
      const paths = ['/formulas/', '/formulas/en/', '/formulas/zh/newest/', ...Object.values(found)];
      for (const path of paths) {
        await expectUnderPolicy(context, `${site.url}${path}`, scheme);
      }
    });
  }

  test('on a phone: no sideways scroll, every link a finger high; screenshots for review', async () => {
    await expectReadableOnPhone(
      site.browser,
      Object.fromEntries(Object.entries(found).map(([name, path]) => [name, `${site.url}${path}`])),
      `, ${formulaLinks}`,
      shots,
    );
  });

  test('in print: the list of sentences said before is on paper; the note in a transcript is not', async () => {
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${site.url}${found['answer-en']}`);
    expect(await page.locator('#said-before').isVisible()).toBe(true);
    expect(
      await page
        .locator('.said')
        .first()
        .evaluate((span) => getComputedStyle(span).color),
    ).toBe('rgb(85, 85, 85)');
    await page.screenshot({ path: join(shots, 'answer-said-before-print.png'), fullPage: true });
    const transcript = found['answer-en'].replace(/[^/]+\/$/, '');
    await page.goto(`${site.url}${transcript}`);
    const note = page.locator('.said-before-note').first();
    expect(await note.count()).toBe(1);
    expect(await note.isVisible()).toBe(false);
    await page.close();
  });
});
