import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildSite } from '../../scripts/support/build.ts';
import { projectRoot } from '../../scripts/support/paths.ts';
import { seedFile, seedId } from '../support/content.ts';

const broken = [
  ['malformed-no-date', 1],
  ['malformed-impossible-date', 3],
  ['malformed-no-answer', 14],
  ['malformed-broken-yaml', 2],
  ['malformed-empty-body', 8],
] as const;

test('a transcript that breaks the format fails the build, naming the file and line', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'lectern-broken-')), 'remarks');
  cpSync(seedFile, join(dir, seedId));
  for (const [name] of broken) {
    cpSync(join(projectRoot, 'tests/fixtures/transcripts', name, 'input.md'), join(dir, 'en', `${name}.md`));
  }
  const { code, output } = await buildSite(dir);
  expect(code).not.toBe(0);
  expect(output).toContain(`${broken.length} transcript file(s) break the format`);
  for (const [name, line] of broken) expect(output).toMatch(new RegExp(`${name}\\.md:${line}: `));
});
