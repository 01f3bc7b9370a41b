import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inBatches } from './batches.ts';
import type { Fragment } from './bundle.ts';
import { type Cbor, arrayHead, encodeCbor } from './cbor.ts';
import { BundleError } from './errors.ts';
import { META, PAGEFIND_VERSION } from './format.ts';
import { roughLength, withoutNames } from './meta-codec.ts';
import { pack, packSmallest, unpackBytes, unpackCbor } from './pack.ts';
import { CHUNKS_PER_GROUP, type FragmentGroup, NAMES, NAME_LENGTH, chunkPath, pageId } from './page-id.ts';
import { type WordEntry, readWordIndex } from './word-index.ts';

/**
 * Rewrites a bundle Pagefind has written so that a reader's query downloads less, in the formats
 * Pagefind's WebAssembly reads: a first query downloads about half what Pagefind's own bundle
 * costs (bench/results/search.md), most of which was not the answer:
 *
 * - Pagefind's page table names each record by a 7-character content hash (a third of the metadata
 *   every first query loads) and carries a sort table for the date.
 *   Records are added in date order, so a record's rank is its date order: records are renamed
 *   by rank (page-id.ts), which compresses to a fraction, and the browser sorts by rank without a
 *   table. Fragments and chunks are named by their own content (page-id.ts, NAMES): fragments in
 *   folders named by the fragments in them, chunks in folders of 64 named likewise. A rebuild
 *   renames only what changed.
 * - Pagefind cuts its word index into chunks of tens of KiB, and a query loads one chunk per word. The
 *   words are recut into chunks of about `chunkBudget` positions, keeping Pagefind's order and its
 *   chunk-naming rule (shortest distinguishing prefixes), so a query's words cost a few KiB each (bench/results/search.md).
 *   Where a chunk ends depends on the words themselves (cutWords), not on a running count, so a new
 *   transcript changes the chunks that hold its words and leaves the others byte for byte.
 * - Each record's fragment carried its filter values again; the search page never reads them.
 *   Its metadata is written here rather than given to Pagefind, which would index it, and its
 *   content can be the text itself (Chinese: not bigrams, see cjk.ts) for a search page that
 *   builds its own excerpts from it.
 * - Record lengths are rounded (roughLength, meta-codec.ts).
 * - Pagefind's browser code is removed: bundle.ts drives its WebAssembly instead.
 */
export interface CompactOptions {
  /**
   * Word positions per index chunk (Pagefind's own unit: one per page and per position), for an
   * archive the size of the shared corpus; doubled as the segment grows (`scaledBudget`).
   */
  chunkBudget: number;
  /** Fragments per folder, at most (page-id.ts, NAMES). */
  fragmentsPerGroup: number;
  /** What a folder never holds two of: months, or days (the newest quarter and week: write-bundles.ts). */
  fragmentsBy?: 'month' | 'day';
  /**
   * What a record's result shows, by the record's URL: its metadata, which Pagefind is not given
   * (it would index every field: the transcript's title once per answer, a Chinese question as one
   * long word), and, if given, the text to store instead of Pagefind's copy of the indexed text
   * (for Chinese: the text, not its bigrams, which Pagefind has respaced).
   */
  shown: (url: string) => { meta: Record<string, string | undefined>; content?: string } | undefined;
}

export interface CompactStats {
  pages: number;
  chunks: number;
  metaBytes: number;
}

/** A fragment as Pagefind writes it: what a result shows, plus filter values the site does not read. */
type PagefindFragment = Fragment & { filters?: unknown };

/** A bundle as Pagefind wrote it, read and ready to compact: what compactBundle writes from. */
export interface PagefindOutput {
  entry: { languages: Record<string, { hash: string; wasm?: string }> };
  /** The bundle's one language in `entry` (changed in place when its metadata is written). */
  language: { hash: string; wasm?: string };
  meta: Cbor[];
  /** Pagefind's page table: `[fragment hash, word count, …]`, a record's place its rank. */
  pages: [string, number, ...Cbor[]][];
  /** Each page's fragment, as the site ships it (`shipFragment`), in page order. */
  fragments: ShippedFragment[];
  /** The word index, in Pagefind's order. */
  words: WordEntry[];
}

/** A record's fragment as the site ships it, with where it came from for the date-order check. */
export interface ShippedFragment {
  bytes: Buffer;
  date: string;
  url: string;
  file: string;
}

/** Reads and compacts the bundle Pagefind wrote into `dir`, in place. */
export async function compactBundle(dir: string, options: CompactOptions): Promise<CompactStats> {
  return writeCompacted(await readBundle(dir, options.shown), dir, options);
}

/**
 * A bundle Pagefind wrote, read: its metadata and words, and its fragments already as the site
 * ships them, so that a bundle indexed in pieces (merge-pieces.ts) is read piece by piece while
 * Pagefind indexes the next, and its fragments never copied into a joined bundle.
 */
export async function readBundle(dir: string, shown: CompactOptions['shown']): Promise<PagefindOutput> {
  const entryPath = join(dir, 'pagefind-entry.json');
  const entry = JSON.parse(await readFile(entryPath, 'utf-8')) as PagefindOutput['entry'];
  const languages = Object.values(entry.languages);
  if (languages.length !== 1) throw new BundleError(`${entryPath}: expected one language, found ${languages.length}`);
  const language = languages[0]!;
  const metaFile = join(dir, `pagefind.${language.hash}.pf_meta`);
  const meta = unpackCbor(await readFile(metaFile), metaFile);
  if (
    !Array.isArray(meta) ||
    meta[META.version] !== PAGEFIND_VERSION ||
    !Array.isArray(meta[META.pages]) ||
    !Array.isArray(meta[META.indexChunks])
  )
    throw new BundleError(
      `${metaFile}: not the metadata of Pagefind ${PAGEFIND_VERSION}, which the search page's runtime speaks to (bundle.ts); install the version package.json pins`,
    );
  const pages = meta[META.pages] as PagefindOutput['pages'];
  const files = pages.map(([hash]) => join(dir, 'fragment', `${hash}.pf_fragment`));
  const read = await inBatches(files, (file) => readFile(file));
  const fragments = files.map((file, i) => shipFragment(read[i]!, file, shown));
  const words: WordEntry[] = [];
  // One by one: an index of many words is too many to spread into push().
  for (const [, , hash] of meta[META.indexChunks] as [string, string, string][])
    for (const word of await readWordIndex(join(dir, 'index', `${hash}.pf_index`))) words.push(word);
  return { entry, language, meta, pages, fragments, words };
}

/**
 * A fragment as the site ships it: without the filter values Pagefind repeats in it, with the
 * record's metadata and, if given, the text a result quotes.
 */
function shipFragment(file: Buffer, name: string, shown: CompactOptions['shown']): ShippedFragment {
  const fragment = JSON.parse(new TextDecoder().decode(unpackBytes(file, name))) as PagefindFragment;
  const given = shown(fragment.url);
  if (!given) throw new BundleError(`${name}: no record was given for ${fragment.url}`);
  delete fragment.filters;
  fragment.meta = Object.fromEntries(
    Object.entries(given.meta).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  if (given.content !== undefined) fragment.content = given.content;
  return {
    bytes: pack([Buffer.from(JSON.stringify(fragment))]),
    date: given.meta.date ?? '',
    url: fragment.url,
    file: name,
  };
}

/** Writes `bundle` compacted into `dir`, and removes what Pagefind wrote there that the site does not read. */
export async function writeCompacted(
  bundle: PagefindOutput,
  dir: string,
  options: Omit<CompactOptions, 'shown'>,
): Promise<CompactStats> {
  const { entry, language, meta, pages, words } = bundle;
  // The rank-as-date-order rule is checked, not assumed.
  let previous = '';
  for (const { date, url, file } of bundle.fragments) {
    if (date < previous)
      throw new BundleError(
        `${file} (${url}) is dated ${date}, after a record of ${previous}: records must be added to Pagefind in date order`,
      );
    previous = date;
  }
  const fragments = bundle.fragments.map((fragment) => fragment.bytes);
  const periods = bundle.fragments.map((fragment) => fragment.date.slice(0, options.fragmentsBy === 'day' ? 10 : 7));

  // Pagefind's chunks hold the words in order; cut them again at the budget. A word's entry is
  // copied as bytes (its page numbers are relative to each other, not to the chunk): the Chinese
  // index is ~20 MB, too much to decode into values and encode again.
  const chunks = cutWords(
    words,
    scaledBudget(
      options.chunkBudget,
      words.reduce((sum, word) => sum + word.positions, 0),
    ),
  );
  const ranges = chunks.map((chunk): [string, string] => [chunk[0]!.word, chunk.at(-1)!.word]);
  const chunkFiles = chunks.map((chunk) =>
    pack([arrayHead(1), arrayHead(chunk.length), ...chunk.map((word) => word.bytes)]),
  );

  const groups = fragmentGroups(fragments, periods, options.fragmentsPerGroup);
  const chunkGroups = inGroups(chunkFiles, CHUNKS_PER_GROUP);
  await rm(join(dir, 'fragment'), { recursive: true, force: true });
  await rm(join(dir, 'index'), { recursive: true, force: true });
  const paths: string[] = [];
  for (const [i, [start, name]] of groups.entries()) {
    await mkdir(join(dir, 'fragment', name), { recursive: true });
    const end = groups[i + 1]?.[0] ?? fragments.length;
    for (let rank = start; rank < end; rank++)
      paths.push(join(dir, 'fragment', name, `${pageId(rank - start)}.pf_fragment`));
  }
  await inBatches([...fragments.entries()], ([rank, bytes]) => writeFile(paths[rank]!, bytes));
  for (const name of chunkGroups) await mkdir(join(dir, 'index', name), { recursive: true });
  await inBatches([...chunkFiles.entries()], ([n, bytes]) =>
    writeFile(join(dir, 'index', chunkPath(pageId(n), chunkGroups)!), bytes),
  );
  const names = { fragment: groups, index: chunkGroups };

  meta[META.pages] = pages.map(([, wordCount, ...rest], rank) => [pageId(rank), roughLength(wordCount), ...rest]);
  meta[META.indexChunks] = chunkNames(ranges);
  meta[META.sorts] = [];
  const metaBytes = await packSmallest([encodeCbor(withoutNames(meta))]);
  const metaHash = `${language.hash.split('_')[0]}_${createHash('sha256').update(metaBytes).digest('hex').slice(0, 10)}`;
  await writeFile(join(dir, `pagefind.${metaHash}.pf_meta`), metaBytes);
  language.hash = metaHash;
  await writeFile(join(dir, 'pagefind-entry.json'), JSON.stringify({ ...entry, [NAMES]: names }));
  // The rest is Pagefind's browser code (its script, UIs, worker, other languages' WebAssembly),
  // which bundle.ts replaces.
  const kept = new Set([
    'pagefind-entry.json',
    `pagefind.${metaHash}.pf_meta`,
    `wasm.${language.wasm ?? 'unknown'}.pagefind`,
  ]);
  for (const item of await readdir(dir, { withFileTypes: true }))
    if (item.isFile() && !kept.has(item.name)) await rm(join(dir, item.name));
  return { pages: pages.length, chunks: chunkFiles.length, metaBytes: metaBytes.length };
}

/**
 * The records' fragments in folders (page-id.ts, FragmentGroup): consecutive records of one month
 * or one day (`periods`, per record), `size` at most, each folder named by the fragments it holds.
 */
function fragmentGroups(fragments: Buffer[], periods: string[], size: number): FragmentGroup[] {
  const starts: number[] = [];
  periods.forEach((period, rank) => {
    const start = starts.at(-1);
    if (start === undefined || periods[start] !== period || rank - start >= size) starts.push(rank);
  });
  return starts.map((start, i) => [start, groupName(fragments.slice(start, starts[i + 1] ?? fragments.length))]);
}

/** Files in folders of `size`, in order; the folders' names. */
function inGroups(files: Buffer[], size: number): string[] {
  const names: string[] = [];
  for (let start = 0; start < files.length; start += size) names.push(groupName(files.slice(start, start + size)));
  return names;
}

/** A folder's name from the files in it, in order. */
function groupName(files: Buffer[]): string {
  const hash = createHash('sha256');
  // Each file's length first, so that two ways of dividing the same bytes never share a name.
  for (const bytes of files) hash.update(String(bytes.length)).update(':').update(bytes);
  return hash.digest('hex').slice(0, NAME_LENGTH);
}

/**
 * Budgets' worth of positions a segment may hold before its chunk budget doubles: about 7,000
 * chunks, since a chunk holds 1–2 budgets.
 */
export const CHUNK_LIST_LIMIT = 10_000;

/**
 * The chunk budget for a segment of `positions`: `base`, doubled until the segment holds at most
 * CHUNK_LIST_LIMIT budgets' worth. The chunk list is on every first query's bill and grows with
 * the archive; a bigger budget costs only words rarer than it a larger chunk (doubling it nearly
 * halves the chunk list, and few queries' words cost more). In powers of two, so that the budget, and with it every
 * chunk's bounds, moves only when the archive doubles.
 */
export function scaledBudget(base: number, positions: number): number {
  let budget = base;
  while (positions / budget > CHUNK_LIST_LIMIT) budget *= 2;
  return budget;
}

/**
 * The word list cut into chunks of about `budget` positions, at places the words themselves decide:
 * once a chunk holds half the budget, it ends before the next word whose hash is a multiple of
 * `every` (set from the mean size of the words that share chunks, rounded to a power of two so
 * that it stays put as the archive grows), and at twice the budget at the latest. A word bigger than the budget
 * ("cooperation") gets a chunk to itself, so that neither it nor its neighbours cost a
 * query more than they must. Adding an answer grows the chunks that hold its words and moves no
 * boundary elsewhere, where a running count would move every boundary after the first word it touched.
 */
export function cutWords<W extends { word: string; positions: number }>(words: W[], budget: number): W[][] {
  // The mean size of the words that share chunks (a big word, alone, would skew it).
  const shared = words.filter((word) => word.positions <= budget);
  const average = shared.length > 0 ? shared.reduce((sum, word) => sum + word.positions, 0) / shared.length : 1;
  const every = 2 ** Math.max(0, Math.round(Math.log2(budget / 2 / average)));
  const chunks: W[][] = [];
  let current: W[] = [];
  let size = 0;
  const close = () => {
    if (current.length > 0) chunks.push(current);
    current = [];
    size = 0;
  };
  for (const word of words) {
    const big = word.positions > budget;
    if (big || size + word.positions > 2 * budget || (size >= budget / 2 && wordHash(word.word) % every === 0)) close();
    current.push(word);
    size += word.positions;
    if (big) close();
  }
  close();
  return chunks;
}

/** FNV-1a over the word's UTF-16 code units: fast, stable, and spread enough to place cuts. */
function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    hash ^= word.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * A chunk is found by the range of words it holds, named as Pagefind names them: between two
 * chunks, the shortest prefixes that tell the last word of one from the first of the next.
 */
function chunkNames(ranges: [string, string][]): Cbor[] {
  const names = ranges.map(([first, last], n) => [first, last, pageId(n)]);
  for (let i = 0; i + 1 < names.length; i++) {
    const last = [...(names[i]![1] as string)];
    const first = [...(names[i + 1]![0] as string)];
    let common = 0;
    while (common < last.length && common < first.length && last[common] === first[common]) common++;
    names[i]![1] = last.slice(0, common + 1).join('');
    names[i + 1]![0] = first.slice(0, common + 1).join('');
  }
  return names;
}
