/**
 * `npm run check:content`: every transcript, pin, permalink, redirect and the table of entities checked as the build
 * checks them, without rendering a page. Prints each problem as file:line and what to write;
 * exits 1 on any. LECTERN_CONTENT (or a folder given) checks another content folder.
 */
import { resolve } from 'node:path';
import { checkContent } from '../src/lib/check/content.ts';
import { printable } from '../src/lib/import/escape.ts';
import { contentPaths } from '../src/lib/paths.ts';
import { renderTranscript } from '../src/plugins/render.ts';
import { progress } from './support/progress.ts';

const folder = process.argv[2];
if (folder !== undefined) process.env.LECTERN_CONTENT = resolve(folder);
const paths = contentPaths();
const started = performance.now();
const report = progress('checking transcripts');
const { transcripts, problems } = await checkContent(paths, renderTranscript, process.cwd(), report.update);
report.done();
for (const problem of problems) console.error(printable(problem));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (problems.length > 0) {
  console.error(
    `\n${problems.length} problem(s) in ${transcripts} transcripts (${seconds} s): fix each where it says.`,
  );
  process.exitCode = 1;
} else {
  console.log(`${transcripts} transcripts, their pins, permalinks and redirects: no problem (${seconds} s).`);
}
