import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Cbor, CborError, CborReader, arrayHead, encodeCbor } from './cbor.ts';
import { type CompactOptions, type PagefindOutput, type ShippedFragment, readBundle } from './compact.ts';
import { META } from './format.ts';
import { pack, unpackCbor } from './pack.ts';
import type { WordEntry } from './word-index.ts';

/**
 * Joins bundles Pagefind wrote for consecutive runs of records (pieces) into the one bundle
 * Pagefind would have written for all of them, in memory, for writeCompacted (compact.ts)
 * to write as usual; only the joined filters are written here, into `into`.
 *
 * Why: Pagefind's service holds every record it is given until it writes, which for a large
 * archive's Chinese segment is beyond a standard CI runner. Given pieces of a
 * few thousand records, each in a service that exits before the next starts, the build's memory
 * stays that of one piece, and the bundle is the same: the same pages in the same order, each
 * word's pages and positions, each filter's pages. Each piece is read (`readPiece`) as soon as it
 * is written, while Pagefind indexes the next, and its fragments are never copied into a joined
 * bundle on disk to be read back.
 *
 * The format is Pagefind 1.6's (format.ts): a word's entry is
 * `[word, [[page delta, [positions], [metadata positions]], …], variants]`, its pages as
 * differences from the one before (the first from page 0); a filter is `[name, [[value, [pages]], …]]`.
 */
export async function mergePieces(pieces: Promise<Piece>[], into: string): Promise<PagefindOutput> {
  const read = await Promise.all(pieces);
  await rm(into, { recursive: true, force: true });
  await mkdir(join(into, 'filter'), { recursive: true });

  // Pages and fragments in the pieces' order. Pagefind names a fragment by 7 hex digits of its
  // hash, unique within one piece only (the 10x archive had two pieces share one): the joined
  // bundle goes by rank, not by those names.
  const offsets: number[] = [];
  const pages: PagefindOutput['pages'] = [];
  const fragments: ShippedFragment[] = [];
  for (const piece of read) {
    offsets.push(pages.length);
    for (const page of piece.pages) pages.push(page);
    for (const fragment of piece.fragments) fragments.push(fragment);
  }

  // Every word's pages, in the pieces' order, as Pagefind orders words (by their UTF-8 bytes).
  const byWord = new Map<string, { entry: WordEntry; offset: number }[]>();
  read.forEach((piece, i) => {
    for (const entry of piece.words) {
      let parts = byWord.get(entry.word);
      if (!parts) byWord.set(entry.word, (parts = []));
      parts.push({ entry, offset: offsets[i]! });
    }
  });
  const words = [...byWord.keys()]
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
    .map((word): WordEntry => {
      const parts = byWord.get(word)!;
      return {
        word,
        positions: parts.reduce((sum, { entry }) => sum + entry.positions, 0),
        bytes: mergeWord(word, parts),
      };
    });

  const language = read[0]!.language.hash.split('_')[0]!;
  const filters = new Map<string, Map<string, number[]>>();
  read.forEach((piece, i) => {
    for (const [name, values] of piece.filters) {
      let merged = filters.get(name);
      if (!merged) filters.set(name, (merged = new Map<string, number[]>()));
      for (const [value, ids] of values) {
        const list = merged.get(value) ?? [];
        list.push(...ids.map((id) => id + offsets[i]!));
        merged.set(value, list);
      }
    }
  });
  const filterChunks: [string, string][] = [];
  for (const name of [...filters.keys()].sort()) {
    const values = [...filters.get(name)!].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    // At zlib's fastest level: the joined filters ship as written, so a harder level would make
    // them smaller (not yet measured).
    const bytes = pack([encodeCbor([name, values.map(([value, ids]) => [value, ids])])], 1);
    const hash = `${language}_${hashOf(bytes)}`;
    await writeFile(join(into, 'filter', `${hash}.pf_filter`), bytes);
    filterChunks.push([name, hash]);
  }

  // The page table is the bundle's `pages`, which writeCompacted writes into the metadata.
  const meta = [...read[0]!.meta];
  meta[META.filterChunks] = filterChunks;
  for (const name of (await readdir(read[0]!.dir)).filter((file) => file.startsWith('wasm.')))
    await copyFile(join(read[0]!.dir, name), join(into, name));
  return { entry: read[0]!.entry, language: read[0]!.language, meta, pages, fragments, words };
}

/** A piece as Pagefind wrote it, read as compactBundle reads a bundle, with its filters. */
export type Piece = PagefindOutput & { dir: string; filters: Map<string, [string, number[]][]> };

export async function readPiece(dir: string, shown: CompactOptions['shown']): Promise<Piece> {
  const bundle = await readBundle(dir, shown);
  const filters: Piece['filters'] = new Map();
  for (const [, chunk] of bundle.meta[META.filterChunks] as [string, string][]) {
    const file = join(dir, 'filter', `${chunk}.pf_filter`);
    const [filterName, values] = unpackCbor(await readFile(file), file) as [string, [string, number[]][]];
    filters.set(filterName, values);
  }
  return { ...bundle, dir, filters };
}

/**
 * One word's entry from its entries in several pieces: their pages in turn, numbered across the
 * pieces; likewise the pages of each of its variants (`café` beside `cafe`). Each page is the
 * difference from the page before, so only a piece's first page is written anew, and its other
 * pages are copied as bytes: the Chinese index holds tens of millions of them.
 */
function mergeWord(word: string, parts: { entry: WordEntry; offset: number }[]): Uint8Array {
  const out: Uint8Array[] = [];
  let count = 0;
  // The last page written, numbered across the pieces.
  let previous = 0;
  let fields = 2;
  const variants = new Map<string, { page: number; rest: Cbor[] }[]>();
  for (const {
    entry: { bytes },
    offset,
  } of parts) {
    const reader = new CborReader(bytes);
    fields = reader.array();
    reader.text();
    const n = reader.array();
    let page = 0;
    let copyFrom = reader.pos;
    for (let i = 0; i < n; i++) {
      const items = reader.array();
      page += reader.value() as number;
      if (i === 0) {
        out.push(arrayHead(items), encodeCbor(page + offset - previous));
        copyFrom = reader.pos;
      }
      for (let item = 1; item < items; item++) reader.skip();
    }
    if (n > 0) {
      out.push(bytes.subarray(copyFrom, reader.pos));
      previous = page + offset;
      count += n;
    }
    if (fields > 3) throw new CborError(`the entry of ${word} has ${fields} fields, not 3`);
    if (fields === 3) {
      for (const [variant, variantPages] of reader.value() as [string, [number, ...Cbor[]][]][]) {
        let list = variants.get(variant);
        if (!list) variants.set(variant, (list = []));
        let at = 0;
        for (const [delta, ...rest] of variantPages) list.push({ page: offset + (at += delta), rest });
      }
    }
  }
  const tail =
    fields === 3
      ? [
          encodeCbor(
            [...variants].map(([variant, list]) => [
              variant,
              list.map(({ page, rest }, i) => [page - (i > 0 ? list[i - 1]!.page : 0), ...rest]),
            ]),
          ),
        ]
      : [];
  return Buffer.concat([arrayHead(fields), encodeCbor(word), arrayHead(count), ...out, ...tail]);
}

function hashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 10);
}
