import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ResultMerge } from '../../src/client/search/merge.ts';
import { resultHtml, termsOf } from '../../src/lib/search/result-html.ts';
import { toPagefindQuery } from '../../src/lib/search/cjk.ts';
import { likelyQueries, topicality } from '../../src/lib/search/likely-queries.ts';
import { type Hit, SearchIndex } from '../../src/lib/search/pagefind/read.ts';
import { writeBundles } from '../../src/lib/search/pagefind/write.ts';
import {
  type ReadyList,
  type ReadyResults,
  RESULTS_PER_PAGE,
  queryHash,
  readyKey,
  readyListPath,
  readyPath,
} from '../../src/lib/search/ready.ts';
import { writeReadyResults } from '../../src/lib/search/ready-results.ts';
import type { SearchRecord } from '../../src/lib/search/records.ts';

/** An English answer and its question, on a day of 2019. */
function english(n: number, question: string, answer: string): SearchRecord {
  const date = `2019-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
  return {
    url: `/remarks/en/ready/${n}/#q1`,
    text: { answer, question },
    language: 'en',
    meta: { question, date, spokesperson: 'Geng Shuang', transcript: `Ready ${n}`, lang: 'en' },
    filters: { year: [date.slice(0, 4)] },
  };
}

// Trade war in many answers, some more about it than others; a few on other things.
const records: SearchRecord[] = [
  ...Array.from({ length: 24 }, (_, i) =>
    english(
      i,
      `What is your comment on the trade war, question ${i}?`,
      `${'On the trade war, our position is clear. '.repeat(1 + (i % 4))}Answer ${i} also speaks of the Belt and Road.`,
    ),
  ),
  // Other questions, so that the trade war is on a fifth of the answers at most (likely-queries.ts: COMMON).
  ...Array.from({ length: 100 }, (_, i) =>
    i < 20
      ? english(200 + i, `You mentioned item${i}, would they say more?`, `As mentioned, they answered item${i}.`)
      : english(200 + i, `A question about item${i} please?`, `Item${i} is answered.`),
  ),
  ...Array.from({ length: 6 }, (_, i) =>
    english(
      100 + i,
      `What is your comment on climate change, question ${i}?`,
      `Climate change is a common challenge ${i}. We address climate change together.`,
    ),
  ),
];

function loader(dir: string) {
  return async (path: string) => {
    const file = await readFile(join(dir, path.replace(/\?.*$/, '')));
    return file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength);
  };
}

describe('ready results', () => {
  const out = mkdtempSync(join(tmpdir(), 'lectern-ready-'));
  let index: SearchIndex;

  beforeAll(async () => {
    await writeBundles([{ records, dir: join(out, 'pagefind', 'en') }], {});
    await pagefind.close();
    index = await SearchIndex.open(loader(join(out, 'pagefind', 'en')));
  }, 60_000);

  afterAll(() => pagefind.close());

  test('a file name per query, whatever its capitals', () => {
    expect(readyKey(toPagefindQuery('Belt and Road'))).toBe(readyKey(toPagefindQuery('belt and road')));
    expect(readyPath('en', 'Trade War')).toBe(readyPath('en', 'trade war'));
    expect(readyPath('en', 'trade war')).not.toBe(readyPath('en', 'trade wars'));
    expect(readyPath('zh', '华为')).toMatch(/^\/search\/ready\/zh\/[0-9a-z]{1,5}\.json$/);
  });

  test('the likeliest searches: entity names first, then what questions ask and answers speak of', () => {
    const likely = likelyQueries(records, { en: ['Huawei', 'Geng Shuang'], zh: ['华为'] });
    expect(likely.en.slice(0, 2)).toEqual(['Huawei', 'Geng Shuang']);
    expect(likely.en).toContain('trade war');
    expect(likely.en).toContain('trade');
    expect(likely.en).toContain('climate change');
    // Asked in every question, never answered: not what a reader searches.
    expect(likely.en).not.toContain('comment');
    expect(likely.en).not.toContain('your comment');
    // Asked and answered as often, but once where it is said at all: a word of talk, not a subject.
    expect(likely.en).not.toContain('mentioned');
    // A word of grammar, however it is spread.
    expect(likely.en).not.toContain('they');
    // Questions alone make a word likely: the answers' Belt and Road is never asked about.
    expect(likely.en).not.toContain('belt and road');
    expect(likely.zh).toEqual(['华为']);
  });

  test('a new archive: a subject said once in each of the few answers on it is still likely', () => {
    const few = [
      english(1, 'What is your comment on Huawei?', 'Huawei is a private company.'),
      english(2, 'Will Huawei be banned there?', 'We oppose the ban on Huawei.'),
      english(3, 'Do they ask about the weather?', 'They ask about the weather.'),
      ...Array.from({ length: 12 }, (_, i) => english(10 + i, `A question on item${i}?`, `Item${i} is answered.`)),
    ];
    const likely = likelyQueries(few, { en: [], zh: [] });
    expect(likely.en).toContain('huawei');
    expect(likely.en).toContain('weather');
    expect(likely.en).not.toContain('they');
  });

  test('topicality: a subject is said several times where it is said at all', () => {
    // 30 times in 10 of 1,000 answers against once in each of 30.
    expect(topicality(30, 10, 1000)).toBeGreaterThan(1);
    expect(Math.abs(topicality(30, 30, 1000))).toBeLessThan(0.05);
    expect(topicality(5, 0, 1000)).toBe(0);
  });

  test("each ready query's first page is the index's, as the search page shows it, with its count in the list", async () => {
    const stats = await writeReadyResults(out, 'en', ['Trade war', 'trade war', 'climate change', 'zebra']);
    // Each query once (trade war twice in other capitals), and none for a query that finds nothing.
    expect(stats.written).toBe(2);
    const list = JSON.parse(readFileSync(join(out, readyListPath('en')), 'utf8')) as ReadyList;
    expect(Object.keys(list)).toHaveLength(2);
    for (const typed of ['Trade war', 'climate change']) {
      const query = toPagefindQuery(typed);
      const ready = JSON.parse(readFileSync(join(out, readyPath('en', query)), 'utf8')) as ReadyResults;
      const found = await index.search(query, {});
      expect(list[queryHash(readyKey(query))]).toBe(found.results.length);
      expect(ready.query).toBe(readyKey(query));
      expect(ready.terms).toEqual(termsOf(typed));
      const page = found.results.slice(0, RESULTS_PER_PAGE);
      expect(ready.results.map(({ place }) => place)).toEqual(page.map((hit) => hit.place));
      expect(page.every((hit) => /^[0-9a-f]{12}\/[0-9a-z]+\.pf_fragment$/.test(hit.place ?? ''))).toBe(true);
      for (const [i, hit] of page.entries()) {
        const fragment = await hit.data();
        expect(ready.results[i]).toEqual({ place: hit.place, ...resultHtml({ hit, fragment }, termsOf(typed)) });
      }
    }
    expect(list[queryHash('trade war')]).toBe(24);
    expect(existsSync(join(out, readyPath('en', 'zebra')))).toBe(false);
  });

  test('a build writes them afresh: a query no longer likely loses its file', async () => {
    await writeReadyResults(out, 'en', ['climate change']);
    expect(existsSync(join(out, readyPath('en', 'trade war')))).toBe(false);
    expect(existsSync(join(out, readyPath('en', 'climate change')))).toBe(true);
  });
});

describe('a page of results already shown', () => {
  const hit = (id: string, score: number): Hit => ({
    id,
    ref: 0,
    place: `folder/${id}`,
    score,
    rank: 0,
    month: '2019-01',
    crossed: 0,
    demoted: false,
    locations: [],
    data: () => Promise.reject(new Error(`${id} fetched`)),
  });

  test('is checked and passed over without fetching a fragment', () => {
    const merge = new ResultMerge(
      [
        [hit('a', 9), hit('b', 5), hit('c', 1)],
        [hit('x', 7), hit('y', 3)],
      ],
      undefined,
    );
    expect(merge.peek(3)).toEqual(['folder/a', 'folder/x', 'folder/b']);
    merge.skip(3);
    expect(merge.remaining).toBe(2);
    expect(merge.peek(5)).toEqual(['folder/y', 'folder/c']);
  });
});
