import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { printable } from '../../src/lib/import/escape.ts';
import { transcriptFilePath } from '../../src/lib/import/paths.ts';
import { isAsImported, stringifyWithDigest } from '../../src/lib/import/markdown.ts';
import { MAX_PAGE_BYTES, importFiles } from '../../src/lib/import/run.ts';
import { loadTranscript } from '../../src/lib/transcript/load.ts';
import { renderTranscript } from '../../src/plugins/render.ts';
import { projectRoot } from '../../scripts/support/paths.ts';

// What the importer must never do, whatever sits in the content tree or the input: run code, write
// outside --out, overwrite another source's transcript, print raw control characters.
const fixtures = join(projectRoot, 'tests/fixtures/import');
const temp = () => mkdtempSync(join(tmpdir(), 'lectern-safety-'));

const transcript = (source: string, title = 'Remarks on Testing') => `---
title: ${title}
date: '2019-03-12'
kind: remarks
lang: en
source: '${source}'
---

Q: A question?

A: An answer.
`;

describe('front matter is data, never code', () => {
  test('a ---js file in --out (dotfile or not) is never evaluated', async () => {
    const out = temp();
    const marker = join(out, 'ran');
    const code = `---js\n{ title: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'), 'T') }\n---\n\nQ: a?\n\nA: b.\n`;
    mkdirSync(join(out, 'en'), { recursive: true });
    writeFileSync(join(out, 'en/.hidden.md'), code);
    writeFileSync(join(out, 'en/visible.md'), code);
    const report = await importFiles([join(fixtures, 'pasted-en/input.txt')], {
      render: renderTranscript,
      out,
      source: 'https://www.fmprc.gov.cn/test/pasted.html',
    });
    expect(report.summary.created).toBe(1);
    expect(existsSync(marker)).toBe(false);
  });

  test('the site reader refuses a ---js opening with the file and what to do', async () => {
    const { readSource } = await import('../../src/lib/transcript/frontmatter.ts');
    expect(() => readSource('---js\nmodule.exports = {}\n---\n\nbody\n', 'x.md')).toThrow(
      /x\.md:1: Front matter opened with "---js": only YAML front matter is read/,
    );
  });
});

describe('nothing is written outside --out', () => {
  test('a symbolic link to a folder outside is neither followed for matching nor written through', async () => {
    const out = temp();
    const outside = temp();
    // The outside file records the same source: were the link followed, the import would "update" it.
    mkdirSync(join(outside, '2019'));
    writeFileSync(join(outside, '2019/taken.md'), transcript('https://www.fmprc.gov.cn/test/pasted.html'));
    symlinkSync(outside, join(out, 'en'));
    const report = await importFiles([join(fixtures, 'pasted-en/input.txt')], {
      render: renderTranscript,
      out,
      source: 'https://www.fmprc.gov.cn/test/pasted.html',
    });
    expect(report.summary.failed).toBe(1);
    expect(report.transcripts[0]!.reason).toMatch(/symbolic link \(en\)/);
    expect(readdirSync(join(outside, '2019'))).toEqual(['taken.md']);
  });
});

describe('another source is never overwritten', () => {
  test('same title and date, another source: its own file, and the report says which', async () => {
    const out = temp();
    const input = join(fixtures, 'pasted-en/input.txt');
    const first = await importFiles([input], {
      render: renderTranscript,
      out,
      source: 'https://www.fmprc.gov.cn/test/one.html',
    });
    const second = await importFiles([input], {
      render: renderTranscript,
      out,
      source: 'https://www.fmprc.gov.cn/test/two.html',
    });
    expect(first.transcripts[0]!.status).toBe('created');
    expect(second.transcripts[0]!.status).toBe('created');
    expect(second.transcripts[0]!.file).not.toBe(first.transcripts[0]!.file);
    expect(second.transcripts[0]!.renamed).toMatch(
      /holds another source \(https:\/\/www\.fmprc\.gov\.cn\/test\/one\.html\)/,
    );
    expect(second.warnings.join('\n')).toContain('holds another source');
    expect(readFileSync(first.transcripts[0]!.file!, 'utf-8')).toContain('test/one.html');
    // Re-importing either changes nothing.
    const again = await importFiles([input], {
      render: renderTranscript,
      out,
      source: 'https://www.fmprc.gov.cn/test/two.html',
    });
    expect(again.transcripts[0]).toMatchObject({ status: 'unchanged', file: second.transcripts[0]!.file });
  });
});

describe('encodings', () => {
  test('text in another encoding imports when --encoding names it', async () => {
    const out = temp();
    const report = await importFiles([join(fixtures, 'pasted-latin1/input.txt')], {
      render: renderTranscript,
      out,
      source: 'https://www.fmprc.gov.cn/test/latin1.html',
      encoding: 'latin1',
    });
    expect(report.summary.created).toBe(1);
    expect(readFileSync(report.transcripts[0]!.file!, 'utf-8')).toContain("Côte d'Ivoire?");
  });

  test('a page declaring gb2312 but holding bytes that are not is an error, not mojibake', async () => {
    const out = temp();
    const page = join(out, 'broken.html');
    const gbk = readFileSync(join(fixtures, 'page-gbk/input.html'));
    writeFileSync(page, Buffer.concat([gbk, Buffer.from([0x81, 0x20])]));
    const report = await importFiles([page], { render: renderTranscript, out: join(out, 'remarks') });
    expect(report.transcripts[0]!.reason).toMatch(/not valid gbk text as its <meta charset> declares/);
  });
});

describe('limits', () => {
  test('an input over the size limit is refused at once with what to do', async () => {
    const dir = temp();
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'x'.repeat(MAX_PAGE_BYTES + 1));
    const report = await importFiles([big], {
      render: renderTranscript,
      out: join(dir, 'out'),
      source: 'https://x.example/a',
    });
    expect(report.transcripts[0]!.reason).toMatch(/over the 8 MiB an input of this kind may be/);
  });

  test('control characters in messages are shown as escapes', () => {
    expect(printable('bad\u001b[2Jrow\u202e')).toBe('bad\\u{1b}[2Jrow\\u{202e}');
    expect(printable('line\tand 中文')).toBe('line\tand 中文');
  });

  test('a slug comes from the first words of any title, however long', () => {
    const title = `Foreign Ministry Spokesperson ${'Spokesperson '.repeat(50_000)}`;
    const path = transcriptFilePath({
      input: 'x',
      title,
      date: '2019-03-12',
      kind: 'remarks',
      lang: 'en',
      paragraphs: [],
      warnings: [],
    });
    expect(path).toBe('en/2019/2019-03-12-foreign-ministry-spokesperson-spokesperson-spokesperson-spokesperson.md');
  });
});

describe('a paragraph too long to be one', () => {
  test('fails its transcript with the line and what to check, at once', async () => {
    const dir = temp();
    const input = join(dir, 'one-line.txt');
    writeFileSync(input, `Remarks on Testing\n2019-03-12\nQ: ${'word '.repeat(6000)}?\nA: An answer.\n`);
    const report = await importFiles([input], {
      render: renderTranscript,
      out: join(dir, 'out'),
      source: 'https://x.example/a',
    });
    expect(report.transcripts[0]!.reason).toMatch(
      /one-line\.txt:3: a paragraph of 30,0\d\d characters, over the 20,000/,
    );
  });
});

test('a digest of digits alone is written quoted, so the site reads it as text', async () => {
  const data = {
    title: 'T',
    date: '2020-03-20',
    kind: 'press-conference',
    lang: 'en',
    source: 'https://example.org/a',
  };
  // Search a body whose digest has no letter (about one in two thousand do).
  let text = '';
  for (let n = 0; !/importDigest: '\d+'/.test(text); n++) {
    text = stringifyWithDigest(`\nQ: Question ${n}?\n\nA: Answer.\n`, data);
  }
  expect(isAsImported(text, 'x.md')).toBe(true);
  const { frontmatter } = await loadTranscript(text, 'x.md', renderTranscript);
  expect(frontmatter.importDigest).toMatch(/^\d{16}$/);
});
