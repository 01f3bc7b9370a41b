import { describe, expect, test } from 'vitest';
import { atOrigin, withOrigin } from '../../src/client/origin.ts';
import { hintsFor, needsVocabulary } from '../../src/client/search/hints.ts';
import { IndexCache, SearchFailure, fetchIndexFile } from '../../src/client/search/index-files.ts';
import { ResultMerge } from '../../src/client/search/merge.ts';
import { coverageNote, failureText, summary } from '../../src/client/search/render.ts';
import { answerPart, questionLine, resultHtml, termsOf } from '../../src/lib/search/result-html.ts';
import { entityFor, nameKey, type NamedEntity } from '../../src/client/search/entity-offer.ts';
import { filterCount, monthCounts, runSearches, topValues } from '../../src/client/search/searches.ts';
import { dateOrder, periodQuery, queryOf, scriptLang, searchKey, stateOf } from '../../src/client/search/url-state.ts';
import { figure } from '../../src/lib/figures.ts';
import { NO_DEV_INDEX } from '../../src/lib/search/no-index.ts';
import { type VocabularyEntry, didYouMean, editDistance, vocabularyOf } from '../../src/lib/search/vocabulary.ts';
import type { Fragment, Hit, Results } from '../../src/lib/search/pagefind/read.ts';

/** The search page's parts that need no browser: the URL, the merge, the searches, what is shown. */

const FILTERS = ['lang', 'lang', 'spokesperson', 'year', 'kind', 'topic'];

describe('the search in the URL', () => {
  test('a query is searched in its script’s language unless languages are chosen', () => {
    expect(stateOf('?q=Huawei', FILTERS, ['en', 'zh']).langs).toEqual(['en']);
    expect(stateOf('?q=%E5%8D%8E%E4%B8%BA', FILTERS, ['en', 'zh']).langs).toEqual(['zh']);
    expect(stateOf('?q=%E5%8D%8E%E4%B8%BA', FILTERS, ['en']).langs).toEqual(['en']);
    expect(stateOf('?q=Huawei&lang=zh&lang=fr', FILTERS, ['en', 'zh']).langs).toEqual(['zh']);
    expect(stateOf('', FILTERS, ['en', 'zh']).langs).toEqual(['en', 'zh']);
    expect(scriptLang('华为 5G', ['en', 'zh'])).toBe('zh');
  });

  test('filters are read by the form’s names, the language aside; a month counts only inside its year', () => {
    const state = stateOf('?q=x&year=2019&month=2019-03&topic=5G&topic=Trade&other=1', FILTERS, ['en']);
    expect(state.filters).toEqual({ year: ['2019'], topic: ['5G', 'Trade'] });
    expect(state.month).toBe('2019-03');
    expect(stateOf('?q=x&year=2020&month=2019-03', FILTERS, ['en']).month).toBeUndefined();
    expect(stateOf('?q=x&year=2019&month=2019-3', FILTERS, ['en']).month).toBeUndefined();
    expect(state.sort).toBe('relevance');
  });

  test('the form’s state as a query string keeps the month while its year stays', () => {
    const form = { q: '  Huawei ', checked: [['year', '2019'] as [string, string]], sort: 'newest' };
    expect(queryOf(form, '?q=old&year=2019&month=2019-03')).toBe('?q=Huawei&year=2019&sort=newest&month=2019-03');
    expect(queryOf({ ...form, checked: [['year', '2020']] }, '?year=2019&month=2019-03')).toBe(
      '?q=Huawei&year=2020&sort=newest',
    );
    expect(queryOf({ q: ' ', checked: [], sort: 'relevance' }, '?q=x')).toBe('');
  });

  test('a period narrows the search to one year, or one month within it', () => {
    expect(periodQuery('?q=x&year=2018&year=2019&month=2019-01', '2020')).toBe('?q=x&year=2020');
    expect(periodQuery('?q=x', '2019-03')).toBe('?q=x&year=2019&month=2019-03');
  });

  test('browsing is by date, newest first; a query by relevance unless a date order is chosen', () => {
    const base = stateOf('', FILTERS, ['en']);
    expect(dateOrder({ ...base, q: '' })).toBe('desc');
    expect(dateOrder({ ...base, q: 'x' })).toBeUndefined();
    expect(dateOrder({ ...base, q: 'x', sort: 'oldest' })).toBe('asc');
    expect(dateOrder({ ...base, q: 'x', sort: 'newest' })).toBe('desc');
  });
});

/** A hit with a fragment of its own, counting how often the fragment is fetched. */
function hit(id: string, score: number, date: string, fetched: string[] = [], demoted = false): Hit {
  return {
    id,
    ref: 0,
    place: undefined,
    rank: 0,
    month: date.slice(0, 7),
    score,
    locations: [],
    crossed: 0,
    demoted,
    data: () => {
      fetched.push(id);
      return Promise.resolve({ url: `/${id}/`, content: id, meta: { date } } satisfies Fragment);
    },
  };
}

describe('a search begun while the reader typed is the search they ask for', () => {
  const names = ['lang', 'year', 'spokesperson'];
  test('the same state gives the same key, whatever the spaces round the query', () => {
    const typed = stateOf(queryOf({ q: 'Huawei ', checked: [], sort: 'relevance' }, ''), names, ['en', 'zh']);
    const asked = stateOf('?q=Huawei', names, ['en', 'zh']);
    expect(searchKey(typed, false)).toBe(searchKey(asked, false));
  });
  test('another query, order, filter, month or the filter counts is another search', () => {
    const base = stateOf('?q=Huawei&year=2019', names, ['en', 'zh']);
    const key = searchKey(base, false);
    for (const other of [
      '?q=Huawe&year=2019',
      '?q=Huawei&year=2019&sort=newest',
      '?q=Huawei',
      '?q=Huawei&year=2019&month=2019-03',
      '?q=Huawei&year=2019&lang=zh',
    ])
      expect(searchKey(stateOf(other, names, ['en', 'zh']), false), other).not.toBe(key);
    expect(searchKey(base, true)).not.toBe(key);
  });
});

describe('figures as English writes them, without the locale data Intl loads', () => {
  test('thousands grouped, fractions kept', () => {
    expect([0, 7, 999, 1000, 12432, 1234567, 124320.5].map(figure)).toEqual([
      '0',
      '7',
      '999',
      '1,000',
      '12,432',
      '1,234,567',
      '124,320.5',
    ]);
    for (const n of [1, 42, 1999, 65536, 9876543]) expect(figure(n)).toBe(n.toLocaleString('en'));
  });
});

describe('results of two languages in one list', () => {
  test('by relevance: whole-word matches first, then by score, across both lists', async () => {
    const en = [hit('e1', 5, '2019-01-01'), hit('e2', 1, '2019-01-02')];
    const zh = [hit('z1', 3, '2019-01-03'), hit('z2', 9, '2019-01-04', [], true)];
    const merge = new ResultMerge([en, zh], undefined);
    expect(merge.remaining).toBe(4);
    expect((await merge.take(3)).map(({ hit: h }) => h.id)).toEqual(['e1', 'z1', 'e2']);
    expect((await merge.take(10)).map(({ hit: h }) => h.id)).toEqual(['z2']);
    expect(merge.remaining).toBe(0);
  });

  test('by date: the lists interleave by their answers’ dates, and only a page’s fragments are fetched', async () => {
    const fetched: string[] = [];
    const en = ['2019-05-01', '2019-03-01', '2019-01-01'].map((date, i) => hit(`e${i}`, 1, date, fetched));
    const zh = ['2019-04-01', '2019-02-01'].map((date, i) => hit(`z${i}`, 1, date, fetched));
    const merge = new ResultMerge([en, zh], 'desc');
    const page = await merge.take(2);
    expect(page.map(({ fragment }) => fragment.meta.date)).toEqual(['2019-05-01', '2019-04-01']);
    expect(new Set(fetched)).toEqual(new Set(['e0', 'e1', 'z0', 'z1']));
    expect((await merge.take(5)).map(({ hit: h }) => h.id)).toEqual(['e1', 'z1', 'e2']);
  });
});

describe('the searches', () => {
  const results = (hits: Hit[]): Results => ({
    results: hits,
    filters: { year: { '2019': hits.length } },
    totalFilters: { year: { '2019': 9, '2020': 1 } },
  });

  test('a Chinese fragment that finds nothing is searched again, looser; results counted by month, then narrowed', async () => {
    const asked: (string | null)[] = [];
    const filtersAsked: Record<string, { any: string[] }>[] = [];
    const index = {
      search: (query: string | null, filters: Record<string, { any: string[] }>) => {
        asked.push(query);
        filtersAsked.push(filters);
        const found = results(
          asked.length === 1
            ? []
            : [hit('a', 1, '2019-03-02'), hit('b', 2, '2019-04-01'), hit('c', 3, '2019-03-09')].map((h, i) => ({
                ...h,
                rank: i,
              })),
        );
        // What Pagefind counts within the month, told apart from the year's counts.
        return Promise.resolve(
          filters.month ? { ...found, filters: { year: { '2019': filters.year ? 2 : 7 } } } : found,
        );
      },
    };
    const state = stateOf('?q=%E5%BB%BA%E5%9B%BD70%E5%91%A8&year=2019&month=2019-03', FILTERS, ['zh']);
    const [searched] = await runSearches(state, 'asc', () => Promise.resolve(index));
    // The phrase, then the phrase less the number and the lone character it ended on; then the
    // looser one within the month, with the filters and without, for the counts.
    expect(asked).toEqual(['"建国 70 周"', '"建国"', '"建国"', '"建国"']);
    expect(filtersAsked.slice(2)).toEqual([
      { year: { any: ['2019'] }, month: { any: ['2019-03'] } },
      { month: { any: ['2019-03'] } },
    ]);
    expect(searched!.search.filters).toEqual({ year: { '2019': 2 } });
    expect(searched!.search.totalFilters).toEqual({ year: { '2019': 7 } });
    expect([...searched!.byMonth]).toEqual([
      ['2019-03', 2],
      ['2019-04', 1],
    ]);
    expect(searched!.search.results.map((h) => h.id)).toEqual(['a', 'c']);
    expect([...monthCounts([searched!, searched!])]).toEqual([
      ['2019-03', 4],
      ['2019-04', 2],
    ]);
  });

  test('browsing asks for every answer; filter counts follow the search, but a lone group counts as if unchosen', async () => {
    const asked: (string | null)[] = [];
    const index = { search: (query: string | null) => (asked.push(query), Promise.resolve(results([]))) };
    const state = stateOf('?year=2019', FILTERS, ['en', 'zh']);
    const searched = await runSearches(state, 'desc', () => Promise.resolve(index));
    expect(asked).toEqual([null, null]);
    const searches = [results([hit('a', 1, '2019-01-01')]), results([])];
    expect(filterCount(state, searches, 'year', '2020')).toBe(2);
    expect(filterCount({ ...state, filters: { year: ['2019'], kind: ['x'] } }, searches, 'year', '2019')).toBe(1);
    expect(filterCount(state, searches, 'lang', 'en')).toBe(1);
    expect(filterCount({ ...state, langs: ['en'] }, searches, 'lang', 'zh')).toBe('');
    expect(searched).toHaveLength(2);
  });

  test('the entities listed beside the results are those they name most, counted as the boxes count', () => {
    const named = (counts: Record<string, number>, total: Record<string, number>): Results => ({
      results: [],
      filters: { entity: counts },
      totalFilters: { entity: total },
    });
    const searches = [named({ Huawei: 3, Canada: 1, Nobody: 0 }, { Huawei: 5, Canada: 4 }), named({ Canada: 3 }, {})];
    const state = stateOf('?q=x&year=2019', [...FILTERS, 'entity'], ['en', 'zh']);
    expect(topValues(state, searches, 'entity', 5)).toEqual([
      ['Canada', 4],
      ['Huawei', 3],
    ]);
    expect(topValues(state, searches, 'entity', 1)).toEqual([['Canada', 4]]);
    // The entity filter alone chosen: its values counted as if it were not, so others can be added.
    const alone = stateOf('?q=x&entity=Huawei', [...FILTERS, 'entity'], ['en', 'zh']);
    expect(topValues(alone, searches, 'entity', 5)).toEqual([
      ['Huawei', 5],
      ['Canada', 4],
    ]);
  });
});

describe('a query that names an entity', () => {
  const list: NamedEntity[] = [
    // As a bucket lists them: the most answered first.
    {
      path: '/entities/who/',
      filter: 'WHO 世卫组织',
      kind: 'organisation',
      names: ['WHO', 'World Health Organization', '世卫组织', '世界卫生组织'],
    },
    { path: '/entities/huawei/', filter: 'Huawei 华为', kind: 'organisation', names: ['Huawei', '华为'] },
    { path: '/entities/georgia/', filter: 'Georgia 格鲁吉亚', kind: 'place', names: ['Georgia'] },
    { path: '/entities/georgia-us/', filter: 'Georgia (US)', kind: 'place', names: ['Georgia'] },
  ];

  test('is offered its page by any of its names, either language, as typed', () => {
    expect(entityFor('huawei', list)?.path).toBe('/entities/huawei/');
    expect(entityFor(' 华为 ', list)?.path).toBe('/entities/huawei/');
    expect(entityFor('"the World Health Organization"', list)?.path).toBe('/entities/who/');
    expect(entityFor('世界卫生组织', list)?.path).toBe('/entities/who/');
    expect(entityFor("Huawei's", list)?.path).toBe('/entities/huawei/');
    expect(nameKey('ＷＨＯ')).toBe('who');
  });

  test('only where the whole query is a name; of two sharing a name, the first listed: the more answered', () => {
    expect(entityFor('Huawei 5G', list)).toBeUndefined();
    expect(entityFor('华', list)).toBeUndefined();
    expect(entityFor('', list)).toBeUndefined();
    expect(entityFor('Georgia', list)?.path).toBe('/entities/georgia/');
  });
});

describe('what the reader sees', () => {
  test('a search narrowed to an entity says so', () => {
    const state = stateOf('?entity=Huawei+%E5%8D%8E%E4%B8%BA', [...FILTERS, 'entity'], ['en', 'zh']);
    expect(summary(12, state, ['en', 'zh'])).toBe('12 answers naming Huawei 华为');
  });

  test('a result links to its answer with the words to mark, quotes the answer and offers the other language', () => {
    const shown = {
      hit: { ...hit('a', 1, '2019-03-01'), locations: [{ location: 1, score: 1, weight: 24 }] },
      fragment: {
        url: '/remarks/en/2019/x/#q2',
        content: 'We oppose <sanctions> on Huawei.',
        meta: {
          lang: 'en',
          date: '2019-03-01',
          question: 'On "Huawei"?',
          spokesperson: 'Lu Kang',
          transcript: 'Press conference',
          counterpart: '/remarks/zh/2019/x/#q2',
        },
      },
    };
    const { lang, html } = resultHtml(shown, termsOf('"Huawei" sanctions'));
    expect(lang).toBe('en');
    expect(html).toContain('href="/remarks/en/2019/x/?hl=Huawei%20sanctions#q2"');
    expect(html).toContain('On &quot;Huawei&quot;?');
    expect(html).toContain('&lt;sanctions&gt;');
    expect(html).not.toContain('<sanctions>');
    expect(html).toContain(
      '<a class="other-version" href="/remarks/zh/2019/x/#q2" hreflang="zh-Hans" lang="zh-Hans">中文</a>',
    );
    expect(resultHtml({ ...shown, fragment: { ...shown.fragment, meta: { lang: 'zh' } } }, []).lang).toBe('zh-Hans');
    expect(html).not.toContain('said before');
    const formula = resultHtml(
      { ...shown, fragment: { ...shown.fragment, meta: { ...shown.fragment.meta, said: 'all' } } },
      [],
    );
    expect(formula.html).toContain('<span class="said-all">all said before</span>');
  });

  test('the summary says how many, for what, where and when', () => {
    const state = stateOf('?q=Huawei&year=2019&month=2019-03', FILTERS, ['en', 'zh']);
    expect(summary(1234, state, ['en', 'zh'])).toBe('1,234 answers for Huawei in English in Mar 2019');
    expect(summary(1, { ...state, langs: ['en', 'zh'], month: undefined }, ['en', 'zh'])).toBe('1 answer for Huawei');
    expect(summary(3, { ...state, q: '', langs: ['zh'], month: undefined }, ['en', 'zh'])).toBe('3 answers in Chinese');
  });

  test('a failure is told in words a reader can pass on', () => {
    const known = (error: unknown) => error instanceof SearchFailure;
    expect(failureText(new SearchFailure('the network failed'), known)).toBe(
      'Search is not working right now: the network failed. ',
    );
    expect(failureText(new TypeError('x is undefined'), known)).toBe(
      'Search is not working right now: the search index could not be read (x is undefined). ',
    );
  });
});

describe('the index files', () => {
  const ok = (text: string) => new Response(text);

  test('a failure on the way is tried once more; a missing file, a second failure or the dev server’s no-index is told', async () => {
    const calls: string[] = [];
    const flaky = (answers: (() => Response)[]) => (url: string) => {
      calls.push(url);
      const next = answers.shift()!;
      return Promise.resolve().then(next);
    };
    const text = (buffer: ArrayBuffer) => new TextDecoder().decode(buffer);
    expect(
      text(
        await fetchIndexFile(
          flaky([
            () => {
              throw new TypeError('offline');
            },
            () => ok('meta'),
          ]),
          'zh',
          'segments.json?ts=1',
        ),
      ),
    ).toBe('meta');
    expect(calls).toEqual(['/pagefind/zh/segments.json?ts=1', '/pagefind/zh/segments.json?ts=1']);
    expect(text(await fetchIndexFile(flaky([() => new Response('', { status: 503 }), () => ok('x')]), 'en', 'a'))).toBe(
      'x',
    );
    await expect(
      fetchIndexFile(flaky([() => new Response('', { status: 404, statusText: 'Not Found' })]), 'en', 'a?ts=2'),
    ).rejects.toThrow('/pagefind/en/a answered 404 Not Found');
    const offline = () => {
      throw new TypeError('offline');
    };
    await expect(fetchIndexFile(flaky([offline, offline]), 'en', 'b')).rejects.toThrow(
      'the network failed while fetching /pagefind/en/b',
    );
    const noIndex = () => new Response('', { status: 404, headers: { [NO_DEV_INDEX]: '1' } });
    await expect(fetchIndexFile(flaky([noIndex]), 'en', 'c')).rejects.toThrow(/run npm run build once/);
  });

  test('each index is opened once, its filters loaded once when asked for, and forgotten after a failure', async () => {
    let opened = 0;
    let counted = 0;
    let fail = true;
    const cache = new IndexCache(
      () => {
        opened++;
        if (fail) return Promise.reject(new Error('broken'));
        return Promise.resolve({ filters: () => Promise.resolve(++counted) });
      },
      () => () => Promise.resolve(new ArrayBuffer(0)),
    );
    await expect(cache.get('en', false)).rejects.toThrow('broken');
    fail = false;
    const index = await cache.get('en', false);
    expect(await cache.get('en', true)).toBe(index);
    await cache.get('en', true);
    expect([opened, counted]).toEqual([2, 1]);
    cache.forget(['en']);
    await cache.get('en', true);
    expect([opened, counted]).toEqual([3, 2]);
  });
});

describe('what is copied and cited names the address the reader is at', () => {
  test('a URL moves to the page’s origin with its path, query and fragment; other text stays', () => {
    expect(atOrigin('http://localhost:4321/remarks/en/x/q1/?a=1#t', 'https://mirror.example')).toBe(
      'https://mirror.example/remarks/en/x/q1/?a=1#t',
    );
    expect(atOrigin('not a url', 'https://mirror.example')).toBe('not a url');
    expect(
      withOrigin(
        'Permalink: http://localhost:4321/a/. See http://localhost:4321/b/',
        'http://localhost:4321',
        'https://m.example',
      ),
    ).toBe('Permalink: https://m.example/a/. See https://m.example/b/');
  });
});

describe('a result leads with a short question and quotes the answer', () => {
  test('the question line is cut at a word (or a Chinese character), never mid-word', () => {
    const long =
      'British telecom operators have said that they will not use Huawei equipment in the core of their 5G networks; does the Chinese side have any comment on this decision and its consequences?';
    const line = questionLine(long, 'en');
    expect(line.endsWith('…')).toBe(true);
    expect(long.startsWith(line.slice(0, -1))).toBe(true);
    expect(long[line.length - 1]).toBe(' ');
    expect(questionLine('Short?', 'en')).toBe('Short?');
    expect([...questionLine('关于华为'.repeat(30), 'zh')]).toHaveLength(61);
  });

  test('the quote comes from the answer even where the question matches more', () => {
    const content = 'We firmly oppose this.\nWhat is your comment on Huawei and Huawei phones?';
    const question = 'What is your comment on Huawei and Huawei phones?';
    expect(answerPart(content, question)).toBe('We firmly oppose this.');
    expect(answerPart(content, 'What is your comment on Huawei…')).toBe('We firmly oppose this.');
    const shown = {
      hit: { ...hit('a', 1, '2019-03-01'), locations: [9, 11].map((location) => ({ location, score: 2, weight: 48 })) },
      fragment: { url: '/x/#q1', content, meta: { lang: 'en', question } },
    };
    const { html } = resultHtml(shown, ['Huawei']);
    expect(html).toContain('<p class="excerpt">We firmly oppose this.</p>');
  });
});

describe('a search that finds nothing offers a way on', () => {
  const vocabulary: VocabularyEntry[] = [
    ['china', 900],
    ['huawei', 120],
    ['hawaii', 3],
    ['sanctions', 80],
  ];

  test('the nearest words of the English answers, written as the reader wrote theirs', () => {
    expect(didYouMean('Huwei', vocabulary)).toBe('Huawei');
    expect(didYouMean('sanctoins on huwaei', vocabulary)).toBe('sanctions on huawei');
    expect(didYouMean('Huawei', vocabulary)).toBeUndefined();
    expect(didYouMean('zzzzzz', vocabulary)).toBeUndefined();
    expect(editDistance('huwei', 'huawei', 2)).toBe(1);
    expect(editDistance('abcdef', 'zzzzzz', 2)).toBe(3);
  });

  test('the vocabulary keeps words used often enough, most used first', () => {
    expect(vocabularyOf(['Huawei and Huawei', 'HUAWEI, China; china?', 'a rare word'], { minCount: 2 })).toEqual([
      ['huawei', 3],
      ['china', 2],
    ]);
  });

  test('a Latin query searched in Chinese only is offered the English transcripts; a typo its correction', () => {
    const inChinese = stateOf('?q=Huawei&lang=zh', FILTERS, ['en', 'zh']);
    expect(needsVocabulary(inChinese)).toBe(false);
    expect(hintsFor(inChinese, '?q=Huawei&lang=zh', ['en', 'zh'], undefined)).toEqual([
      { lead: 'Searched in Chinese only:', text: 'search the English transcripts', query: '?q=Huawei&lang=en' },
    ]);
    const typo = stateOf('?q=Huwei', FILTERS, ['en', 'zh']);
    expect(needsVocabulary(typo)).toBe(true);
    expect(hintsFor(typo, '?q=Huwei', ['en', 'zh'], vocabulary)).toEqual([
      { lead: 'Did you mean', text: 'Huawei', query: '?q=Huawei&lang=en' },
    ]);
    expect(hintsFor(stateOf('?q=%E5%8D%8E%E4%B8%BA', FILTERS, ['en', 'zh']), '', ['en', 'zh'], vocabulary)).toEqual([]);
  });
});

describe("the chart says why a year's first months are empty", () => {
  const firsts = 'zh:2016-11-15 en:2018-05-11';
  test('a year in which a searched language begins late is said so; other years are not', () => {
    expect(coverageNote(stateOf('?q=x&year=2018', FILTERS, ['en', 'zh']), firsts)).toBe(
      'English transcripts begin in May 2018',
    );
    expect(coverageNote(stateOf('?q=x&year=2018&lang=zh', FILTERS, ['en', 'zh']), firsts)).toBeUndefined();
    expect(coverageNote(stateOf('?q=%E5%8D%8E&year=2016', FILTERS, ['en', 'zh']), firsts)).toBe(
      'Chinese transcripts begin in Nov 2016',
    );
    expect(coverageNote(stateOf('?q=x&year=2019', FILTERS, ['en', 'zh']), firsts)).toBeUndefined();
    expect(coverageNote(stateOf('?q=x', FILTERS, ['en', 'zh']), firsts)).toBeUndefined();
  });
});
