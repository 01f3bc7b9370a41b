import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../../scripts/support/paths.ts';
import { parseEntityAddresses } from '../../src/lib/entities/addresses.ts';
import { expectUnderPolicy, watchPolicy } from '../support/policy.ts';
import { openSite, type Site } from '../support/site.ts';

/**
 * An entity page's address outlives its id (src/lib/entities/addresses.ts): the sample's
 * transcripts built with a record of two pages published before under ids the site no longer
 * gives, one whose names an entity holds now and one whose names none does.
 */
describe('entity addresses', () => {
  const work = mkdtempSync(join(tmpdir(), 'lectern-addresses-'));
  const remarks = join(work, 'remarks');
  const record = join(work, 'entity-addresses.txt');
  let site: Site;

  beforeAll(async () => {
    cpSync(join(projectRoot, 'content/remarks'), remarks, { recursive: true });
    // Huawei's page as it might have been addressed before its English name was its most used.
    writeFileSync(record, 'huawei-technologies\tHuawei Technologies\t华为\nzzz-gone\tNobody Ever Named\n');
    site = await openSite(remarks);
  });

  afterAll(() => site.close());

  test('an old id sends the reader to the page that holds its names now, under the site policy', async () => {
    const context = await site.browser.newContext();
    await watchPolicy(context);
    const page = await context.newPage();
    await page.goto(`${site.url}/entities/huawei-technologies/`);
    await page.waitForURL(`${site.url}/entities/huawei/`);
    expect(await page.locator('h1').textContent()).toContain('Huawei');
    await expectUnderPolicy(context, page.url(), 'light');
    // One whose names no page holds now: a search for its first name.
    await page.goto(`${site.url}/entities/zzz-gone/`);
    await page.waitForURL(/\/search\/\?q=Nobody\+Ever\+Named$/);
    await context.close();
  });

  test("its feed is the new page's, and says where that lives; the sitemap lists pages only", () => {
    const old = readFileSync(join(site.build.outDir, 'feeds/entities/huawei-technologies.xml'), 'utf-8');
    const now = readFileSync(join(site.build.outDir, 'feeds/entities/huawei.xml'), 'utf-8');
    expect(old).toBe(now);
    expect(now).toContain('/feeds/entities/huawei.xml" rel="self"');
    expect(parseFeed(old).items.length).toBeGreaterThan(0);
    const sitemap = readFileSync(join(site.build.outDir, 'sitemap-0.xml'), 'utf-8');
    expect(sitemap).toContain('/entities/huawei/');
    expect(sitemap).not.toContain('/entities/huawei-technologies/');
  });

  test('the record keeps what it held and gains every page published for the first time', () => {
    const published = parseEntityAddresses(readFileSync(record, 'utf-8'), record);
    expect(published.slice(0, 2).map(({ id }) => id)).toEqual(['huawei-technologies', 'zzz-gone']);
    const pages = gunzipSync(readFileSync(join(site.build.outDir, 'data/entities.jsonl.gz')))
      .toString('utf-8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { id: string; link: string | null })
      .filter(({ link }) => link !== null)
      .map(({ id }) => id);
    expect(pages).toContain('huawei');
    expect(published.slice(2).map(({ id }) => id)).toEqual(pages);
  });
});
