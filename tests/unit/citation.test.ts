import { describe, expect, test } from 'vitest';
import { apa, bibtex, chicago } from '../../src/lib/share/citation.ts';
import type { TranscriptFrontmatter } from '../../src/schemas/transcript.ts';
import type { Exchange } from '../../src/lib/transcript/model.ts';

const exchange: Exchange = { id: 'q2', n: 2, topics: [], turns: [], line: 1 };
const frontmatter = (fields: Partial<TranscriptFrontmatter>): TranscriptFrontmatter => ({
  title: 'Remarks',
  date: '2019-03-12',
  kind: 'remarks',
  lang: 'en',
  source: 'https://www.fmprc.gov.cn/x.html',
  topics: [],
  ...fields,
});

/** The fields of a BibTeX entry, read by brace depth as BibTeX reads them. */
function fields(entry: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (const [i, char] of [...entry].entries()) {
    if (char === '{' && entry[i - 1] !== '\\') depth++;
    else if (char === '}' && entry[i - 1] !== '\\') depth--;
    else if (char === '=' && depth === 1) names.push(/(\w+)\s*$/.exec(entry.slice(0, i))![1]!);
  }
  expect(depth).toBe(0);
  return names;
}

describe('BibTeX', () => {
  const all = ['author', 'title', 'year', 'month', 'day', 'publisher', 'howpublished', 'note', 'language'];

  test('a spokesperson, title or URL with braces cannot add or close a field', () => {
    const entry = bibtex({
      frontmatter: frontmatter({
        spokesperson: 'Lu}, note = {injected',
        title: 'On {braces} & 100% of $ # _ ~ ^ \\ signs',
        source: 'https://www.fmprc.gov.cn/a}b{c d.html',
      }),
      exchange,
      permalink: 'https://remarks.example.org/remarks/en/2019/x/q2/',
    });
    expect(fields(entry)).toEqual(all);
    expect(entry).toContain(
      'title = {On \\{braces\\} \\& 100\\% of \\$ \\# \\_ \\textasciitilde{} \\textasciicircum{} \\textbackslash{} signs}',
    );
    expect(entry).toContain('howpublished = {\\url{https://www.fmprc.gov.cn/a%7Db%7Bc%20d.html}}');
  });
});

describe('a Chinese transcript is cited in Chinese', () => {
  const input = {
    frontmatter: frontmatter({
      lang: 'zh',
      title: '外交部发言人耿爽主持例行记者会',
      spokesperson: '耿爽',
      date: '2018-12-06',
    }),
    exchange: { id: 'q1', n: 1 },
    permalink: 'https://remarks.example.org/remarks/zh/2018/x/q1/',
  };

  test('its date, answer and punctuation are Chinese, never "Answer to question 1, December 6, 2018"', () => {
    for (const cite of [chicago(input), apa(input)]) {
      expect(cite).toContain('2018年12月6日');
      expect(cite).toContain('第1问答复');
      expect(cite).not.toMatch(/Answer|December|question/);
    }
    expect(chicago(input)).toBe(
      '耿爽：“外交部发言人耿爽主持例行记者会”，第1问答复。中华人民共和国外交部，2018年12月6日。https://www.fmprc.gov.cn/x.html。永久链接：https://remarks.example.org/remarks/zh/2018/x/q1/。',
    );
    expect(bibtex(input)).toContain('note = {第1问答复。');
  });
});
