import { describe, expect, test } from 'vitest';
import { bibtex } from '../../src/lib/share/citation.ts';
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
