import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { checkPermalinks, parseManifest, parseRedirects, redirectProblems } from '../share/permalink-manifest.ts';
import { pairTranscripts, PairingError, type PairInput } from '../translation/pair.ts';
import { transcriptFiles } from '../transcript/files.ts';
import { loadTranscript, type RenderTranscript } from '../transcript/load.ts';
import { addressProblems, answerPath, transcriptPath } from '../transcript/addresses.ts';
import { parseEntityAddresses } from '../entities/addresses.ts';
import { readEntityTable } from '../entities/table.ts';

export interface ContentCheck {
  /** Transcripts read. */
  transcripts: number;
  /** Every problem, each `file:line: what is wrong and what to write`. */
  problems: string[];
}

export interface ContentPaths {
  /** The folder of transcripts (content/remarks). */
  remarks: string;
  /** The permalink manifest (content/permalinks.txt). */
  permalinks: string;
  /** The redirects (content/redirects.json). */
  redirects: string;
  /** The editors' table of entities (content/entities.yaml). */
  entities?: string;
  /** The entity pages published (content/entity-addresses.txt, written by the build). */
  entityAddresses?: string;
}

/**
 * Everything the build checks of the editors' files, without rendering a page: each transcript
 * read as the site reads it (front matter, labels, ids, pins), addresses, translation pins, the
 * permalink manifest (no published URL may disappear without a redirect), the redirects, the
 * table of entities and the record of entity pages published. All
 * problems are gathered, not the first; paths are shown relative to `cwd`.
 */
export async function checkContent(
  paths: ContentPaths,
  render: RenderTranscript,
  cwd = process.cwd(),
  onProgress?: (done: number, total: number) => void,
): Promise<ContentCheck> {
  const shown = (path: string) => relative(cwd, path) || path;
  const files = await transcriptFiles(paths.remarks);
  const ids = files.map((file) => file.replace(/\.md$/, ''));
  const problems: string[] = [];
  const addresses = addressProblems(ids);
  for (const [id, problem] of addresses) problems.push(`${shown(join(paths.remarks, `${id}.md`))}: ${problem}`);

  const inputs: PairInput[] = [];
  const current: string[] = [];
  for (const [i, id] of ids.entries()) {
    onProgress?.(i, ids.length);
    if (addresses.has(id)) continue;
    const file = shown(join(paths.remarks, `${id}.md`));
    const contents = await readFile(join(paths.remarks, `${id}.md`), 'utf-8');
    try {
      const { frontmatter, transcript } = await loadTranscript(contents, file, render);
      current.push(transcriptPath(id), ...transcript.exchanges.map((exchange) => answerPath(id, exchange.id)));
      const pin = contents.split('\n').findIndex((line) => line.startsWith('translation:'));
      inputs.push({
        id,
        // Pairing names the file in its messages: with the line of the pin, where there is one.
        file: `${file}:${pin < 0 ? 1 : pin + 1}`,
        lang: frontmatter.lang,
        date: frontmatter.date,
        kind: frontmatter.kind,
        source: frontmatter.source,
        translation: frontmatter.translation,
        transcript,
      });
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  onProgress?.(ids.length, ids.length);

  try {
    pairTranscripts(inputs);
  } catch (error) {
    if (!(error instanceof PairingError)) throw error;
    problems.push(
      ...error.message
        .split('\n')
        .slice(1)
        .map((line) => line.trim()),
    );
  }

  let redirects: Record<string, string> = {};
  if (existsSync(paths.redirects)) {
    try {
      redirects = parseRedirects(await readFile(paths.redirects, 'utf-8'), shown(paths.redirects));
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (existsSync(paths.permalinks)) {
    const text = await readFile(paths.permalinks, 'utf-8');
    const lineOf = new Map(text.split('\n').map((line, i) => [line.trim(), i + 1]));
    const manifest = shown(paths.permalinks);
    // Transcripts that failed above publish nothing here: their URLs are not reported again.
    const loaded = new Set(inputs.map((input) => input.id));
    const failed = new Set(ids.filter((id) => !loaded.has(id)).map((id) => transcriptPath(id)));
    const ofFailed = (url: string) => failed.has(url) || failed.has(url.replace(/[^/]+\/$/, ''));
    const check = checkPermalinks(parseManifest(text), current, redirects);
    for (const url of check.missing.filter((missing) => !ofFailed(missing))) {
      problems.push(
        `${manifest}:${lineOf.get(url) ?? 1}: ${url} was published and would disappear: keep its transcript's path and its answer's id (pin it in "exchanges"), or add "${url}": "<new path>" to ${shown(paths.redirects)}.`,
      );
    }
    problems.push(...redirectProblems(check, redirects).map((line) => `${shown(paths.redirects)}: ${line}`));
  }
  if (paths.entities) {
    try {
      readEntityTable(paths.entities);
    } catch (error) {
      problems.push((error as Error).message.replace(paths.entities, shown(paths.entities)));
    }
  }
  if (paths.entityAddresses && existsSync(paths.entityAddresses)) {
    try {
      parseEntityAddresses(await readFile(paths.entityAddresses, 'utf-8'), shown(paths.entityAddresses));
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return { transcripts: ids.length, problems };
}
