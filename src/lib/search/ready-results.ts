/**
 * Writes the ready results (ready.ts) of a language once its index is written: each likely query
 * (likely-queries.ts) searched in the index as the search page searches it (read.ts), its first
 * page drawn as the page draws it (result-html.ts), and the list of them with their counts. A
 * query that finds nothing is left out: the page then searches as for any other. For the build
 * only.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Lang } from '../../schemas/transcript.ts';
import { toPagefindQuery } from './cjk.ts';
import { SearchIndex } from './pagefind/read.ts';
import { resultHtml, termsOf } from './result-html.ts';
import {
  RESULTS_PER_PAGE,
  type ReadyList,
  type ReadyResults,
  queryHash,
  readyKey,
  readyListPath,
  readyPath,
} from './ready.ts';

export interface ReadyStats {
  lang: Lang;
  /** Queries written (those that find something, each once). */
  written: number;
  /** Their files' bytes, the list's included. */
  bytes: number;
}

/** `outDir`: the site's output folder, holding pagefind/<lang>/ already. */
export async function writeReadyResults(outDir: string, lang: Lang, queries: readonly string[]): Promise<ReadyStats> {
  const indexDir = join(outDir, 'pagefind', lang);
  const index = await SearchIndex.open(async (path) => {
    const file = await readFile(join(indexDir, path.replace(/\?.*$/, '')));
    return file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength);
  });
  const file = (path: string) => join(outDir, path);
  // What an earlier build made ready is gone with what it searched.
  await rm(dirname(file(readyListPath(lang))), { recursive: true, force: true });
  await mkdir(dirname(file(readyListPath(lang))), { recursive: true });
  const list: ReadyList = {};
  const asked = new Set<string>();
  let bytes = 0;
  for (const typed of queries) {
    const query = readyKey(toPagefindQuery(typed));
    if (query === '' || asked.has(query)) continue;
    asked.add(query);
    const hash = queryHash(query);
    // Two queries of one hash: the likelier keeps the file; the other is searched as any query.
    if (hash in list) continue;
    const found = await index.search(query, {});
    if (found.results.length === 0) continue;
    const page = found.results.slice(0, RESULTS_PER_PAGE);
    const fragments = await Promise.all(page.map((hit) => hit.data()));
    const terms = termsOf(typed);
    const ready: ReadyResults = {
      query,
      terms,
      results: page.map((hit, i) => ({
        place: hit.place ?? '',
        ...resultHtml({ hit, fragment: fragments[i]! }, terms),
      })),
    };
    list[hash] = found.results.length;
    const text = JSON.stringify(ready);
    bytes += Buffer.byteLength(text);
    await writeFile(file(readyPath(lang, query)), text);
  }
  const text = JSON.stringify(list);
  bytes += Buffer.byteLength(text);
  await writeFile(file(readyListPath(lang)), text);
  return { lang, written: Object.keys(list).length, bytes };
}
