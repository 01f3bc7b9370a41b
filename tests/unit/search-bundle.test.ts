import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Remark } from '../../src/lib/remarks.ts';
import { fromBigramText, toPagefindQuery } from '../../src/lib/search/cjk.ts';
import { hanExcerpt, wholeWordStart, wordExcerpt } from '../../src/lib/search/excerpt.ts';
import { decodeCbor, encodeCbor } from '../../src/lib/search/pagefind/cbor.ts';
import { compactBundle, cutWords } from '../../src/lib/search/pagefind/compact.ts';
import { PAGEFIND_VERSION, SIGNATURE } from '../../src/lib/search/pagefind/format.ts';
import { BundleError, SearchIndex } from '../../src/lib/search/pagefind/read.ts';
import { warmUp } from '../../src/lib/search/pagefind/warm-up.ts';
import { writeBundles } from '../../src/lib/search/pagefind/write.ts';
import { serveIndexes } from '../../src/client/search/index-service.ts';
import { SearchWorker } from '../../src/client/search/search-worker.ts';
import { inArchive, quarterStart, weekStart } from '../../src/lib/search/pagefind/write-bundles.ts';
import { type SearchRecord, indexedContent, placeByPublication, searchRecords } from '../../src/lib/search/records.ts';
import { loadTranscript } from '../../src/lib/transcript/load.ts';
import { renderTranscript } from '../../src/plugins/render.ts';
import { projectRoot } from '../../scripts/support/paths.ts';

async function records(name: string, id: string): Promise<SearchRecord[]> {
  const file = join(projectRoot, 'tests/fixtures/transcripts', name, 'input.md');
  const { frontmatter, transcript } = await loadTranscript(readFileSync(file, 'utf-8'), file, renderTranscript);
  const remark: Remark = { id, collection: 'remarks', data: { ...frontmatter, transcript } };
  return searchRecords(remark);
}

/** Made-up answers over many dates, each with a word of its own, given newest first. */
function synthetic(count: number): SearchRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const date = `20${10 + Math.floor(i / 28)}-01-${day}`;
    return {
      url: `/remarks/en/synthetic/${i}/#q1`,
      text: { answer: `Answer number ${i} mentions zebra${i}x and the harbour of Port${i}x. Is there a zebra${i}x?` },
      language: 'en' as const,
      meta: {
        question: `Is there a zebra${i}x?`,
        date,
        spokesperson: 'Geng Shuang',
        transcript: `Synthetic ${i}`,
        lang: 'en',
      },
      filters: { year: [date.slice(0, 4)] },
    };
  }).reverse();
}

/** A Chinese answer and its question, on a date, as the index takes them. */
function chinese(n: number, date: string, answer: string, question: string): SearchRecord {
  return {
    url: `/remarks/zh/relevance/${n}/#q1`,
    text: { answer, question },
    language: 'und',
    meta: { question, date, spokesperson: '耿爽', transcript: `例 ${n}`, lang: 'zh' },
    filters: { year: [date.slice(0, 4)] },
  };
}

const FILLER = '中方的立场是一贯的、明确的。我们希望有关各方共同努力，维护地区和平稳定。';

/** Answers about Huawei, less and more, and one about a visit to China (访华|为标志), oldest first. */
const relevance = [
  chinese(0, '2016-10-20', `杜特尔特总统此次访华为标志，开启中菲关系新篇章。${FILLER}`, '请介绍杜特尔特总统访华情况。'),
  chinese(
    1,
    '2017-03-01',
    `以总统访华为契机，${FILLER}华为是一家民营企业。${FILLER}`,
    '关于中美经贸问题，中方有何评论？',
  ),
  chinese(
    2,
    '2018-12-06',
    `华为的事情我们高度关注。华为一向依法经营。我们要求立即释放孟晚舟女士。${FILLER}`,
    '关于华为首席财务官孟晚舟被捕，中方有何回应？',
  ),
  chinese(
    3,
    '2019-05-16',
    `${FILLER}我们注意到有关报道。`,
    '美方将华为列入实体清单，华为表示将依法应对。中方有何评论？',
  ),
  chinese(4, '2020-01-10', `${FILLER}孟晚舟事件是一起严重的政治事件。`, '关于孟晚舟案，中方有何评论？'),
];

function loader(dir: string) {
  return async (path: string) => {
    const file = await readFile(join(dir, path.replace(/\?.*$/, '')));
    return file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength);
  };
}

describe('search bundle', () => {
  const work = mkdtempSync(join(tmpdir(), 'lectern-bundle-'));
  let en: SearchRecord[];
  let zh: SearchRecord[];
  let enBundle: SearchIndex;
  let zhBundle: SearchIndex;
  let chunks = 0;

  beforeAll(async () => {
    en = [
      ...(await records('qa-classic', 'en/2019/qa-classic')),
      ...(await records('pinned-ids', 'en/2020/pinned-ids')),
      ...(await records('qa-2020-outlets', 'en/2020/qa-2020-outlets')),
      ...synthetic(80),
    ];
    zh = [...(await records('zh-outlets', 'zh/2020/zh-outlets')), ...(await records('zh-wenda', 'zh/2019/zh-wenda'))];
    // A small chunk budget, so that words are spread over many chunks.
    const written = await writeBundles(
      [
        { records: en, dir: join(work, 'en') },
        { records: zh, dir: join(work, 'zh') },
      ],
      { chunkBudget: 40 },
    );
    chunks = written[0]!.chunks;
    await pagefind.close();
    enBundle = await SearchIndex.open(loader(join(work, 'en')));
    zhBundle = await SearchIndex.open(loader(join(work, 'zh')));
  }, 60_000);

  afterAll(() => pagefind.close());

  test('every answer is found by a word of its own and by a phrase of its text, whatever chunk holds them', async () => {
    expect(chunks).toBeGreaterThan(20);
    for (let i = 0; i < 80; i++) {
      const { results } = await enBundle.search(`zebra${i}x`);
      expect(results).toHaveLength(1);
      expect((await results[0]!.data()).url).toBe(`/remarks/en/synthetic/${i}/#q1`);
      const phrase = await enBundle.search(`"harbour of Port${i}x"`);
      expect(phrase.results.map((hit) => hit.id)).toEqual(results.map((hit) => hit.id));
    }
    const { results } = await enBundle.search('"Answer to the follow-up"');
    expect((await results[0]!.data()).url).toBe('/remarks/en/2019/qa-classic/#q2');
  });

  test('preloading a query fetches the chunks its search needs, so the search itself fetches none', async () => {
    const fetched: string[] = [];
    const read = loader(join(work, 'en'));
    const index = await SearchIndex.open(async (path) => (fetched.push(path), read(path)));
    const opened = fetched.length;
    await index.preload('zebra7x harbour');
    const preloaded = fetched.slice(opened);
    expect(preloaded.length).toBeGreaterThan(0);
    expect(preloaded.every((path) => /\/index\/.+\.pf_index$/.test(path))).toBe(true);
    const { results } = await index.search('zebra7x harbour');
    expect(fetched.length).toBe(opened + preloaded.length);
    expect(results.map((hit) => hit.id)).toEqual(
      (await enBundle.search('zebra7x harbour')).results.map((hit) => hit.id),
    );
    expect(results).toHaveLength(1);
  });

  test('an index opened for a query fetches the chunks Pagefind will ask for while it opens, and the search none', async () => {
    for (const [lang, query] of [
      ['en', 'zebra7x harbour'],
      ['en', 'zebra79x'],
      ['zh', toPagefindQuery('华为')],
    ] as const) {
      const fetched: string[] = [];
      const read = loader(join(work, lang));
      const index = await SearchIndex.open(async (path) => (fetched.push(path), read(path)), query);
      const opened = fetched.length;
      const early = fetched.filter((path) => path.includes('/index/'));
      expect(early.length, query).toBeGreaterThan(0);
      const { results } = await index.search(query);
      expect(fetched.slice(opened), query).toEqual([]);
      const plain = lang === 'en' ? enBundle : zhBundle;
      expect(results.map((hit) => hit.id)).toEqual((await plain.search(query)).results.map((hit) => hit.id));
      expect(results.length, query).toBeGreaterThan(0);
    }
  });

  test('the index served from a worker finds what the index itself finds, and fetches the first page once', async () => {
    for (const [lang, query] of [
      ['en', 'zebra7x harbour'],
      ['zh', toPagefindQuery('华为')],
    ] as const) {
      const fetched: string[] = [];
      const read = loader(join(work, lang));
      const channel = new MessageChannel();
      serveIndexes(channel.port1, () => (path) => {
        fetched.push(path.replace(/\?.*$/, ''));
        return read(path);
      });
      const worker = new SearchWorker(channel.port2);
      // As the head script asks for a search opened from a link, then the page for the same.
      const early = await (await worker.index(lang, false, query)).search(query, {}, 10);
      const index = await worker.index(lang, false);
      const { results } = await index.search(query, {});
      const plain = lang === 'en' ? enBundle : zhBundle;
      const own = (await plain.search(query)).results;
      expect(
        results.map((hit) => [hit.ref, hit.rank, hit.score]),
        query,
      ).toEqual(own.map((hit) => [hit.ref, hit.rank, hit.score]));
      expect(early.results.map((hit) => hit.ref)).toEqual(results.map((hit) => hit.ref));
      // The first page's places come with the search, for ready results to be checked against.
      expect(results.slice(0, 10).map((hit) => hit.place)).toEqual(own.slice(0, 10).map((hit) => hit.place));
      const fragment = await results[0]!.data();
      expect(fragment, query).toEqual(await own[0]!.data());
      expect(results[0]!.locations, query).toEqual(own[0]!.locations);
      // Every file once: the search asked again was not run again, its fragments not fetched again.
      expect(
        fetched.filter((path, i) => fetched.indexOf(path) !== i),
        query,
      ).toEqual([]);
      expect(fetched.filter((path) => path.includes('/fragment/')).length, query).toBe(Math.min(10, own.length));
      await expect(index.search('"', {})).resolves.toMatchObject({ results: [] });
      if (lang === 'en') {
        // An answer found by two searches has each one's locations, whichever ran last.
        const zebra = (await index.search('zebra7x', {})).results[0]!;
        const harbour = await index.search('harbour', {});
        const same = harbour.results.find((hit) => hit.ref === zebra.ref)!;
        await Promise.all([zebra.data(), same.data()]);
        expect(zebra.locations).toEqual((await plain.search('zebra7x')).results[0]!.locations);
        expect(same.locations).not.toEqual(zebra.locations);
      }
      channel.port1.close();
    }
  });

  test('every hit the worker sends brings its own answer, where two segments have a record of one id', async () => {
    const channel = new MessageChannel();
    serveIndexes(channel.port1, () => loader(join(work, 'en')));
    const index = await new SearchWorker(channel.port2).index('en', false);
    const { results } = await index.search(null, {});
    const own = (await enBundle.search(null)).results;
    // The archive's and the week's ids both begin at 0.
    expect(new Set(own.map((hit) => hit.id)).size).toBeLessThan(own.length);
    const urls = await Promise.all(results.map(async (hit) => (await hit.data()).url));
    expect(new Set(urls).size).toBe(en.length);
    expect(urls).toEqual(await Promise.all(own.map(async (hit) => (await hit.data()).url)));
    channel.port1.close();
  });

  test("Pagefind's WebAssembly is warmed up on an index of its own: its word and its phrase are found", async () => {
    const wasm = readdirSync(join(work, 'en')).find((name) => name.startsWith('wasm.'))!;
    const code = gunzipSync(readFileSync(join(work, 'en', wasm))).subarray(SIGNATURE.length);
    expect(await warmUp(await WebAssembly.compile(code))).toBe(4);
  });

  test('ranks order the answers by date across segments, so results sort by date without a sort table', async () => {
    const { results } = await enBundle.search(null);
    expect(results).toHaveLength(en.length);
    const byRank = [...results].sort((a, b) => a.rank - b.rank);
    const dates = await Promise.all(byRank.map(async (hit) => (await hit.data()).meta.date!));
    expect(dates).toEqual(en.map((record) => record.meta.date).sort());
  });

  test('a result shows its answer: the metadata, an excerpt with the words marked, and the Chinese text itself', async () => {
    const { results } = await enBundle.search('zebra7x');
    const fragment = await results[0]!.data();
    expect(fragment.meta).toEqual({
      question: 'Is there a zebra7x?',
      date: '2010-01-08',
      spokesperson: 'Geng Shuang',
      transcript: 'Synthetic 7',
      lang: 'en',
    });
    expect(wordExcerpt(fragment.content, results[0]!.locations)).toBe(
      'Answer number 7 mentions <mark>zebra7x</mark> and the harbour of Port7x. Is there a <mark>zebra7x?</mark>',
    );
    const chinese = await zhBundle.search(toPagefindQuery('华为'));
    const answer = await chinese.results[0]!.data();
    expect(answer.url).toBe('/remarks/zh/2019/zh-wenda/#q1');
    expect(answer.content).toBe(fromBigramText(indexedContent(zh.find((record) => record.url === answer.url)!.text)));
    expect(answer.content).toContain('关于华为，中方有何评论？');
  });

  test('Chinese results are ranked by how much they are about the query, whole words first, not by date', async () => {
    const dir = join(work, 'relevance');
    await writeBundles([{ records: relevance, dir }]);
    const index = await SearchIndex.open(loader(dir));
    const urls = async (query: string) =>
      Promise.all((await index.search(toPagefindQuery(query))).results.map(async (hit) => (await hit.data()).url));
    const huawei = await index.search(toPagefindQuery('华为'));
    const order = await urls('华为');
    // The two that name it in question and answer; then one mention in a long answer.
    expect(order.slice(0, 2).sort()).toEqual([2, 3].map((n) => `/remarks/zh/relevance/${n}/#q1`));
    expect(order.slice(2)).toEqual([1, 0].map((n) => `/remarks/zh/relevance/${n}/#q1`));
    // 访华|为标志 holds the characters but not the word: it is found, last, and marked as such.
    expect(huawei.results.map((hit) => hit.demoted)).toEqual([false, false, false, true]);
    // Its excerpt quotes the word, not the visit (访华为契机) that comes first.
    const mixed = huawei.results[2]!;
    const { content } = await mixed.data();
    const quote = hanExcerpt(content, ['华为'], undefined, wholeWordStart(content, mixed.locations));
    expect(quote).toContain('<mark>华为</mark>是一家');
    expect(quote).not.toContain('访<mark>华为</mark>');
    // A phrase of several bigrams is ranked too, not left in date order.
    expect(await urls('孟晚舟')).toEqual([2, 4].map((n) => `/remarks/zh/relevance/${n}/#q1`));
  });

  test('filters narrow and count the answers', async () => {
    const all = await enBundle.filters();
    expect(all.year?.['2011']).toBe(28);
    const { results, filters } = await enBundle.search('answer', { year: { any: ['2011'] } });
    expect(results).toHaveLength(28);
    expect(filters.year).toMatchObject({ '2011': 28 });
  });

  test('a bundle from another Pagefind is refused, saying so', async () => {
    const other = join(work, 'other');
    cpSync(join(work, 'en'), other, { recursive: true });
    // The entries the browser reads are those segments.json carries.
    const segmentsFile = join(other, 'segments.json');
    writeFileSync(segmentsFile, readFileSync(segmentsFile, 'utf-8').replace('"version":"1.6.0"', '"version":"1.7.0"'));
    await expect(SearchIndex.open(loader(other))).rejects.toThrow(
      'the search bundle was built by Pagefind 1.7.0; this page speaks to 1.6.0',
    );
  });

  test('a corrupted or cut index file is an error, never "no results"', async () => {
    for (const [name, damage] of [
      [
        'corrupted',
        () => gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from([0x9f, 0xff, 0x00, 0x13])])),
      ],
      ['cut', (file: Buffer) => file.subarray(0, Math.floor(file.length / 2))],
    ] as const) {
      const broken = join(work, `broken-${name}`);
      cpSync(join(work, 'en'), broken, { recursive: true });
      const segments = JSON.parse(readFileSync(join(broken, 'segments.json'), 'utf-8')) as { name: string }[];
      for (const { name: segment } of segments)
        for (const chunk of readdirSync(join(broken, segment, 'index'), { recursive: true })
          .map(String)
          .filter((name) => name.endsWith('.pf_index')))
          writeFileSync(
            join(broken, segment, 'index', chunk),
            damage(readFileSync(join(broken, segment, 'index', chunk))),
          );
      const index = await SearchIndex.open(loader(broken));
      await expect(index.search('zebra5x'), name).rejects.toThrow(
        name === 'corrupted' ? /is corrupted: the search index cannot be read/ : Error,
      );
    }
  });

  test("an index holds its segments and Pagefind's WebAssembly, not Pagefind's browser code", () => {
    // The newest answers (2020-03-02, a Monday) begin their week, and no other answer is of their
    // quarter: the week's segment holds them, and the quarter has no segment of its own.
    expect(readdirSync(join(work, 'en')).sort()).toEqual(['archive', 'segments.json', 'wasm.pagefind', 'week']);
    const listed = JSON.parse(readFileSync(join(work, 'en', 'segments.json'), 'utf-8')) as { name: string }[];
    expect(listed.map((segment) => segment.name)).toEqual(['archive', 'week']);
    for (const segment of ['archive', 'week']) {
      const files = readdirSync(join(work, 'en', segment));
      const meta = files.filter((name) => /^pagefind\.en_\w+\.pf_meta$/.test(name));
      expect(meta).toHaveLength(1);
      expect(files.filter((name) => !meta.includes(name)).sort()).toEqual([
        'filter',
        'fragment',
        'index',
        'pagefind-entry.json',
      ]);
    }
    // Chinese is indexed without a stemmer, so its bundle takes Pagefind's smallest WebAssembly.
    const size = (lang: string) => statSync(join(work, lang, 'wasm.pagefind')).size;
    expect(size('zh')).toBeLessThan(size('en'));
  });

  test('the newest quarter is a segment of its own; the rest is the archive', async () => {
    const { results } = await enBundle.search('zebra79x');
    expect(results).toHaveLength(1);
    const dates = await Promise.all(
      (await enBundle.search(null)).results.map(async (hit) => ({
        rank: hit.rank,
        month: hit.month,
        date: (await hit.data()).meta.date!,
      })),
    );
    const newest = en
      .map((record) => record.meta.date)
      .sort()
      .at(-1)!;
    // A result is dated by segments.json alone, as the chart of results over time counts them.
    expect(dates.filter(({ month, date }) => month !== date.slice(0, 7))).toEqual([]);
    // The archive's answers are placed by their ranks; the newest quarter's after them, between whole numbers.
    const latest = dates.filter(({ rank }) => !Number.isInteger(rank)).map(({ date }) => date);
    expect(latest.length).toBeGreaterThan(0);
    expect(latest.every((date) => date >= quarterStart(newest))).toBe(true);
    expect(dates.filter(({ rank }) => Number.isInteger(rank)).every(({ date }) => date < quarterStart(newest))).toBe(
      true,
    );
    expect(weekStart('2020-07-03')).toBe('2020-06-29');
    expect(weekStart('2020-06-29')).toBe('2020-06-29');
    expect(weekStart('2021-01-03')).toBe('2020-12-28');
    expect(quarterStart('2020-07-04')).toBe('2020-07-01');
    expect(quarterStart('2020-12-31')).toBe('2020-10-01');
    expect(quarterStart('2021-03-01')).toBe('2021-01-01');
  });
});

describe('a rebuild after adding an answer', () => {
  const work = mkdtempSync(join(tmpdir(), 'lectern-rebuild-'));
  const files = (dir: string) =>
    new Map(
      readdirSync(dir, { recursive: true })
        .map(String)
        .filter((name) => /\.(pf_fragment|pf_index|json|pf_meta)$/.test(name))
        .map((name) => [name, readFileSync(join(dir, name)).toString('base64')]),
    );

  test('keeps the name of every file whose bytes did not change, and builds byte for byte the same twice', async () => {
    // synthetic() gives newest first: the 121st record is the newest, as an editor adds today's remarks.
    const before = synthetic(121).slice(1);
    const after = synthetic(121);
    await writeBundles(
      [
        { records: before, dir: join(work, 'before') },
        { records: before, dir: join(work, 'again', 'en') },
        { records: after, dir: join(work, 'after') },
      ],
      { chunkBudget: 40 },
    );
    await pagefind.close();
    const a = files(join(work, 'before'));
    expect(files(join(work, 'again', 'en'))).toEqual(a);
    const b = files(join(work, 'after'));
    const kept = [...a].filter(([name, bytes]) => b.get(name) === bytes);
    const folder = (name: string) => name.split('/').slice(0, -1).join('/');
    // Fragments and chunks are kept in folders named by what they hold: the new answer's month of
    // fragments, and the folders of the chunks that hold its words, moved to folders of other
    // names; no other file was renamed.
    const renamedSameBytes = [...a].filter(([name, bytes]) => !b.has(name) && [...b.values()].includes(bytes));
    const changedFolders = new Set(
      [...b].filter(([name, bytes]) => a.get(name) !== bytes).map(([name]) => folder(name)),
    );
    for (const [name, bytes] of renamedSameBytes) {
      const now = [...b].find(([, other]) => other === bytes)![0];
      expect(changedFolders.has(folder(now)), name).toBe(true);
    }
    // In the newest quarter a folder holds one day's answers: today's make a folder of their own,
    // and no earlier answer's fragment moved.
    const fragments = [...a.keys()].filter((name) => name.includes('/fragment/'));
    expect(fragments.filter((name) => b.get(name) !== a.get(name))).toEqual([]);
    const added = [...b.keys()].filter((name) => name.includes('/fragment/') && !a.has(name));
    expect(added).toHaveLength(1);
    expect(fragments.map(folder)).not.toContain(folder(added[0]!));
    // The new answer is in the newest week's segment: the archive's files are all as they were.
    const archive = [...a.keys()].filter((name) => name.startsWith('archive/'));
    expect(archive.length).toBeGreaterThan(20);
    expect(archive.filter((name) => b.get(name) !== a.get(name))).toEqual([]);
    // Nor are the quarter's before this week (2014-01-01 to 01-05): a Thursday's answer is the week's.
    const quarter = [...a.keys()].filter((name) => name.startsWith('latest/'));
    expect(quarter.length).toBeGreaterThan(5);
    expect(quarter.filter((name) => b.get(name) !== a.get(name))).toEqual([]);
    expect(kept.length).toBeGreaterThan(a.size * 0.6);

    const bundle = await SearchIndex.open(loader(join(work, 'after')));
    const { results } = await bundle.search('zebra120x');
    expect((await results[0]!.data()).url).toBe('/remarks/en/synthetic/120/#q1');
  }, 60_000);
});

describe('the order of publication', () => {
  test('places records by the manifest, new transcripts after it, and a backfill outside the archive', async () => {
    const classic = await records('qa-classic', 'en/2019/qa-classic');
    const pinned = await records('pinned-ids', 'en/2020/pinned-ids');
    const outlets = await records('qa-2020-outlets', 'en/2020/qa-2020-outlets');
    const backfill = classic.map((record) => ({
      ...record,
      url: record.url.replace('qa-classic', 'backfill'),
      meta: { ...record.meta, date: '2019-06-04' },
    }));
    // As the build writes it: answer URLs (an older manifest's), then a transcript's URL.
    const manifest = [
      ...classic
        .filter((record) => !record.url.endsWith('#opening'))
        .map((record) => `${record.url.replace('#', '')}/`),
      '/remarks/en/2020/pinned-ids/',
      '/remarks/en/2020/pinned-ids/q1/',
    ];
    const all = [...outlets, ...backfill, ...pinned, ...classic];
    placeByPublication(all, manifest);
    const placeOf = (list: SearchRecord[]) => [...new Set(list.map((record) => record.published))];
    expect(placeOf(classic)).toEqual([0]);
    expect(placeOf(pinned)).toEqual([manifest.indexOf('/remarks/en/2020/pinned-ids/')]);
    // Not listed yet: after all it lists, oldest first, as the build will append them.
    expect(placeOf(backfill)).toEqual([manifest.length]);
    expect(placeOf(outlets)).toEqual([manifest.length + 1]);
    const archived = inArchive([...all].sort((a, b) => a.meta.date.localeCompare(b.meta.date)));
    expect(all.filter(archived).map((record) => record.url)).toEqual(classic.map((record) => record.url));
  });
});

describe('a transcript backfilled', () => {
  const work = mkdtempSync(join(tmpdir(), 'lectern-backfill-'));
  const files = (dir: string) =>
    new Map(
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
        .map((name) => [name, readFileSync(join(dir, name)).toString('base64')]),
    );

  test('joins the newest week, leaves the archive and the quarter as they were, and is sorted and dated by its own date', async () => {
    // Published in date order, as an archive imported at once, then one of 2011 published last.
    const dated = synthetic(120).reverse();
    const before = dated.map((record, i) => ({ ...record, published: i }));
    const unplaced: SearchRecord = {
      ...dated[0]!,
      url: '/remarks/en/synthetic/backfill/#q1',
      text: { answer: 'A backfilled answer about the okapi of the Ituri forest.' },
      meta: { ...dated[0]!.meta, date: '2011-01-15', transcript: 'Backfilled' },
      filters: { year: ['2011'] },
    };
    const backfill = { ...unplaced, published: 120 };
    await writeBundles(
      [
        { records: before, dir: join(work, 'before') },
        { records: [...before, backfill], dir: join(work, 'after') },
        // Without the order of publication, a record's date alone places it: in the archive.
        { records: [...dated, unplaced], dir: join(work, 'by-date') },
      ],
      { chunkBudget: 40 },
    );
    await pagefind.close();
    const a = files(join(work, 'before'));
    const b = files(join(work, 'after'));
    const archive = [...a.keys()].filter((name) => name.startsWith('archive/'));
    expect(archive.length).toBeGreaterThan(20);
    expect(archive.filter((name) => b.get(name) !== a.get(name))).toEqual([]);
    // Nor is the quarter's before this week (2014-01-01 to 01-05): published this week, the backfill is the week's.
    const quarter = [...a.keys()].filter((name) => name.startsWith('latest/'));
    expect(quarter.length).toBeGreaterThan(5);
    expect(quarter.filter((name) => b.get(name) !== a.get(name))).toEqual([]);
    expect([...b.keys()].filter((name) => name.startsWith('archive/') && !a.has(name))).toEqual([]);
    const byDate = files(join(work, 'by-date'));
    expect(archive.filter((name) => byDate.get(name) !== a.get(name)).length).toBeGreaterThan(0);

    const index = await SearchIndex.open(loader(join(work, 'after')));
    const found = (await index.search('okapi')).results;
    expect(found).toHaveLength(1);
    expect(found[0]!.month).toBe('2011-01');
    // In date order among all the answers, after the archive's one of the same day.
    const all = (await index.search(null)).results.sort((x, y) => x.rank - y.rank);
    const urls = await Promise.all(all.map(async (hit) => (await hit.data()).url));
    const inOrder = [...before, backfill].sort((x, y) => x.meta.date.localeCompare(y.meta.date));
    expect(urls).toEqual(inOrder.map((record) => record.url));
    expect(new Set(all.map((hit) => hit.rank)).size).toBe(all.length);
  }, 60_000);
});

describe('an index built in pieces', () => {
  const work = mkdtempSync(join(tmpdir(), 'lectern-pieces-'));
  const records = [...synthetic(60), ...relevance];
  const chunkFiles = (dir: string) =>
    readdirSync(dir, { recursive: true })
      .map(String)
      .filter((name) => name.endsWith('.pf_index'))
      .map((name) => readFileSync(join(dir, name)).toString('base64'))
      .sort();

  test('is the index built at once: the same words, pages and positions, the same results and counts', async () => {
    const english = records.filter((record) => record.language === 'en');
    const chinese = records.filter((record) => record.language === 'und');
    await writeBundles([
      { records: english, dir: join(work, 'whole-en') },
      { records: chinese, dir: join(work, 'whole-zh') },
    ]);
    // Pieces of 7 records: words shared by several pieces are joined, each piece's pages renumbered.
    const inPieces = await writeBundles(
      [
        { records: english, dir: join(work, 'pieces-en') },
        { records: chinese, dir: join(work, 'pieces-zh') },
      ],
      { pieceRecords: 7 },
    );
    await pagefind.close();
    for (const lang of ['en', 'zh']) {
      expect(chunkFiles(join(work, `pieces-${lang}`))).toEqual(chunkFiles(join(work, `whole-${lang}`)));
      const whole = await SearchIndex.open(loader(join(work, `whole-${lang}`)));
      const pieces = await SearchIndex.open(loader(join(work, `pieces-${lang}`)));
      expect(await pieces.filters()).toEqual(await whole.filters());
      for (const query of [
        'answer',
        'zebra7x',
        '"harbour of Port3x"',
        '华为',
        '孟晚舟',
        toPagefindQuery('中方'),
        null,
      ]) {
        for (const filters of [{}, { year: { any: ['2011', '2018'] } }]) {
          const [a, b] = await Promise.all([whole.search(query, filters), pieces.search(query, filters)]);
          // Everything a hit tells, but the function that fetches its fragment.
          const shown = (r: typeof a) => ({
            ...r,
            results: r.results.map(({ id, rank, score, locations, crossed, demoted }) => ({
              id,
              rank,
              score,
              locations,
              crossed,
              demoted,
            })),
          });
          expect(shown(b), `${query} ${JSON.stringify(filters)}`).toEqual(shown(a));
        }
      }
    }
    // The pieces were there, and are gone.
    // English: the archive's 56 records in 8 pieces, the quarter's and the week's in one each.
    expect(inPieces.map((stats) => stats.pieces)).toEqual([10, 2]);
    expect(
      readdirSync(work, { recursive: true })
        .map(String)
        .filter((name) => name.includes('.piece-')),
    ).toEqual([]);
  }, 60_000);
});

describe('an index kept between builds', () => {
  const work = mkdtempSync(join(tmpdir(), 'lectern-segment-cache-'));
  const cache = join(work, 'cache');
  const files = (dir: string) =>
    Object.fromEntries(
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => {
          const path = join(entry.parentPath, entry.name);
          return [path.slice(dir.length), readFileSync(path).toString('base64')];
        }),
    );
  // Segments are kept under their language folder's name (en-archive, en-latest).
  const build = async (records: SearchRecord[], dir: string) => {
    const [stats] = await writeBundles([{ records, dir }], { cache });
    return stats!;
  };

  test('copies the segments whose records are unchanged, writes the others, and ships the same files', async () => {
    const records = synthetic(60);
    const first = await build(records, join(work, 'first', 'en'));
    const again = await build(records, join(work, 'again', 'en'));
    expect([first.cached, again.cached]).toEqual([0, 3]);
    expect(files(join(work, 'again', 'en'))).toEqual(files(join(work, 'first', 'en')));

    // Today's answer, newest of all: only the newest week is indexed again.
    const today = synthetic(61)[0]!;
    const added = await build([...records, today], join(work, 'added', 'en'));
    const uncached = await writeBundles([{ records: [...records, today], dir: join(work, 'uncached', 'en') }]);
    await pagefind.close();
    expect(added.cached).toBe(2);
    expect(files(join(work, 'added', 'en'))).toEqual(files(join(work, 'uncached', 'en')));
    expect(added.pages).toBe(uncached[0]!.pages);
    // The cache holds one version of each segment, not one per build.
    expect(readdirSync(cache).sort()).toEqual(
      readdirSync(cache)
        .filter((name) => !name.endsWith('.json'))
        .flatMap((name) => [name, `${name}.json`])
        .sort(),
    );
    expect(readdirSync(cache).filter((name) => !name.endsWith('.json')).length).toBe(3);
  }, 60_000);
});

describe('cutting the word index', () => {
  const words = Array.from({ length: 2000 }, (_, i) => ({
    word: `w${String(i).padStart(5, '0')}`,
    positions: 1 + (i % 7),
  }));

  test('chunks are about the budget, a big word alone, and growing one word moves no other boundary', () => {
    const chunks = cutWords(words, 200);
    const sizes = chunks.map((chunk) => chunk.reduce((sum, word) => sum + word.positions, 0));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(400);
    expect(sizes.reduce((a, b) => a + b, 0) / sizes.length).toBeGreaterThan(100);
    const grown = words.map((word, i) => (i === 1000 ? { ...word, positions: word.positions + 5 } : word));
    const again = cutWords(grown, 200);
    const firsts = (list: typeof chunks) => list.map((chunk) => chunk[0]!.word);
    const moved = firsts(again).filter((first) => !firsts(chunks).includes(first));
    expect(moved.length).toBeLessThanOrEqual(1);
    const big = cutWords([...words.slice(0, 10), { word: 'w00010z', positions: 900 }, ...words.slice(10, 20)], 200);
    expect(big.find((chunk) => chunk.some((word) => word.word === 'w00010z'))).toHaveLength(1);
  });
});

describe("Pagefind's own output", () => {
  const work = mkdtempSync(join(tmpdir(), 'lectern-pagefind-'));

  beforeAll(async () => {
    const { index } = await pagefind.createIndex({});
    for (const record of synthetic(30)) {
      const { url, text, language, filters } = record;
      await index!.addCustomRecord({ url, content: indexedContent(text), language, filters });
    }
    await index!.writeFiles({ outputPath: work });
    await pagefind.close();
  }, 60_000);

  test('its metadata decodes and encodes back to the same bytes', () => {
    const file = readdirSync(work).find((name) => name.endsWith('.pf_meta'))!;
    const bytes = gunzipSync(readFileSync(join(work, file))).subarray('pagefind_dcd'.length);
    expect(Buffer.from(encodeCbor(decodeCbor(bytes))).equals(bytes)).toBe(true);
  });

  test('records given out of date order are refused, naming the record', async () => {
    const dates = new Map(synthetic(30).map((record) => [record.url, record]));
    await expect(
      compactBundle(work, { chunkBudget: 100, fragmentsPerGroup: 64, shown: (url) => dates.get(url) }),
    ).rejects.toThrow(BundleError);
    await expect(
      compactBundle(work, { chunkBudget: 100, fragmentsPerGroup: 64, shown: (url) => dates.get(url) }),
    ).rejects.toThrow(
      /synthetic\/\d+\/#q1\) is dated 20\d\d-01-\d\d, after a record of .*: records must be added to Pagefind in date order/,
    );
  });
});

describe('the pinned Pagefind', () => {
  test('is the one installed and the one package.json pins', () => {
    const installed = JSON.parse(readFileSync(join(projectRoot, 'node_modules/pagefind/package.json'), 'utf-8')) as {
      version: string;
    };
    const pinned = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf-8')) as {
      dependencies: Record<string, string>;
    };
    expect(installed.version).toBe(PAGEFIND_VERSION);
    expect(pinned.dependencies.pagefind).toBe(PAGEFIND_VERSION);
  });
});
