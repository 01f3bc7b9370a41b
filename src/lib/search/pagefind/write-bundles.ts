import { readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import * as pagefind from 'pagefind';
import { type PagefindApi, UNANSWERED_MS, Unanswered, answered } from './answered.ts';
import { type SearchRecord, indexedContent, shownText } from '../records.ts';
import { type CompactStats, type PagefindOutput, readBundle, writeCompacted } from './compact.ts';
import { type Piece, mergePieces, readPiece } from './merge-pieces.ts';
import { repackSmallest } from './pack.ts';
import { restoreSegment, saveSegment, segmentKey } from './segment-cache.ts';
import { SEGMENTS_FILE, WASM_FILE } from './entry-files.ts';
import type { Segment } from './segments.ts';

const BATCH = 256;

/**
 * Word positions per index chunk. Pagefind's own 20,000 made chunks of tens of KiB, one per query
 * word; at this budget a word costs a few KiB, so a three-bigram Chinese query stays small, for a
 * little more metadata on the first query. A bigger archive's segment doubles it
 * (compact.ts, scaledBudget).
 */
export const CHUNK_BUDGET = 3000;
/**
 * The newest quarter's and week's segments hold a few weeks of answers: small chunks keep what a
 * query adds for them to about a KiB a word each.
 */
export const LATEST_CHUNK_BUDGET = 1000;

/**
 * Fragments per folder (page-id.ts, NAMES). The newest week's segment changes every day and the
 * quarter's every week: in a folder per day (64 answers at most), a day's answers make a folder of their own and leave every other as it
 * was, where folders of 64 in a row renamed the day's folder and every earlier answer in it (half
 * the files a day's deploy uploaded). The archive changes when a quarter ends or a transcript is
 * backfilled, and every folder's name is on each first query's bill: a folder per month (1,024
 * answers at most), which halves segments.json against folders of 64.
 */
export const LATEST_FRAGMENTS_PER_GROUP = 64;
export const ARCHIVE_FRAGMENTS_PER_GROUP = 1024;

/**
 * Writes each language's search index into its folder, in segments by date (segments.ts):
 * `week/` for the newest answers' week (and transcripts published since it began, `beforeWeek`),
 * `latest/` for the rest of their quarter (and transcripts published since it began, `inArchive`),
 * `archive/` for all before, each a bundle of its own,
 * listed in segments.json, their shared WebAssembly at the folder's root. Pagefind indexes the
 * records through its Node API, then writeCompacted (compact.ts) rewrites what it wrote;
 * what Pagefind wrote is read while it indexes the next piece or segment, and one segment compacted
 * while Pagefind indexes the next (Pagefind works in a process of its own). Any error
 * Pagefind reports throws: a broken index must not ship. The caller closes Pagefind
 * (`pagefind.close()`) afterwards. Given a `cache` folder, each segment written is kept there, and a
 * segment whose records, settings and code a kept one was written from is copied instead
 * (segment-cache.ts).
 */
export interface WriteBundlesOptions {
  /** Word positions an index chunk of the archive holds (CHUNK_BUDGET). */
  chunkBudget?: number;
  /** The same for the newest quarter's and week's segments (LATEST_CHUNK_BUDGET, at most chunkBudget). */
  latestChunkBudget?: number;
  /** The most records Pagefind is given at once (PIECE_RECORDS). */
  pieceRecords?: number;
  /** The folder segments are kept in between builds (segment-cache.ts). */
  cache?: string;
  /** Called as records are given to Pagefind (or a segment is copied from the cache): how many of all. */
  onIndexed?: (done: number, total: number) => void;
}

export async function writeBundles(
  bundles: { records: SearchRecord[]; dir: string }[],
  {
    chunkBudget = CHUNK_BUDGET,
    latestChunkBudget = Math.min(chunkBudget, LATEST_CHUNK_BUDGET),
    pieceRecords = PIECE_RECORDS,
    cache,
    onIndexed,
  }: WriteBundlesOptions = {},
): Promise<BundleStats[]> {
  const total = bundles.reduce((sum, bundle) => sum + bundle.records.length, 0);
  let done = 0;
  const indexedMore = (count: number) => onIndexed?.((done += count), total);
  const compacted: Promise<CompactStats>[] = [];
  const removed: Promise<unknown>[] = [];
  const pieces: number[] = [];
  const written: { dir: string; segments: Segment[] }[] = [];
  for (const { records, dir } of bundles) {
    // In date order: a record's rank in its segment is its place by date (page-id.ts).
    const ordered = [...records].sort((a, b) => a.meta.date.localeCompare(b.meta.date));
    const archived = inArchive(ordered);
    const earlier = beforeWeek(ordered);
    const segments = [
      {
        name: 'archive',
        records: ordered.filter(archived),
        budget: chunkBudget,
        fragmentsPerGroup: ARCHIVE_FRAGMENTS_PER_GROUP,
        fragmentsBy: 'month' as const,
      },
      {
        name: 'latest',
        records: ordered.filter((record) => !archived(record) && earlier(record)),
        budget: latestChunkBudget,
        fragmentsPerGroup: LATEST_FRAGMENTS_PER_GROUP,
        fragmentsBy: 'day' as const,
      },
      {
        name: 'week',
        records: ordered.filter((record) => !earlier(record)),
        budget: latestChunkBudget,
        fragmentsPerGroup: LATEST_FRAGMENTS_PER_GROUP,
        fragmentsBy: 'day' as const,
      },
    ].filter((segment) => segment.records.length > 0);
    for (const segment of segments) {
      const into = join(dir, segment.name);
      const options = {
        chunkBudget: segment.budget,
        fragmentsPerGroup: segment.fragmentsPerGroup,
        fragmentsBy: segment.fragmentsBy,
      };
      const cached = cache && {
        name: `${basename(dir)}-${segment.name}`,
        key: await segmentKey(segment.records, options),
      };
      const restored = cached && (await restoreSegment(cache, cached.name, cached.key, into));
      if (restored) {
        indexedMore(segment.records.length);
        pieces.push(CACHED);
        compacted.push(Promise.resolve(restored));
        continue;
      }
      const indexed = await indexRecords(segment.records, into, pieceRecords, shownOf(segment.records), indexedMore);
      pieces.push(indexed.pieces.length || 1);
      const compacting = indexed.bundle.then(async (bundle) => {
        const stats = await writeCompacted(bundle, into, options);
        if (cached) await saveSegment(cache, cached.name, cached.key, into, stats);
        return stats;
      });
      // Awaited below; marked handled so that a failure here waits for the others.
      compacting.catch(() => undefined);
      compacted.push(compacting);
      // The pieces go once joined (the joined bundle holds all it needs of them in memory).
      const removing = indexed.bundle.then(() =>
        Promise.all(indexed.pieces.map((piece) => rm(piece, { recursive: true, force: true }))),
      );
      removing.catch(() => undefined);
      removed.push(removing);
    }
    written.push({
      dir,
      segments: segments.map((segment, i) => ({
        name: segment.name,
        months: monthStarts(segment.records),
        ...(i > 0 && { placed: placedAmong(segment.records, segments[0]!.records) }),
      })),
    });
  }
  const stats = await Promise.all(compacted);
  await Promise.all(removed);
  for (const { dir, segments } of written) await joinSegments(dir, segments);
  // One figure per language: its segments' together.
  let at = 0;
  return written.map(({ segments }) => {
    const own = stats.slice(at, (at += segments.length));
    const indexed = pieces.slice(at - segments.length, at);
    return {
      pages: own.reduce((sum, s) => sum + s.pages, 0),
      pieces: indexed.reduce((sum, n) => sum + Math.max(n, 0), 0),
      cached: indexed.filter((n) => n === CACHED).length,
      chunks: own.reduce((sum, s) => sum + s.chunks, 0),
      metaBytes: own.reduce((sum, s) => sum + s.metaBytes, 0),
    };
  });
}

/**
 * Which of the records (in date order) go into the archive: those dated before the newest
 * quarter, unless their transcript was published after the quarter's first (SearchRecord's
 * `published`), as a transcript backfilled today is. Written into the archive, a backfill would
 * move the rank of every later answer there, and with it the bytes of nearly every index chunk:
 * nearly one file in twenty of the site's changed for one transcript. In the newest week's
 * segment (beforeWeek) it costs what today's transcript costs; the quarter's takes it in when the
 * next week begins, the archive when the next quarter does, each written again then anyway.
 */
export function inArchive(ordered: SearchRecord[]): (record: SearchRecord) => boolean {
  return beforeCut(ordered, quarterStart(ordered.at(-1)?.meta.date ?? ''));
}

/**
 * Which of the records (in date order) go into a segment before the newest week's (the archive's
 * or the quarter's): those dated before the week, by the same rule as inArchive. A day's
 * transcripts then write again the few chunks of the week's segment, not every chunk of the
 * quarter's, whose words a day's answers nearly all use (4.6% of the site's files changed for a
 * day at a quarter's end, docs/performance.md); the quarter's is written again once a week.
 */
export function beforeWeek(ordered: SearchRecord[]): (record: SearchRecord) => boolean {
  const newest = ordered.at(-1)?.meta.date ?? '';
  const quarter = quarterStart(newest);
  const week = weekStart(newest);
  return beforeCut(ordered, week > quarter ? week : quarter);
}

/** Records dated before `cut`, unless published after the first record dated on or after it. */
function beforeCut(ordered: SearchRecord[], cut: string): (record: SearchRecord) => boolean {
  let began = Infinity;
  for (const record of ordered) if (record.meta.date >= cut) began = Math.min(began, record.published ?? Infinity);
  return (record) => record.meta.date < cut && (record.published ?? -Infinity) < began;
}

/** The Monday of a day's week (2020-07-03, a Friday → 2020-06-29). */
export function weekStart(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/**
 * Where a later segment's records (in date order) fall among the first segment's, by date, as
 * runs `[rank, before]`: from the segment's record `rank` on, `before` records of the first
 * segment come before it (those of the same date or older). The newest quarter's records are one
 * run after the whole archive; a backfilled transcript adds a run or two.
 */
function placedAmong(records: SearchRecord[], first: SearchRecord[]): [rank: number, before: number][] {
  const runs: [number, number][] = [];
  let before = 0;
  records.forEach((record, rank) => {
    while (before < first.length && first[before]!.meta.date <= record.meta.date) before++;
    if (runs.at(-1)?.[1] !== before) runs.push([rank, before]);
  });
  return runs;
}

/** The first day of a day's quarter (2020-07-04 → 2020-07-01): where `latest` begins. */
export function quarterStart(day: string): string {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`;
}

/**
 * Where each month begins among a segment's records (in date order: a record's rank is its place),
 * so that the browser dates a result by its rank alone, as the chart of results over time needs.
 */
function monthStarts(records: SearchRecord[]): Record<string, number> {
  const starts: Record<string, number> = {};
  records.forEach((record, rank) => (starts[record.meta.date.slice(0, 7)] ??= rank));
  return starts;
}

/**
 * The segments' list, with each one's entry file, and their WebAssembly (the same file in each)
 * moved up to the language's folder as WASM_FILE, packed smaller (pack.ts).
 */
async function joinSegments(dir: string, segments: Segment[]): Promise<void> {
  let moved = false;
  for (const { name: segment } of segments) {
    for (const name of (await readdir(join(dir, segment))).filter((file) => file.startsWith('wasm.'))) {
      await rm(join(dir, WASM_FILE), { force: true });
      await rename(join(dir, segment, name), join(dir, WASM_FILE));
      moved = true;
    }
  }
  // Written anew, not over: the file moved may be a link to a segment kept in the cache (segment-cache.ts).
  if (moved) {
    const repacked = await repackSmallest(await readFile(join(dir, WASM_FILE)));
    await rm(join(dir, WASM_FILE));
    await writeFile(join(dir, WASM_FILE), repacked);
  }
  const listed = await Promise.all(
    segments.map(async (segment) => ({
      ...segment,
      entry: JSON.parse(await readFile(join(dir, segment.name, 'pagefind-entry.json'), 'utf-8')) as unknown,
    })),
  );
  await writeFile(join(dir, SEGMENTS_FILE), JSON.stringify(listed));
}

/**
 * Records a Pagefind service is given at once, at most: it holds them all until it writes, about
 * much memory per record (mergePieces), so a bigger segment is indexed in pieces, each by a
 * service that exits before the next starts, and the pieces joined. The shared corpus's segments
 * fit in one; at this size the 10x archive builds within its memory budget (bench/results/build.md).
 */
export const PIECE_RECORDS = 5000;

/**
 * A language's index as written: its compacted segments together, how many pieces Pagefind
 * indexed, and how many segments were copied from the cache instead.
 */
export type BundleStats = CompactStats & { pieces: number; cached: number };

/** In the pieces per segment: a segment copied from the cache. */
const CACHED = -1;

/**
 * Indexes the records into `dir`, in pieces if need be (and which). Each piece is read as soon as
 * Pagefind has written it, while the next is indexed; the bundle is ready once all are read and
 * joined, and is then compacted while Pagefind indexes the next segment.
 */
async function indexRecords(
  records: SearchRecord[],
  dir: string,
  pieceRecords: number,
  shown: ReturnType<typeof shownOf>,
  onAdded: (count: number) => void,
): Promise<{ bundle: Promise<PagefindOutput>; pieces: string[] }> {
  if (records.length <= pieceRecords) {
    await indexPiece(records, dir, onAdded);
    return { bundle: readBundle(dir, shown), pieces: [] };
  }
  const pieces: string[] = [];
  const read: Promise<Piece>[] = [];
  for (let start = 0; start < records.length; start += pieceRecords) {
    const piece = `${dir}.piece-${pieces.length}`;
    await indexPiece(records.slice(start, start + pieceRecords), piece, onAdded);
    // Ends the service, and the memory it held; the next piece starts another.
    await pagefind.close();
    pieces.push(piece);
    const reading = readPiece(piece, shown);
    // Awaited by mergePieces; marked handled so that a failure does not end the build before it.
    reading.catch(() => undefined);
    read.push(reading);
  }
  return { bundle: mergePieces(read, dir), pieces };
}

/**
 * Indexes one piece in Pagefind's service; if the service stalls (answered.ts), once more in a
 * new one, the records the first counted not counted again.
 */
export async function indexPiece(
  records: SearchRecord[],
  dir: string,
  onAdded: (count: number) => void,
  api: PagefindApi = pagefind,
  within = UNANSWERED_MS,
): Promise<void> {
  let counted = 0;
  try {
    await indexPieceOnce(
      records,
      dir,
      (count) => {
        counted += count;
        onAdded(count);
      },
      api,
      within,
    );
  } catch (error) {
    if (!(error instanceof Unanswered)) throw error;
    console.warn(`${error.message}: indexing ${basename(dir)} again in a new service`);
    await api.close();
    await rm(dir, { recursive: true, force: true });
    let again = counted;
    try {
      await indexPieceOnce(
        records,
        dir,
        (count) => {
          const fresh = Math.max(0, count - again);
          again = Math.max(0, again - count);
          if (fresh > 0) onAdded(fresh);
        },
        api,
        within,
      );
    } catch (second) {
      if (!(second instanceof Unanswered)) throw second;
      throw new Error(
        `${second.message}, twice, while indexing ${basename(dir)}: its process is stalled. Run the build again; if it stalls again, report it with this log.`,
        { cause: second },
      );
    }
  }
}

async function indexPieceOnce(
  records: SearchRecord[],
  dir: string,
  onAdded: (count: number) => void,
  api: PagefindApi,
  within: number,
): Promise<void> {
  const { index, errors } = await answered(api.createIndex({}), 'a new index', within);
  if (!index || errors.length > 0) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  // Records go to Pagefind's service in batches: one awaited round trip each is much slower.
  for (let i = 0; i < records.length; i += BATCH) {
    const batch = records.slice(i, i + BATCH);
    // Without metadata, which Pagefind would index: readBundle writes it into the fragments.
    // The content is made here, a batch at a time, and let go once Pagefind has it.
    const added = await answered(
      Promise.all(
        batch.map(({ url, text, language, filters }) =>
          index.addCustomRecord({ url, content: indexedContent(text), language, filters }),
        ),
      ),
      `a batch of ${batch.length} records`,
      within,
    );
    added.forEach(({ errors: rejected }, j) => {
      if (rejected.length > 0) throw new Error(`Pagefind rejected ${batch[j]!.url}: ${rejected.join('; ')}`);
    });
    onAdded(batch.length);
  }
  const written = await answered(index.writeFiles({ outputPath: dir }), 'writing its files', within);
  if (written.errors.length > 0) throw new Error(`Pagefind failed to write its index: ${written.errors.join('; ')}`);
  await answered(index.deleteIndex(), 'deleting its index', within);
}

/**
 * What a record's result shows, by its URL: its metadata and, for Chinese, its text, where the
 * index holds its bigrams.
 */
function shownOf(
  records: SearchRecord[],
): (url: string) => { meta: Record<string, string | undefined>; content?: string } | undefined {
  const shown = new Map(
    records.map(({ url, meta, text }) => [url, { meta, ...(meta.lang === 'zh' && { content: shownText(text) }) }]),
  );
  return (url) => shown.get(url);
}
