import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { diffTrees } from '../../scripts/support/inventory.ts';
import { buildSite, type BuildResult } from '../../scripts/support/build.ts';
import { fixtureContent } from '../support/content.ts';

/**
 * Astro copies a page from the last build when its cacheKey (src/lib/page-keys.ts) and code are
 * unchanged. A key that misses something a page shows publishes a stale page, which no other test
 * would notice: so a build that reuses the last one must equal, file for file, a build from nothing.
 */
describe('a build that reuses the last one', () => {
  const cards = { LECTERN_CARDS: 'skip' };
  let content: string;
  let first: BuildResult;
  let again: BuildResult;
  let fresh: BuildResult;

  beforeAll(async () => {
    content = fixtureContent();
    const cache = mkdtempSync(join(tmpdir(), 'lectern-cache-'));
    first = await buildSite(content, { ...cards, LECTERN_CACHE: cache });
    expect(first.code, first.output).toBe(0);

    // An editor corrects an English answer: its Chinese counterpart's pages quote it.
    const en = join(content, 'en/omitted.md');
    const text = readFileSync(en, 'utf-8');
    writeFileSync(en, text.replace('China welcomes the decision.', 'China warmly welcomes the decision.'));
    // And adds the next day's remarks: the newest English transcript gains a "next" link.
    writeFileSync(
      join(content, 'en/added.md'),
      text
        .replace('date: 2021-06-02', 'date: 2021-06-03')
        .replace('on June 2, 2021', 'on June 3, 2021')
        .replace(/^source: .*$/m, 'source: https://example.org/en/t0000202.shtml'),
    );

    // And withdraws a transcript (its answers forgotten as published, so the build lets them go).
    rmSync(join(content, 'en/statement-only.md'));
    rmSync(join(content, '..', 'permalinks.txt'));

    again = await buildSite(content, { ...cards, LECTERN_CACHE: cache });
    expect(again.code, again.output).toBe(0);
    fresh = await buildSite(content, { ...cards, LECTERN_CACHE: mkdtempSync(join(tmpdir(), 'lectern-cache-')) });
    expect(fresh.code, fresh.output).toBe(0);
  });

  test('copies the unchanged pages and renders the rest', () => {
    // Astro colours its log where CI asks for colour.
    const log = stripVTControlCharacters(again.output);
    const reused = log.match(/\((?:restored|cached)\)/g)?.length ?? 0;
    expect(reused).toBeGreaterThan(0);
    // The withdrawn transcript's page and JSON, put in place with the rest, are taken away again.
    expect(log).toMatch(/\d+ pages of the last build linked in place; 2 no longer built, removed/);
    expect(existsSync(join(first.outDir, 'remarks/en/statement-only/index.html'))).toBe(true);
    // Both versions of the corrected transcript, the new one, and its neighbour are rendered anew.
    for (const page of [
      '/remarks/en/omitted/index.html',
      '/remarks/zh/omitted/index.html',
      '/remarks/en/added/index.html',
    ]) {
      const line = log.split('\n').find((each) => each.includes(`├─ ${page} `));
      expect(line, page).toBeDefined();
      expect(line, page).not.toMatch(/restored|cached/);
    }
  });

  test('writes the same site, file for file, as a build from nothing', () => {
    const diff = diffTrees(fresh.outDir, again.outDir);
    expect({ added: diff.added, removed: diff.removed, changed: diff.changed, examples: diff.examples }).toEqual({
      added: 0,
      removed: 0,
      changed: 0,
      examples: { added: [], removed: [], changed: [] },
    });
    // The Chinese answer's page quotes its English counterpart beside it.
    const zh = 'remarks/zh/omitted/q1/index.html';
    expect(readFileSync(join(again.outDir, zh), 'utf-8')).toContain('China warmly welcomes the decision.');
    expect(readFileSync(join(first.outDir, zh), 'utf-8')).not.toContain('warmly');
  });
});
