import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importFiles } from '../../src/lib/import/run.ts';
import { loadTranscript } from '../../src/lib/transcript/load.ts';
import { renderTranscript } from '../../src/lib/transcript/render.ts';
import { hasShared, projectRoot, sharedDir } from '../support/paths.ts';

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
    const report = await importFiles([join(pages, page)], { out });
    expect(report.summary.failed, JSON.stringify(report.transcripts)).toBe(0);
    const file = readdirSync(out, { recursive: true })
      .map(String)
      .find((name) => name.endsWith('.md'))!;
    await expect((await summary(join(out, file))) + '\n').toMatchFileSnapshot(
      join(expected, page.replace('/', '-').replace('.html', '.json')),
    );
  });

  test('an undated page asks for --date, and imports with it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'lectern-import-'));
    const page = join(pages, 'en/t1686638.html');
    const failed = await importFiles([page], { out });
    expect(failed.transcripts[0]!.status).toBe('failed');
    expect(failed.transcripts[0]!.reason).toContain('--date');
    const dated = await importFiles([page], { out, date: '2019-08-07' });
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
    const report = await importFiles([seed], { out, date: '2019-03-12', source: hand.frontmatter.source });
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
