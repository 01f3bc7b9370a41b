import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { importFiles } from '../../src/lib/import/run.ts';
import { buildSite } from '../support/build.ts';
import { hasShared, sharedDir } from '../support/paths.ts';

test.runIf(hasShared)(
  'the whole shared corpus imports and builds',
  async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lectern-corpus-')), 'remarks');
    const report = await importFiles([join(sharedDir, 'corpus/mfa-pages')], { out });
    // Two English remarks pages state no date anywhere: they wait for --date, as they should.
    const failed = report.transcripts.filter((t) => t.status === 'failed');
    expect(failed.map((t) => t.source.replace(/^.*\//, ''))).toEqual(['t1686638.shtml', 't1687014.shtml']);
    expect(report.summary.created).toBe(1498);
    const build = await buildSite(out);
    expect(build.code, build.output.slice(-3000)).toBe(0);
    const first = report.transcripts.find((t) => t.status === 'created')!;
    const page = first.file!.replace(/^.*?\/(en|zh)\//, '$1/').replace(/\.md$/, '');
    expect(existsSync(join(build.outDir, 'remarks', page, 'index.html'))).toBe(true);
  },
  600_000,
);
