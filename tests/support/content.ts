import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../scripts/support/paths.ts';

const fixtures = join(projectRoot, 'tests/fixtures/transcripts');

/** The seed, which the README promises stays published verbatim; the rest of content/ is a sample the tests do not rely on. */
export const seedId = 'en/2019/2019-03-12-eu-technology-security.md';
export const seedFile = join(projectRoot, 'content/remarks', seedId);
const translations = join(projectRoot, 'tests/fixtures/translation');

/** A content folder of every well-formed fixture transcript, two translated pairs and the seed: both languages, several spokespeople. */
export function fixtureContent(): string {
  // Transcripts go in <tmp>/remarks: the permalink manifest is written beside them.
  const dir = join(mkdtempSync(join(tmpdir(), 'lectern-content-')), 'remarks');
  for (const name of readdirSync(fixtures).filter((n) => !n.startsWith('malformed-'))) {
    cpSync(join(fixtures, name, 'input.md'), join(dir, name.startsWith('zh-') ? 'zh' : 'en', `${name}.md`));
  }
  // Two transcripts in both languages: a follow-up one version asks separately, an exchange only in Chinese.
  for (const name of ['follow-up-split', 'omitted']) {
    for (const lang of ['en', 'zh']) {
      cpSync(join(translations, name, `${lang}.md`), join(dir, lang, `${name}.md`));
    }
  }
  cpSync(seedFile, join(dir, seedId), { recursive: true });
  return dir;
}

/** A content folder of the seed alone. */
export function seedContent(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'lectern-content-')), 'remarks');
  cpSync(seedFile, join(dir, seedId));
  return dir;
}
