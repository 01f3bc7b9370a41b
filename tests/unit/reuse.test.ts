import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { csvHeader, csvLine } from '../../src/lib/data/csv.ts';
import { searchHref } from '../../src/lib/search/links.ts';
import { jsonLdText } from '../../src/lib/structured-data.ts';
import { drawTimeline, timelineOf } from '../../src/lib/timeline.ts';

describe('CSV', () => {
  test('quotes every field, so that quotes, commas, newlines and a leading "=" stay text in any reader', () => {
    const columns = ['id', 'answer', 'topics', 'who_asked'];
    const rows = [
      {
        id: 'en/x/q1',
        answer: 'He said "no", then:\r\nline two,\n\nand =SUM(A1)',
        topics: ['5G', 'EU; trade'],
        who_asked: null,
      },
      { id: 'zh/x/q1', answer: '我们注意到，有关报道。', topics: [], who_asked: '路透社' },
    ];
    const text = csvHeader(columns) + rows.map((row) => csvLine(columns, row)).join('');
    expect(text.split('\r\n')[0]).toBe('"id","answer","topics","who_asked"');
    const read = parseCsv<Record<string, string>>(text, { columns: true });
    expect(read).toEqual([
      { id: 'en/x/q1', answer: rows[0]!.answer, topics: '5G; EU; trade', who_asked: '' },
      { id: 'zh/x/q1', answer: rows[1]!.answer, topics: '', who_asked: '路透社' },
    ]);
    expect(csvLine(['turns'], { turns: ['Q: one', 'A: two'] }, () => '\n\n')).toBe('"Q: one\n\nA: two"\r\n');
  });
});

describe('the chart of answers over time', () => {
  test('a span of up to two years is shown by month, empty months included; a longer one by year', () => {
    const short = timelineOf(
      new Map([
        ['2019-11', 3],
        ['2020-02', 1],
      ]),
    );
    expect(short.unit).toBe('month');
    expect(short.bins.map((bin) => [bin.key, bin.label, bin.count])).toEqual([
      ['2019-11', 'Nov 2019', 3],
      ['2019-12', 'Dec 2019', 0],
      ['2020-01', 'Jan 2020', 0],
      ['2020-02', 'Feb 2020', 1],
    ]);
    const long = timelineOf(
      new Map([
        ['2016-11', 2],
        ['2016-12', 5],
        ['2019-03', 1],
      ]),
    );
    expect(long.unit).toBe('year');
    expect(long.bins.map((bin) => [bin.key, bin.count])).toEqual([
      ['2016', 7],
      ['2017', 0],
      ['2018', 0],
      ['2019', 1],
    ]);
    expect(long.total).toBe(8);
    expect(timelineOf(new Map()).bins).toEqual([]);
    // Filtered to a year: its twelve months, where its answers fall within it.
    const year = timelineOf(new Map([['2020-03', 4]]), '2020');
    expect(year.bins.map((bin) => bin.count)).toEqual([0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  test('bars link their period with their count in words; empty periods lead nowhere; text is escaped', () => {
    const html = drawTimeline(
      timelineOf(
        new Map([
          ['2016-05', 2],
          ['2019-01', 1],
        ]),
      ),
      {
        caption: 'Answers on <b>"EU"</b>',
        href: (bin) => searchHref({ topic: ['EU & China'] }, bin.key),
        selected: '2019',
      },
    );
    expect(html).toContain('aria-label="2016: 2 answers"');
    expect(html).toContain('href="/search/?topic=EU+%26+China&amp;year=2016"');
    expect(html).not.toContain('aria-label="2017');
    expect(html).toContain('class="selected"');
    expect(html).toContain('Answers on &lt;b&gt;&quot;EU&quot;&lt;/b&gt;');
    expect(html).not.toContain('style=');
    expect(searchHref({ topic: ['5G'] }, '2019-03')).toBe('/search/?topic=5G&year=2019&month=2019-03');
  });

  test("on a Chinese page the chart's own words are Chinese", () => {
    const html = drawTimeline(timelineOf(new Map([['2019-03', 3]]), undefined, 'zh'), {
      caption: '每月使用次数',
      href: (bin) => searchHref({ lang: ['zh'] }, bin.key),
      lang: 'zh',
    });
    expect(html).toContain('aria-label="2019年3月：3个回答"');
    expect(html).toContain('<summary>具体数字</summary>');
    expect(html).toContain('<th scope="col">月份</th><th scope="col">回答</th>');
    expect(html).not.toMatch(/Mar|answers|The figures/);
  });
});

describe('JSON-LD', () => {
  test('no text in it can end its script element', () => {
    const text = jsonLdText({ text: 'Answer </script><script>alert(1)</script>' });
    expect(text).not.toContain('</');
    expect(JSON.parse(text)).toEqual({ text: 'Answer </script><script>alert(1)</script>' });
  });
});
