import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Remark } from '../../src/lib/remarks.ts';
import {
  CROSSING_WEIGHT,
  bigrams,
  fromBigramText,
  looserQueries,
  toBigramText,
  toPagefindQuery,
  weighted,
  wordsToFetch,
} from '../../src/lib/search/cjk.ts';
import { crossings } from '../../src/lib/search/words.ts';
import { type Cbor, encodeCbor } from '../../src/lib/search/pagefind/cbor.ts';
import { scaledBudget } from '../../src/lib/search/pagefind/compact.ts';
import { chunksFor } from '../../src/lib/search/pagefind/chunks-for.ts';
import {
  lengthStep,
  roughLength,
  stepLength,
  chunkBounds,
  withNames,
  withoutNames,
} from '../../src/lib/search/pagefind/meta-codec.ts';
import { hanExcerpt, wholeWordStart } from '../../src/lib/search/excerpt.ts';
import { facetCounts } from '../../src/lib/search/facets.ts';
import { entityFilter, indexedContent, searchRecords, shownText } from '../../src/lib/search/records.ts';
import { loadTranscript } from '../../src/lib/transcript/load.ts';
import { renderTranscript } from '../../src/plugins/render.ts';
import { projectRoot } from '../../scripts/support/paths.ts';

async function remark(name: string, id: string): Promise<Remark> {
  const file = join(projectRoot, 'tests/fixtures/transcripts', name, 'input.md');
  const { frontmatter, transcript } = await loadTranscript(readFileSync(file, 'utf-8'), file, renderTranscript);
  return { id, collection: 'remarks', data: { ...frontmatter, transcript } };
}

describe('Chinese bigrams', () => {
  test.each([
    ['华为', '华为'],
    ['孟晚舟', '孟晚 晚舟'],
    ['一带一路', '一带 带一 一路'],
    ['华', '华'],
  ])('%s → %s', (run, expected) => {
    expect(bigrams(run)).toBe(expected);
  });

  test.each(['华为公司今天，“一带一路”倡议 5G 中 美', '中国 国家', 'No Chinese at all.', '单', '2017年10月30日中午'])(
    'reads back %s',
    (text) => {
      expect(fromBigramText(toBigramText(text))).toBe(text);
    },
  );

  test.each([
    // 访华|为|标志: 华为 takes the end of 访华; 华为公司 is one word; 中|美 are two words of one character.
    ['杜特尔特总统访华为标志', '杜特 [特尔] 尔特 [特总] 总统 [统访] 访华 [华为 为标] 标志'],
    ['华为公司', '华为 为公 公司'],
    ['中美贸易', '中美 [美贸] 贸易'],
  ])('bigrams of %s across word boundaries (in brackets) weigh less', (run, expected) => {
    const flags = crossings(run);
    const shown = bigrams(run)
      .split(' ')
      .map((pair, i) => (flags[i] ? `[${pair}]` : pair))
      .join(' ');
    expect(shown.replaceAll('] [', ' ')).toBe(expected);
    const indexed = toBigramText(run, crossings);
    expect(indexed.includes('___PAGEFIND_WEIGHT___0.25')).toBe(expected.includes('['));
    expect(fromBigramText(indexed)).toBe(run);
  });

  test.each(['杜特尔特总统访华为标志，中美贸易 5G。', '关于华为，中方有何评论？', 'What about Huawei? 华为'])(
    'reads back %s, weighted and with its words marked',
    (text) => {
      const question = weighted(toBigramText(text, crossings), 2);
      expect(fromBigramText(`${toBigramText(text, crossings)}\n${question}`)).toBe(`${text}\n${text}`);
    },
  );

  test.each([
    ['华为', '华为'],
    ['孟晚舟', '"孟晚 晚舟"'],
    ['华为 5G', '华为 5G'],
    ['英国“海神之子”号船', '"英国 海神 神之 之子 号船"'],
    ['2017年10月30', '"2017 年 10 月 30"'],
    ['"一带一路倡议"', '"一带 带一 一路 路倡 倡议"'],
    ['Huawei', 'Huawei'],
    ['"win-win cooperation"', '"win-win cooperation"'],
    ['Belt and Road', 'Belt Road'],
    ['"Belt and Road" of the', '"Belt and Road"'],
    ['to be or not', 'not'],
    ['to be', 'to be'],
    ['华', '华'],
  ])('the query %s is searched as %s', (query, expected) => {
    expect(toPagefindQuery(query)).toBe(expected);
  });

  test('a fragment that finds nothing is retried without cut ends, then as words', () => {
    expect(looserQueries('截至2月14日中午1')).toEqual(['"截至 2 月 14 日中 中午"', '截至 2 月 14 日中 中午']);
    expect(looserQueries('并出席朝鲜建国70周')).toEqual([
      '"并出 出席 席朝 朝鲜 鲜建 建国"',
      '并出 出席 席朝 朝鲜 鲜建 建国',
    ]);
    expect(looserQueries('英国“海神之子”号船')).toEqual(['英国 海神 神之 之子 号船']);
    expect(looserQueries('华为')).toEqual([]);
  });

  test.each([
    ['win-win c', 'win-win'],
    ['win-win coop', 'win-win coop'],
    ['"win-win cooperation" ', '"win-win cooperation"'],
    ['Belt and Ro', 'Belt and'],
    ['of ', ''],
    ['Hua', ''],
    ['Huawei', 'Huawei'],
    ['华', ''],
    ['孟晚舟', '孟晚舟'],
  ])('while %s is typed, the chunks of %s are fetched ahead', (typed, ahead) => {
    expect(wordsToFetch(typed)).toBe(ahead);
  });
});

describe('search records', () => {
  test('one per answer and one for the opening, each opening its answer in the transcript', async () => {
    const records = searchRecords(await remark('qa-classic', 'en/2019/qa-classic'));
    expect(records.map((r) => r.url)).toEqual([
      '/remarks/en/2019/qa-classic/#opening',
      '/remarks/en/2019/qa-classic/#q1',
      '/remarks/en/2019/qa-classic/#q2',
    ]);
    const second = records[2]!;
    // A follow-up belongs to its exchange: its question and answer are found with it.
    expect(second.text.question).toContain('And the follow-up?');
    expect(second.text.answer).toContain('Answer to the follow-up.');
    expect(second.meta).toMatchObject({ date: '2019-06-03', spokesperson: 'Geng Shuang', lang: 'en' });
    expect(second.filters).toEqual({
      spokesperson: ['Geng Shuang 耿爽'],
      year: ['2019'],
      month: ['2019-06'],
      kind: ['Regular press conference'],
    });
  });

  test('an answer made only of sentences said before says so in its result; the others say nothing', async () => {
    const transcript = await remark('qa-classic', 'en/2019/qa-classic');
    const [, first, second] = searchRecords(transcript, { formulaOnly: (_, exchange) => exchange.id === 'q1' });
    expect(first!.meta.said).toBe('all');
    expect(second!.meta).not.toHaveProperty('said');
  });

  test('an answer is found by the entities it names; opening statements by none', async () => {
    const transcript = await remark('qa-classic', 'en/2019/qa-classic');
    const records = searchRecords(transcript, {
      entitiesOf: (_, exchange) => (exchange.id === 'q1' ? ['Huawei 华为', 'Canada 加拿大'] : []),
    });
    const answers = records.filter((record) => !record.url.endsWith('#opening'));
    expect(answers[0]!.filters.entity).toEqual(['Huawei 华为', 'Canada 加拿大']);
    expect(answers[1]!.filters).not.toHaveProperty('entity');
    expect(entityFilter({ en: ['Huawei', 'Huawei Technologies'], zh: ['华为'] })).toBe('Huawei 华为');
    expect(entityFilter({ en: [], zh: ['王毅'] })).toBe('王毅');
  });

  test('Chinese answers are indexed as bigrams that read back to the text', async () => {
    const [, first] = searchRecords(await remark('zh-wenda', 'zh/2019/zh-wenda'));
    const indexed = indexedContent(first!.text);
    expect(indexed).toContain('华为');
    expect(indexed).not.toContain('关于华为');
    expect(fromBigramText(indexed)).toBe(
      '我们已多次表明立场。\n\n我没有更多信息。\n关于华为，中方有何评论？\n\n你能否进一步说明？',
    );
    expect(shownText(first!.text)).toBe(fromBigramText(indexed));
    expect(first!.language).toBe('und');
  });

  test('per-exchange topics join the transcript topics; facet counts tally them', async () => {
    const records = searchRecords(await remark('pinned-ids', 'en/2020/pinned-ids'));
    expect(records[0]!.url).toBe('/remarks/en/2020/pinned-ids/#huawei-5g');
    expect(records[0]!.filters.topic).toEqual(['5G']);
    expect(records[1]!.filters.topic).toBeUndefined();
    expect(facetCounts(records)).toMatchObject({ topic: [['5G', 1]], spokesperson: [['Lu Kang 陆慷', 2]] });
  });
});

describe('Chinese excerpts', () => {
  test('mark every term on the text, then escape: a Latin term never cuts into a mark', () => {
    expect(hanExcerpt('关于华为a公司<b>的问题', ['华为', 'a'])).toBe(
      '关于<mark>华为</mark><mark>a</mark>公司&lt;b&gt;的问题',
    );
    expect(hanExcerpt('mark 华为 mark', ['华为', 'mark', 'ar'])).toBe(
      '<mark>mark</mark> <mark>华为</mark> <mark>mark</mark>',
    );
  });
});

describe('where a Chinese excerpt starts', () => {
  test('at the whole word, however far into a long answer it is', () => {
    const text = `以访华为契机，${'中国同各国发展友好合作关系。'.repeat(200)}华为是一家中国企业。`;
    const words = toBigramText(text).split(/\s+/).filter(Boolean);
    const crossing = words.indexOf('华为');
    const whole = words.lastIndexOf('华为');
    const locations = [
      { location: crossing, weight: CROSSING_WEIGHT / 2 },
      { location: whole, weight: CROSSING_WEIGHT * 4 },
    ];
    expect(text.slice(wholeWordStart(text, locations))).toMatch(/^华为是一家/);
  });
});

describe('the chunk budget', () => {
  test('stays at its base for the shared corpus and doubles, in powers of two, as a segment grows', () => {
    expect(scaledBudget(3000, 5_140_000)).toBe(3000);
    expect(scaledBudget(3000, 30_000_000)).toBe(3000);
    expect(scaledBudget(3000, 30_000_001)).toBe(6000);
    expect(scaledBudget(3000, 51_400_000)).toBe(6000);
    expect(scaledBudget(3000, 200_000_000)).toBe(24000);
    expect(scaledBudget(1000, 200_000)).toBe(1000);
  });
});

describe('the metadata as shipped', () => {
  const meta: Cbor[] = [
    '1.6.0',
    [
      ['0', roughLength(10), ''],
      ['1', roughLength(20), ''],
    ],
    [
      ['a', 'b', '0'],
      ['c', 'd', '1'],
    ],
    [['kind', 'en_1']],
    [],
  ];

  test('leaves out the ids and chunk names the browser writes back', () => {
    const shipped = withoutNames(meta);
    expect(shipped[1]).toEqual(Uint8Array.from([lengthStep(10), lengthStep(20)]));
    expect(shipped[2]).toEqual([
      [0, 'a', 0, 'b'],
      [0, 'c', 0, 'd'],
    ]);
    expect(withNames(encodeCbor(shipped))).toEqual(encodeCbor(meta));
  });

  test('front-codes chunk bounds, never inside a character, and writes them back byte for byte', () => {
    // Bounds as pagefind/compact.ts names them: sorted, each sharing a prefix with the one before.
    const long = 'internationalization'.repeat(20);
    const bounds: [string, string][] = [
      ['0', '06'],
      ['07', '1'],
      [long, `${long}s`],
      [`${long}t`, 'x'],
      ['华', '华为'],
      ['华人', '华侨'],
      ['华夏', '𠀀𠀁'],
      ['𠀀𠀂', '𠀀𠀂'],
    ];
    const full: Cbor[] = [...meta];
    full[2] = bounds.map(([first, last], n) => [first, last, n.toString(36)]);
    const shipped = withoutNames(full);
    expect((shipped[2] as Cbor[]).slice(0, 2)).toEqual([
      [0, '0', 1, '6'],
      [1, '7', 0, '1'],
    ]);
    // 华 and 华人 share 华's three bytes; 华人 and 华侨 share them too, not the first byte of 人 and 侨.
    expect((shipped[2] as Cbor[])[5]).toEqual([3, '人', 3, '侨']);
    expect(withNames(encodeCbor(shipped))).toEqual(encodeCbor(full));
    // The browser reads the same bounds back before the WebAssembly is up, to fetch a query's chunks.
    const text = new TextDecoder();
    expect(chunkBounds(encodeCbor(shipped)).map(([from, to]) => [text.decode(from), text.decode(to)])).toEqual(bounds);
    const read = chunkBounds(encodeCbor(shipped));
    // The chunk Pagefind asks for each word: the first whose bounds hold it, by UTF-8 bytes.
    expect(chunksFor(read, '05')).toEqual([0]);
    expect(chunksFor(read, '08 华为 华侨')).toEqual([1, 4, 5]);
    expect(chunksFor(read, `${long}s ${long}z`)).toEqual([2, 3]);
    expect(chunksFor(read, '𠀀𠀂')).toEqual([7]);
    // Past the last bound, no chunk: Pagefind's own looser search is left to it.
    expect(chunksFor(read, '𠀀𠀃')).toEqual([]);
  });

  test('writes back the ids of a table past two and three base-36 digits', () => {
    const big: Cbor[] = [...meta];
    big[1] = Array.from({ length: 1300 }, (_, n) => [n.toString(36), roughLength(n * 7), '']);
    expect(withNames(encodeCbor(withoutNames(big)))).toEqual(encodeCbor(big));
  });

  test('ships a length as its step, one byte, and reads back the rough length', () => {
    for (const words of [0, 1, 2, 3, 7, 10, 99, 517, 4000, 123456]) {
      expect(stepLength(lengthStep(words))).toBe(roughLength(words));
      // Within 12% of the length (half a 25% step), and a length already rough is kept.
      expect(Math.abs(roughLength(words) - words)).toBeLessThanOrEqual(Math.max(0.5, words * 0.12));
      expect(roughLength(roughLength(words))).toBe(roughLength(words));
    }
    expect(() => lengthStep(1e30)).toThrow(/longer than the search metadata can say/);
  });

  test('refuses a table whose names are not the implicit ones', () => {
    expect(() => withoutNames(['1.6.0', [['5', 10, '']], [], [], []])).toThrow(/page 0 is named 5, not by its rank/);
    expect(() => withoutNames(['1.6.0', [], [['a', 'b', 'x']], [], []])).toThrow(/index chunk 0 is named x/);
    expect(() => withNames(encodeCbor(['1.6.0']))).toThrow(/no page table/);
    expect(() => withoutNames(['1.6.0', [['0', 10]], [], [], []])).toThrow(/page 0 is not \[id, length, ""\]/);
    expect(() => withNames(encodeCbor(['1.6.0', [[10, '']], [], [], []]))).toThrow(/no page lengths/);
    const none = new Uint8Array();
    expect(() => withNames(encodeCbor(['1.6.0', none, [['a', 'b']], [], []]))).toThrow(/chunk 0 is not front-coded/);
    expect(() => withNames(encodeCbor(['1.6.0', none, [[2, 'a', 0, 'b']], [], []]))).toThrow(
      /shares more than there is/,
    );
  });
});
