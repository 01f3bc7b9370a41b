import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importFiles } from '../../src/lib/import/run.ts';
import { loadTranscript } from '../../src/lib/transcript/load.ts';
import { renderTranscript } from '../../src/plugins/render.ts';
import { hasShared, projectRoot, sharedDir } from '../../scripts/support/paths.ts';

// Real ministry pages, read from ../shared where it is. Their text is the ministry's and stays out
// of this repository: the expected files hold the structure (labels of every turn, metadata) and
// a digest of the text, so a change to either shows up without a copy of the text.
const pages = join(sharedDir, 'corpus/mfa-pages');
const expected = join(projectRoot, 'tests/fixtures/corpus-pages');

const samples = [
  ['en/t1558711.html', 'English 2018, Q:/A:, opening announcements'],
  ['en/t1593756.html', 'English 2018, title without its year'],
  ['en/t1603452.html', 'English 2018, Word markup (MsoNormal), a question with no Q:'],
  ['en/t1748946.html', 'English 2020, spokespeople speaking before the first question'],
  ['en/t1760477.html', 'English 2020, outlet/spokesperson labels, a URL in an answer'],
  ['zh/t1415897.html', 'Chinese 2016, 问：/答：'],
  ['zh/t1427249.html', 'Chinese 2016, 会后有记者问及 and an answer in reported speech'],
  ['zh/t1440996.html', 'Chinese 2017, an answer with no 答：'],
  ['zh/t1472124.html', 'Chinese 2017, （记者：…） interjections'],
  ['zh/t1794584.html', 'Chinese 2020, 《…》记者 outlet labels'],
] as const;

async function summary(file: string): Promise<string> {
  const text = readFileSync(file, 'utf-8');
  const { frontmatter, transcript } = await loadTranscript(text, file, renderTranscript);
  const all = [transcript.opening?.text ?? '', ...transcript.exchanges.flatMap((e) => e.turns.map((t) => t.text))];
  return JSON.stringify(
    {
      date: frontmatter.date,
      dateNote: frontmatter.dateNote,
      spokesperson: frontmatter.spokesperson,
      kind: frontmatter.kind,
      lang: frontmatter.lang,
      source: frontmatter.source,
      openingParagraphs: transcript.opening ? transcript.opening.text.split('\n\n').length : 0,
      exchanges: transcript.exchanges.map((e) => e.turns.map((t) => `${t.kind}:${t.label}`).join(' ')),
      textDigest: createHash('sha256').update(all.join('\n')).digest('hex').slice(0, 16),
    },
    null,
    2,
  );
}

describe.runIf(hasShared)('import of real ministry pages', () => {
  test.each(samples)('%s (%s)', async (page) => {
    const out = mkdtempSync(join(tmpdir(), 'lectern-import-'));
    const report = await importFiles([join(pages, page)], { render: renderTranscript, out });
    expect(report.summary.failed, JSON.stringify(report.transcripts)).toBe(0);
    const file = readdirSync(out, { recursive: true })
      .map(String)
      .find((name) => name.endsWith('.md'))!;
    await expect((await summary(join(out, file))) + '\n').toMatchFileSnapshot(
      join(expected, page.replace('/', '-').replace('.html', '.json')),
    );
  });

  // The ministry's site since its 2021 redesign: what an editor saves today. Checked by what every
  // page of the template must give, not by these pages' particulars.
  const current = join(sharedDir, 'corpus/mfa-pages-2021');
  const about = hasShared
    ? readFileSync(join(current, 'about.jsonl'), 'utf-8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { file: string; what: string; url_in_page: boolean })
        .filter((page) => existsSync(join(sharedDir, 'corpus', page.file)))
    : [];
  test.each(about)('current template: $file ($what)', async (page) => {
    const file = join(sharedDir, 'corpus', page.file);
    const html = readFileSync(file, 'utf-8');
    const out = mkdtempSync(join(tmpdir(), 'lectern-import-'));
    let report = await importFiles([file], { render: renderTranscript, out });
    if (!page.url_in_page) {
      // A page that names no address of its own asks for one, and imports with it.
      expect(report.transcripts[0]!.reason).toMatch(
        /no URL of the original: pass --source URL, or list the page in an index\.jsonl/,
      );
      report = await importFiles([file], {
        render: renderTranscript,
        out,
        source: 'https://www.mfa.gov.cn/web/test/t1.shtml',
      });
    }
    expect(report.summary.failed, JSON.stringify(report.transcripts)).toBe(0);
    const written = readFileSync(report.transcripts[0]!.file!, 'utf-8');
    const { frontmatter, transcript } = await loadTranscript(written, file, renderTranscript);
    // The document's own address dates it (t20240327_…); the page's date is the same day.
    if (page.url_in_page) {
      const url = /<meta name="Url" content="([^"]+)"/.exec(html)![1]!;
      expect(frontmatter.source).toBe(url.replace(/^http:\/\/test\.fmprc\.gov\.cn\//, 'https://www.mfa.gov.cn/web/'));
      const day = /\/t(\d{4})(\d{2})(\d{2})_/.exec(url)!.slice(1).join('-');
      expect(frontmatter.date).toBe(day);
    } else {
      expect(frontmatter.date).toBe(/<p class="time"><span>(\d{4}-\d{2}-\d{2})/.exec(html)![1]);
    }
    expect(frontmatter.title).not.toMatch(/中华人民共和国外交部|<br|\n|^发言人表态$/);
    const shown =
      /<meta name="ArticleTitle" content="([^"]+)"/.exec(html)?.[1] ?? /<h1>([\s\S]*?)<\/h1>/.exec(html)![1]!;
    expect(frontmatter.title).toBe(shown.replace(/<br\s*\/?>|&lt;br&gt;|\s/g, ''));
    // Every paragraph of the page's body is in the transcript, separator lines and site chrome not.
    const start = html.indexOf('id="News_Body_Txt_A"');
    const body = html.slice(start, start + /<\/p>\s*<\/div>/.exec(html.slice(start))!.index);
    const paragraphs = [...body.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)]
      .map((match) => match[1]!.replace(/<[^>]+>/g, '').replace(/&nbsp;|\s|\u3000/g, ''))
      .filter((text) => text !== '' && !/^\*+$/.test(text));
    const published = [
      transcript.opening?.text ?? '',
      ...transcript.exchanges.flatMap((e) => e.turns.map((t) => `${t.label}：${t.text}`)),
    ]
      .join('')
      .replace(/\s/g, '');
    for (const paragraph of paragraphs) expect(published).toContain(paragraph.replace(/^(问|答)：/, ''));
    expect(written).not.toMatch(/\\\*\\\*\\\*|版权所有|即将离开/);
  });

  test('an undated page asks for --date, and imports with it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'lectern-import-'));
    const page = join(pages, 'en/t1686638.html');
    const failed = await importFiles([page], { render: renderTranscript, out });
    expect(failed.transcripts[0]!.status).toBe('failed');
    expect(failed.transcripts[0]!.reason).toContain('--date');
    const dated = await importFiles([page], { render: renderTranscript, out, date: '2019-08-07' });
    expect(dated.transcripts[0]).toMatchObject({ status: 'created', date: '2019-08-07', exchanges: 1 });
  });

  test('the seed imports to the transcript published by hand', async () => {
    const seeds = join(sharedDir, 'seeds');
    const seed = join(
      seeds,
      readdirSync(seeds).find((name) => name.startsWith('000_'))!,
    );
    const published = join(projectRoot, 'content/remarks/en/2019/2019-03-12-eu-technology-security.md');
    const hand = await loadTranscript(readFileSync(published, 'utf-8'), published, renderTranscript);
    const out = mkdtempSync(join(tmpdir(), 'lectern-import-'));
    const report = await importFiles([seed], {
      render: renderTranscript,
      out,
      date: '2019-03-12',
      source: hand.frontmatter.source,
    });
    expect(report.summary.created).toBe(1);
    const imported = await loadTranscript(
      readFileSync(report.transcripts[0]!.file!, 'utf-8'),
      'seed',
      renderTranscript,
    );
    const { title, date, spokesperson, kind, lang, source } = hand.frontmatter;
    expect(imported.frontmatter).toMatchObject({ title, date, spokesperson, kind, lang, source });
    // Lines differ with the front matter's length; everything else must be the same.
    const withoutLines = (value: unknown) =>
      JSON.stringify(value, (key, v: unknown) => (key === 'line' ? undefined : v));
    expect(withoutLines(imported.transcript)).toBe(withoutLines(hand.transcript));
  });
});
