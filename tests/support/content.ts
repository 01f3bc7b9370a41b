import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../scripts/support/paths.ts';

const fixtures = join(projectRoot, 'tests/fixtures/transcripts');

/** A content folder of every well-formed fixture transcript, plus the seed: both languages, several spokespeople. */
export function fixtureContent(): string {
  // Transcripts go in <tmp>/remarks: the permalink manifest is written beside them.
  const dir = join(mkdtempSync(join(tmpdir(), 'lectern-content-')), 'remarks');
  for (const name of readdirSync(fixtures).filter((n) => !n.startsWith('malformed-'))) {
    cpSync(join(fixtures, name, 'input.md'), join(dir, name.startsWith('zh-') ? 'zh' : 'en', `${name}.md`));
  }
  cpSync(join(projectRoot, 'content/remarks'), dir, { recursive: true });
  return dir;
}
