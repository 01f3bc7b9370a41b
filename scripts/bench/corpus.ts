import type { Lang } from '../../src/schemas/transcript.ts';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles } from '../../src/lib/import/run.ts';
import { answerText, questionText } from '../../src/lib/transcript/exchange.ts';
import { loadTranscript } from '../../src/lib/transcript/load.ts';
import { answerInTranscriptPath } from '../../src/lib/transcript/addresses.ts';
import { renderTranscript } from '../../src/plugins/render.ts';
import { sharedDir } from '../support/paths.ts';
import { progress } from '../support/progress.ts';

/** One answer of the imported corpus, as the site publishes it: the ground truth of the benchmarks. */
export interface Answer {
  url: string;
  lang: Lang;
  date: string;
  question: string;
  answer: string;
}

/** The whole shared corpus imported into a temporary content folder (or `dir`, if it holds one already). */
export async function importCorpus(
  dir?: string,
): Promise<{ content: string; seconds: number; failed: number; transcripts: number }> {
  // In <tmp>/remarks: the build writes its permalink manifest beside the transcripts.
  const content = dir ?? join(mkdtempSync(join(tmpdir(), 'lectern-bench-content-')), 'remarks');
  const pages = join(sharedDir, 'corpus/mfa-pages');
  if (!existsSync(pages)) throw new Error(`The shared corpus is not at ${pages}: set LECTERN_SHARED.`);
  const started = performance.now();
  const reading = progress('importing the corpus');
  const report = await importFiles([pages], { render: renderTranscript, out: content, onProgress: reading.update });
  reading.done('pages imported');
  const transcripts = report.summary.transcripts - report.summary.failed;
  return { content, seconds: (performance.now() - started) / 1000, failed: report.summary.failed, transcripts };
}

/** Every answer of a content folder, read through the same loader as the site. */
export async function answersOf(content: string): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const name of readdirSync(content, { recursive: true })
    .map(String)
    .filter((n) => n.endsWith('.md'))) {
    const file = join(content, name);
    const { frontmatter, transcript } = await loadTranscript(readFileSync(file, 'utf-8'), file, renderTranscript);
    const id = name.replace(/\.md$/, '');
    if (transcript.opening) {
      const opening = {
        url: answerInTranscriptPath(id, 'opening'),
        lang: frontmatter.lang,
        date: frontmatter.date,
        question: '',
        answer: transcript.opening.text,
      };
      answers.push(opening);
    }
    for (const exchange of transcript.exchanges) {
      answers.push({
        url: answerInTranscriptPath(id, exchange.id),
        lang: frontmatter.lang,
        date: frontmatter.date,
        question: questionText(exchange),
        answer: answerText(exchange),
      });
    }
  }
  return answers;
}
