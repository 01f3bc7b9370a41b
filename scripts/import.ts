/**
 * npm run import -- [--out DIR] [--date YYYY-MM-DD] [--source URL] [--encoding ENC] [--force] [--json] FILE|DIR...
 *
 * Turns pasted text (.txt), saved ministry pages (.html, .htm, .shtml) and dataset rows (.jsonl,
 * .csv) into transcript files. A thin entry over src/lib/import/run.ts.
 */
import process from 'node:process';
import { parseArgs } from 'node:util';
import { printable } from '../src/lib/import/escape.ts';
import { importFiles, type ImportReport } from '../src/lib/import/run.ts';
import { renderTranscript } from '../src/plugins/render.ts';
import { progress } from './support/progress.ts';

const usage = `usage: npm run import -- [--out DIR] [--date YYYY-MM-DD] [--source URL] [--encoding ENC] [--force] [--json] FILE|DIR...

  --out DIR      where transcripts go (default: content/remarks)
  --date DAY     the date of sources that give none (YYYY-MM-DD)
  --source URL   the original's URL, for pasted text that gives none
  --force        overwrite files edited by hand since they were imported
  --encoding ENC text encoding of inputs that declare none (default utf-8; e.g. gbk, latin1)
  --json         print the report as JSON instead of a summary`;

function main(): Promise<number> | number {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: 'string', default: 'content/remarks' },
        date: { type: 'string' },
        source: { type: 'string' },
        force: { type: 'boolean', default: false },
        encoding: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length === 0) {
    console.error(`Give at least one file or folder to import.\n\n${usage}`);
    return 2;
  }
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
    console.error(`--date must be YYYY-MM-DD, e.g. --date 2019-03-12 (got "${values.date}").`);
    return 2;
  }
  return run(positionals, values);
}

async function run(
  inputs: string[],
  values: {
    out: string;
    date?: string | undefined;
    source?: string | undefined;
    encoding?: string | undefined;
    force: boolean;
    json: boolean;
  },
): Promise<number> {
  const bar = values.json ? undefined : progress('reading inputs');
  const started = performance.now();
  const report = await importFiles(inputs, {
    render: renderTranscript,
    out: values.out,
    ...(values.date !== undefined && { date: values.date }),
    ...(values.source !== undefined && { source: values.source }),
    ...(values.encoding !== undefined && { encoding: values.encoding }),
    force: values.force,
    ...(bar && { onProgress: bar.update }),
  });
  bar?.done('files imported');
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else printSummary(report, (performance.now() - started) / 1000);
  return report.summary.failed > 0 ? 1 : 0;
}

function printSummary(report: ImportReport, seconds: number): void {
  // Messages quote the input: its control characters must not reach the terminal.
  for (const warning of report.warnings) console.warn(`warning: ${printable(warning)}`);
  for (const transcript of report.transcripts) {
    if (transcript.status === 'failed') console.error(`failed: ${printable(transcript.reason ?? transcript.source)}`);
    if (transcript.status === 'skipped') console.warn(`skipped: ${printable(transcript.reason ?? transcript.source)}`);
  }
  const s = report.summary;
  console.log(
    `${s.transcripts} transcripts in ${seconds.toFixed(1)} s: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged, ${s.skipped} skipped, ${s.failed} failed; ${s.exchanges} exchanges; ${s.warnings} warnings.`,
  );
  if (s.removedCharacters > 0) {
    console.log(`${s.removedCharacters} control characters removed from the text (the warnings say where).`);
  }
  if (report.linked.length > 0) {
    console.log(`${report.linked.length} transcripts given "translation:", paired with their other-language version.`);
  }
}

process.exitCode = await main();
