import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderTranscript } from '../../src/plugins/render.ts';
import { importFiles, type ImportReport } from '../../src/lib/import/run.ts';
import { projectRoot } from '../../scripts/support/paths.ts';

// Each folder holds one input written for the tests (input.txt/.html/.jsonl/.csv). The import's
// report is compared with expected-report.json and the files it wrote with expected.md;
// `vitest -u` rewrites them after a reviewed change.
const root = join(projectRoot, 'tests/fixtures/import');
const SOURCE = 'https://www.fmprc.gov.cn/test/pasted.html';

/** Paths in a report, made relative so that expected files do not depend on where tests run. */
function portable(report: ImportReport, out: string): unknown {
  // Files are reported relative to the working folder, as a person at a terminal reads them.
  const json = JSON.stringify(report).replaceAll(relative(process.cwd(), out), '<out>').replaceAll(out, '<out>');
  return JSON.parse(json.replaceAll(root, '<fixtures>'));
}

function written(out: string): string {
  const files = readdirSync(out, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.md'))
    .sort();
  return files.map((name) => `===== ${name}\n${readFileSync(join(out, name), 'utf-8')}`).join('\n');
}

describe('import of inputs written for the tests', () => {
  test.each(readdirSync(root).sort())('%s', async (name) => {
    const input = readdirSync(join(root, name)).find((file) => file.startsWith('input.'))!;
    const out = mkdtempSync(join(tmpdir(), 'lectern-import-'));
    const report = await importFiles([join(root, name, input)], { render: renderTranscript, out, source: SOURCE });
    await expect(JSON.stringify(portable(report, out), null, 2) + '\n').toMatchFileSnapshot(
      join(root, name, 'expected-report.json'),
    );
    await expect(written(out)).toMatchFileSnapshot(join(root, name, 'expected.md'));
  });
});

describe('re-importing', () => {
  test('changes nothing, and never overwrites a file edited by hand without --force', async () => {
    const out = mkdtempSync(join(tmpdir(), 'lectern-import-'));
    const input = join(root, 'pasted-en/input.txt');
    const first = await importFiles([input], { render: renderTranscript, out, source: SOURCE });
    expect(first.summary.created).toBe(1);
    const file = join(out, relative(process.cwd(), first.transcripts[0]!.file!).replace(/^.*?\/(en|zh)\//, '$1/'));
    const before = readFileSync(file, 'utf-8');

    const again = await importFiles([input], { render: renderTranscript, out, source: SOURCE });
    expect(again.summary).toMatchObject({ unchanged: 1, created: 0, updated: 0 });
    expect(readFileSync(file, 'utf-8')).toBe(before);

    const edited = before.replace('A first answer.', 'A first answer, corrected by hand.');
    writeFileSync(file, edited);
    const skipped = await importFiles([input], { render: renderTranscript, out, source: SOURCE });
    expect(skipped.summary.skipped).toBe(1);
    expect(skipped.transcripts[0]!.reason).toMatch(/edited by hand.*--force/);
    expect(readFileSync(file, 'utf-8')).toBe(edited);

    const forced = await importFiles([input], { render: renderTranscript, out, source: SOURCE, force: true });
    expect(forced.summary.updated).toBe(1);
    expect(readFileSync(file, 'utf-8')).toBe(before);
  });

  test('a date given with --date is used only where the source has none, and recorded', async () => {
    const out = mkdtempSync(join(tmpdir(), 'lectern-import-'));
    const report = await importFiles([join(root, 'pasted-no-date/input.txt')], {
      render: renderTranscript,
      out,
      source: SOURCE,
      date: '2021-05-07',
    });
    expect(report.transcripts[0]).toMatchObject({ status: 'created', date: '2021-05-07' });
    expect(written(out)).toContain('dateNote: The source gives no date; set on import (--date 2021-05-07).');
  });
});
