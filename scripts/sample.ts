/**
 * Imports the sample in content/: the shared corpus's pages of March 2019 (the weeks around the
 * seed, both languages, 40 transcripts), through the importer, each with its own page's address
 * as `source`. Run again after an importer change to refresh it: `node scripts/sample.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFiles } from '../src/lib/import/run.ts';
import { renderTranscript } from '../src/plugins/render.ts';
import { projectRoot, sharedDir } from './support/paths.ts';

const FROM = '2019-03-01';
const TO = '2019-03-29';

const corpus = join(sharedDir, 'corpus');
const pages = readFileSync(join(corpus, 'transcripts.jsonl'), 'utf-8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { lang: string; docid: string; date: string })
  .filter((page) => page.date >= FROM && page.date <= TO)
  .map((page) => join(corpus, 'mfa-pages', page.lang, `${page.docid}.html`));

const report = await importFiles(pages, { render: renderTranscript, out: join(projectRoot, 'content/remarks') });
for (const warning of report.warnings) console.warn(`warning: ${warning}`);
for (const transcript of report.transcripts.filter((t) => t.status === 'failed'))
  console.error(`failed: ${transcript.reason}`);
const s = report.summary;
console.log(
  `${pages.length} pages of ${FROM} to ${TO}: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged, ${s.failed} failed; ${s.exchanges} exchanges; ${report.linked.length} paired with their translation.`,
);
process.exitCode = s.failed > 0 ? 1 : 0;
