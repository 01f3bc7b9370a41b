import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { renderTranscript } from '../../src/plugins/render.ts';
import { importFiles } from '../../src/lib/import/run.ts';
import { buildSite } from '../../scripts/support/build.ts';
import { hasShared, sharedDir } from '../../scripts/support/paths.ts';

test.runIf(hasShared)(
  'the whole shared corpus imports and builds',
  async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lectern-corpus-')), 'remarks');
    const report = await importFiles([join(sharedDir, 'corpus/mfa-pages')], { render: renderTranscript, out });
    // Two English remarks pages state no date anywhere: they wait for --date, as they should.
    const failed = report.transcripts.filter((t) => t.status === 'failed');
    expect(failed.map((t) => t.source.replace(/^.*\//, ''))).toEqual(['t1686638.shtml', 't1687014.shtml']);
    expect(report.summary.created).toBe(1498);
    // Share cards are drawn and checked on the small sites; over the corpus (11,851 cold) they
    // would make this test a measure of the machine's speed, which the benchmark reports instead.
    const build = await buildSite(out, { LECTERN_CARDS: 'skip' });
    expect(build.code, build.output.slice(-3000)).toBe(0);
    // Nothing lost between source, pages, index and permalinks: every answer the import counted has
    // its page, its permalink and its search record (each opening statement its record, and each
    // transcript its permalink).
    const files = readdirSync(build.outDir, { recursive: true }).map(String);
    const answerPages = files.filter((name) => /^remarks\/(en|zh)\/\d{4}\/[^/]+\/[^/]+\/index\.html$/.test(name));
    const openings = files
      .filter((name) => /^remarks\/(en|zh)\/\d{4}\/[^/]+\/index\.html$/.test(name))
      .filter((name) => readFileSync(join(build.outDir, name), 'utf-8').includes('id="opening"')).length;
    const permalinks = readFileSync(join(out, '..', 'permalinks.txt'), 'utf-8')
      .split('\n')
      .filter((line) => line.startsWith('/'));
    const indexed = [...build.output.matchAll(/indexed (\d+) (?:en|zh) answers/g)].reduce(
      (sum, m) => sum + Number(m[1]),
      0,
    );
    expect(answerPages).toHaveLength(report.summary.exchanges);
    const transcriptLinks = permalinks.filter((url) => /^\/remarks\/(en|zh)\/\d{4}\/[^/]+\/$/.test(url));
    expect(permalinks.length - transcriptLinks.length).toBe(report.summary.exchanges);
    expect(transcriptLinks).toHaveLength(report.summary.created);
    expect(indexed).toBe(report.summary.exchanges + openings);
    const first = report.transcripts.find((t) => t.status === 'created')!;
    const page = first.file!.replace(/^.*?\/(en|zh)\//, '$1/').replace(/\.md$/, '');
    expect(existsSync(join(build.outDir, 'remarks', page, 'index.html'))).toBe(true);
  },
  // No time limit: the whole corpus takes minutes, more on a busy machine, and this test checks
  // what is built, not how fast (the benchmark reports that).
  0,
);
