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
 * Places, people and organisations on the sample site (content/: March 2019 in both languages):
 * the list and its filter box, an entity's page with its answers in both languages and its feed,
 * and an answer that links a name to its page; under the site's own headers, light and dark, on a
 * phone, and without JavaScript.
 */
const shots = join(projectRoot, 'test-results/screenshots');
const entityLinks = ', .entity-list a, .entity-related a, .formula-uses a, .formula-facts a, .kicker a';

describe('entities', () => {
  let site: Site;
  let context: BrowserContext;
  /** Found on the built site: an entity named in both languages, and an answer linking it. */
  let entity = '';
  let answer = '';
  /** The search of the entity's answers its page links to. */
  let itsSearch = '';

  beforeAll(async () => {
    site = await openSite();
    context = await site.browser.newContext();
    await watchPolicy(context);
    mkdirSync(shots, { recursive: true });
    const page = await context.newPage();
    await page.goto(`${site.url}/entities/`);
    // The first entity on the list, with a Chinese name beside its English one, that an answer
    // links (the most named, China, is linked nowhere: it is in a third of all answers).
    const candidates = await page
      .locator('.entity-list li a:has(span[lang])')
      .evaluateAll((links) => links.slice(0, 15).map((a) => a.getAttribute('href')!));
    for (const candidate of candidates) {
      await page.goto(`${site.url}${candidate}`);
      const hrefs = await page
        .locator('#most-about + ol a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
      for (const href of hrefs) {
        await page.goto(`${site.url}${href}`);
        if ((await page.locator(`a.entity[href="${candidate}"]`).count()) > 0) {
          [entity, answer] = [candidate, href];
          break;
        }
      }
      if (answer) break;
    }
    await page.goto(`${site.url}${entity}`);
    itsSearch = (await page.locator('a', { hasText: /^Search its [\d,]+ answers?$/ }).getAttribute('href'))!;
    await page.close();
  });

  afterAll(async () => {
    await context.close();
    await site.close();
  });

  test('the list: most named first, a filter box that narrows it by a name in either language or by kind', async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}/entities/`);
    const items = page.locator('.entity-list > li');
    const total = await items.count();
    expect(total).toBeGreaterThan(5);
    const counts = await page
      .locator('.entity-list .count')
      .evaluateAll((spans) =>
        spans.map((span) => Number(/([\d,]+) mentions/.exec(span.textContent)![1]!.replace(/,/g, ''))),
      );
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const chinese = (await page.locator('.entity-list li a span[lang]').first().innerText()).replace(/^ · /, '');
    await page.fill('#entity-filter', chinese);
    const shown = page.locator('.entity-list > li:not([hidden])');
    expect(await shown.count()).toBeGreaterThanOrEqual(1);
    expect(await shown.first().innerText()).toContain(chinese);
    expect(await page.locator('.entity-filter-count').innerText()).toMatch(/^\d+ of [\d,]+$/);
    await page.fill('#entity-filter', '');
    await page.selectOption('#entity-kind', 'place');
    const kinds = await shown.evaluateAll((list) => list.map((li) => (li as HTMLElement).dataset.kind));
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['place']));
    await page.close();
  });

  test('an entity’s page: its names in both languages, its answers in both, most about it first; its feed lists its latest answers', async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}${entity}`);
    expect(await page.locator('h1 span[lang="zh-Hans"]').count()).toBe(1);
    const langs = await page
      .locator('#most-about + ol > li')
      .evaluateAll((list) => list.map((li) => li.getAttribute('lang')));
    expect(langs.length).toBeGreaterThan(0);
    expect(new Set(langs)).toEqual(new Set(['en', 'zh-Hans']));
    expect(await page.locator('.timeline svg a').count()).toBeGreaterThan(0);
    const feedHref = (await page
      .locator('link[rel="alternate"][type="application/rss+xml"]')
      .first()
      .getAttribute('href'))!;
    expect(feedHref).toBe(`/feeds${entity.replace(/\/$/, '')}.xml`);
    const feed = parseFeed(await (await page.request.get(`${site.url}${feedHref}`)).text());
    expect(feed.items.length).toBeGreaterThan(0);
    expect(feed.items.length).toBeLessThanOrEqual(5);
    for (const item of feed.items) expect(new URL(item.url!).pathname).toMatch(/^\/remarks\/.+\/[^/]+\/$/);
    await page.close();
  });

  test('an answer links a name to its entity’s page, once', async () => {
    expect(answer).not.toBe('');
    const page = await context.newPage();
    await page.goto(`${site.url}${answer}`);
    const link = page.locator(`article.exchange a.entity[href="${entity}"]`);
    expect(await link.count()).toBe(1);
    await link.click();
    await page.waitForURL(`${site.url}${entity}`);
    await page.close();
  });

  test('search knows them: its page searches its answers in both languages; its name in either language offers its page', async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}${entity}`);
    const chinese = await page.locator('h1 span[lang="zh-Hans"]').innerText();
    const link = page.locator('a', { hasText: /^Search its [\d,]+ answers?$/ });
    const count = /[\d,]+/.exec(await link.innerText())![0];
    await link.click();
    const status = page.locator('#search-status');
    await page.waitForFunction(() => / naming /.test(document.querySelector('#search-status')?.textContent ?? ''));
    expect(await status.innerText()).toMatch(new RegExp(`^${count} answers? naming `));
    expect(await page.locator('#entity-facet input:checked').count()).toBe(1);
    const perLang = await page
      .locator('input[name="lang"] + .count')
      .evaluateAll((spans) => spans.map((span) => Number(span.textContent)));
    expect(perLang).toHaveLength(2);
    for (const n of perLang) expect(n).toBeGreaterThan(0);
    expect(perLang[0]! + perLang[1]!).toBe(Number(count.replace(/,/g, '')));

    for (const query of [chinese, (await page.locator('#entity-facet input:checked').inputValue()).split(' ')[0]!]) {
      await page.goto(`${site.url}/search/?q=${encodeURIComponent(query)}`);
      await page.locator(`#entity-offer a[href="${entity}"]`).waitFor();
      await page.locator('#entity-offer a', { hasText: /answers naming it/ }).click();
      await page.waitForFunction(() => / naming /.test(document.querySelector('#search-status')?.textContent ?? ''));
      expect(await status.innerText()).toMatch(new RegExp(`^${count} answers? naming `));
    }
    // A query that is no entity's name is offered none.
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('position')}`);
    await page.waitForFunction(() => /answers? for/.test(document.querySelector('#search-status')?.textContent ?? ''));
    expect(await page.locator('#entity-offer a').count()).toBe(0);
    await page.close();
  });

  test('without JavaScript the whole list is there and the filter box is not', async () => {
    const still = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await still.newPage();
    await page.goto(`${site.url}/entities/`);
    expect(await page.locator('.entity-filter').isVisible()).toBe(false);
    expect(await page.locator('.entity-list > li:not([hidden])').count()).toBe(
      await page.locator('.entity-list > li').count(),
    );
    await still.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the list, an entity's page, an answer linking it and its search, ${scheme}: under the policy, no axe violation`, async () => {
      for (const path of ['/entities/', entity, answer, itsSearch]) {
        await expectUnderPolicy(context, `${site.url}${path}`, scheme);
      }
    });
  }

  test('on a phone: no sideways scroll, every link a finger high; screenshots for review', async () => {
    await expectReadableOnPhone(
      site.browser,
      {
        entities: `${site.url}/entities/`,
        entity: `${site.url}${entity}`,
        'answer-entity-links': `${site.url}${answer}`,
      },
      entityLinks,
      shots,
    );
  });
});
