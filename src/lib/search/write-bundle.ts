import * as pagefind from 'pagefind';
import { fromBigramText } from './cjk.ts';
import { type CompactStats, compactBundle } from './compact-bundle.ts';
import type { SearchRecord } from './records.ts';

const BATCH = 256;

/**
 * Word positions per index chunk. Pagefind's own 20,000 made chunks of 25–32 KiB, one per query
 * word. Measured on the shared corpus: at 4,000 a word cost 3–7 KiB; at 3,000, 2.5–5 KiB (so a
 * three-bigram Chinese query stays within a later query's 30 KiB), for 1 KiB (English) and 4 KiB
 * (Chinese) more metadata on the first query.
 */
export const CHUNK_BUDGET = 3000;

/**
 * Writes each language's search bundle into its folder: Pagefind indexes the records through its
 * Node API, then compactBundle rewrites what it wrote. One language is compacted while Pagefind
 * indexes the next (Pagefind works in a process of its own). Any error Pagefind reports throws: a
 * broken index must not ship. The caller closes Pagefind (`pagefind.close()`) afterwards.
 */
export async function writeBundles(
  bundles: { records: SearchRecord[]; dir: string }[],
  chunkBudget = CHUNK_BUDGET,
): Promise<CompactStats[]> {
  const compacted: Promise<CompactStats>[] = [];
  for (const { records, dir } of bundles) {
    // In date order: a record's rank in the bundle is its place by date (page-id.ts).
    const ordered = [...records].sort((a, b) => a.meta.date.localeCompare(b.meta.date));
    await indexRecords(ordered, dir);
    const compacting = compactBundle(dir, { chunkBudget, shown: shownOf(ordered) });
    // Awaited below; marked handled so that a failure here waits for the other language.
    compacting.catch(() => undefined);
    compacted.push(compacting);
  }
  return Promise.all(compacted);
}

async function indexRecords(records: SearchRecord[], dir: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index || errors.length > 0) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  // Records go to Pagefind's service in batches: one awaited round trip each is much slower.
  for (let i = 0; i < records.length; i += BATCH) {
    const batch = records.slice(i, i + BATCH);
    // Without metadata, which Pagefind would index: compactBundle writes it into the fragments.
    const added = await Promise.all(
      batch.map(({ url, content, language, filters }) => index.addCustomRecord({ url, content, language, filters })),
    );
    added.forEach(({ errors: rejected }, j) => {
      if (rejected.length > 0) throw new Error(`Pagefind rejected ${batch[j]!.url}: ${rejected.join('; ')}`);
    });
  }
  const written = await index.writeFiles({ outputPath: dir });
  if (written.errors.length > 0) throw new Error(`Pagefind failed to write its index: ${written.errors.join('; ')}`);
  await index.deleteIndex();
}

/**
 * What a record's result shows, by its URL: its metadata and, for Chinese, its text, where the
 * index holds its bigrams.
 */
function shownOf(
  records: SearchRecord[],
): (url: string) => { meta: Record<string, string>; content?: string } | undefined {
  const shown = new Map(
    records.map(({ url, meta, content }) => [
      url,
      { meta, ...(meta.lang === 'zh' && { content: fromBigramText(content) }) },
    ]),
  );
  return (url) => shown.get(url);
}
