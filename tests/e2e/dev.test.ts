import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch } from '../../scripts/support/browser.ts';
import { buildSite } from '../../scripts/support/build.ts';
import { startDev, type DevServer } from '../../scripts/support/dev.ts';
import { fixtureContent } from '../support/content.ts';

/**
 * An editor's loop: `npm run dev` on a content folder (outside the project, as LECTERN_CONTENT
 * gives it), an edit that shows on the page, and search against the last build's index, or a
 * plain word that a build is needed.
 */
describe('npm run dev', () => {
  let content: string;
  let cache: string;
  let dev: DevServer;
  let browser: Browser;

  beforeAll(async () => {
    content = fixtureContent();
    const built = await buildSite(content, { LECTERN_CARDS: 'skip' });
    expect(built.code, built.output).toBe(0);
    cache = mkdtempSync(join(tmpdir(), 'lectern-dev-cache-'));
    dev = await startDev({ content, out: built.outDir, cache });
    browser = await launch();
  });

  afterAll(async () => {
    await browser.close();
    await dev.close();
  });

  test('an edit to a transcript shows on its page', async () => {
    const page = `${dev.url}/remarks/en/qa-classic/`;
    expect((await fetch(page)).status).toBe(200);
    const file = join(content, 'en/qa-classic.md');
    const text = readFileSync(file, 'utf-8');
    writeFileSync(file, text.replace(/^A: ?/m, 'A: Edited while the server ran. '));
    await expect
      .poll(async () => (await fetch(page)).text(), { timeout: 60_000, interval: 250 })
      .toContain('Edited while the server ran.');
  });

  test("search works against the last build's index", async () => {
    const page = await browser.newPage();
    await page.goto(`${dev.url}/search/?q=Huawei`);
    await page.waitForFunction(() =>
      /answers? for Huawei/.test(document.querySelector('#search-status')?.textContent ?? ''),
    );
    expect(await page.locator('#results li a.question').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('a build after npm run dev', () => {
  test("with the dev server's cache, publishes every transcript whole (dev holds models outside the store)", async () => {
    const content = fixtureContent();
    const cache = mkdtempSync(join(tmpdir(), 'lectern-dev-cache-'));
    const dev = await startDev({ content, out: mkdtempSync(join(tmpdir(), 'lectern-no-build-')), cache });
    expect((await fetch(`${dev.url}/remarks/en/qa-classic/`)).status).toBe(200);
    await dev.close();
    const built = await buildSite(content, { LECTERN_CARDS: 'skip', LECTERN_CACHE: cache });
    expect(built.code, built.output).toBe(0);
    const page = readFileSync(join(built.outDir, 'remarks/en/qa-classic/index.html'), 'utf-8');
    expect(page).toContain('class="exchange"');
  });
});

describe('npm run dev before any build', () => {
  test('the search page says to run a build', async () => {
    const dev = await startDev({
      content: fixtureContent(),
      out: mkdtempSync(join(tmpdir(), 'lectern-no-build-')),
      cache: mkdtempSync(join(tmpdir(), 'lectern-dev-cache-')),
    });
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.goto(`${dev.url}/search/?q=Huawei`);
      await page.waitForFunction(() =>
        /npm run build/.test(document.querySelector('#search-status')?.textContent ?? ''),
      );
      expect(await page.locator('#search-status').innerText()).toContain(
        'npm run dev searches the index of the last build, and there is none yet: run npm run build once',
      );
    } finally {
      await browser.close();
      await dev.close();
    }
  });
});
