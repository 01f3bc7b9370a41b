import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Cbor, CborError, CborReader, arrayHead, encodeCbor } from './cbor.ts';
import { type WordEntry, readWordIndex, unpack } from './pack.ts';
import { META, PAGEFIND_VERSION, SIGNATURE } from './pagefind-format.ts';
import { BundleError } from './pagefind-runtime.ts';

/**
 * Joins bundles Pagefind wrote for consecutive runs of records (pieces) into the one bundle
 * Pagefind would have written for all of them, for compactBundle to compact as usual.
 *
 * Why: Pagefind's service holds every record it is given until it writes, at about 180 KB a record
 * (13.7 GiB for the 10x archive's Chinese segment), beyond a standard CI runner. Given pieces of a
 * few thousand records, each in a service that exits before the next starts, the build's memory
 * stays that of one piece, and the bundle is the same: the same pages in the same order, each
 * word's pages and positions, each filter's pages.
 *
 * The format is Pagefind 1.6's (pagefind-format.ts): a word's entry is
 * `[word, [[page delta, [positions], [metadata positions]], …], variants]`, its pages as
 * differences from the one before (the first from page 0); a filter is `[name, [[value, [pages]], …]]`.
 */
export async function mergePieces(pieces: string[], into: string): Promise<void> {
  const read = await Promise.all(pieces.map(readPiece));
  await rm(into, { recursive: true, force: true });
  await mkdir(join(into, 'fragment'), { recursive: true });
  await mkdir(join(into, 'index'));
  await mkdir(join(into, 'filter'));

  // Pagefind names a fragment by 7 hex digits of its hash, unique within one bundle but not across
  // pieces (the 10x archive had two pieces' fragments share a name): each is renamed by its piece.
  const pages: Cbor[] = [];
  const offsets: number[] = [];
  for (const [i, piece] of read.entries()) {
    offsets.push(pages.length);
    for (const [hash, ...rest] of piece.pages) {
      const name = `${hash}p${i}`;
      pages.push([name, ...rest]);
      await copyFile(join(piece.dir, 'fragment', `${hash}.pf_fragment`), join(into, 'fragment', `${name}.pf_fragment`));
    }
  }

  // Every word's pages, in the pieces' order, as Pagefind orders words (by their UTF-8 bytes).
  const byWord = new Map<string, { bytes: Uint8Array; offset: number }[]>();
  read.forEach((piece, i) => {
    for (const entry of piece.words) {
      let parts = byWord.get(entry.word);
      if (!parts) byWord.set(entry.word, (parts = []));
      parts.push({ bytes: entry.bytes, offset: offsets[i]! });
    }
  });
  const words = [...byWord.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const entries = words.map((word) => mergeWord(word, byWord.get(word)!));
  const language = read[0]!.language;
  const indexBytes = packed([arrayHead(1), arrayHead(entries.length), ...entries]);
  const indexHash = `${language}_${hashOf(indexBytes)}`;
  await writeFile(join(into, 'index', `${indexHash}.pf_index`), indexBytes);

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
    const bytes = packed([encodeCbor([name, values.map(([value, ids]) => [value, ids])])]);
    const hash = `${language}_${hashOf(bytes)}`;
    await writeFile(join(into, 'filter', `${hash}.pf_filter`), bytes);
    filterChunks.push([name, hash]);
  }

  const meta = [...read[0]!.meta];
  meta[META.pages] = pages;
  meta[META.indexChunks] = words.length > 0 ? [[words[0]!, words.at(-1)!, indexHash]] : [];
  meta[META.filterChunks] = filterChunks;
  const metaBytes = packed([encodeCbor(meta)]);
  const metaHash = `${language}_${hashOf(metaBytes)}`;
  await writeFile(join(into, `pagefind.${metaHash}.pf_meta`), metaBytes);
  const entry = read[0]!.entry;
  const [code] = Object.keys(entry.languages);
  entry.languages[code!]!.hash = metaHash;
  await writeFile(join(into, 'pagefind-entry.json'), JSON.stringify(entry));
  for (const name of (await readdir(read[0]!.dir)).filter((file) => file.startsWith('wasm.')))
    await copyFile(join(read[0]!.dir, name), join(into, name));
  for (const piece of pieces) await rm(piece, { recursive: true, force: true });
}

interface Piece {
  dir: string;
  entry: { languages: Record<string, { hash: string; wasm?: string }> };
  /** The prefix of Pagefind's file names: the bundle's language ("en", "und"). */
  language: string;
  meta: Cbor[];
  pages: [string, ...Cbor[]][];
  words: WordEntry[];
  filters: Map<string, [string, number[]][]>;
}

async function readPiece(dir: string): Promise<Piece> {
  const entryPath = join(dir, 'pagefind-entry.json');
  const entry = JSON.parse(await readFile(entryPath, 'utf-8')) as Piece['entry'];
  const languages = Object.values(entry.languages);
  if (languages.length !== 1) throw new BundleError(`${entryPath}: expected one language, found ${languages.length}`);
  const hash = languages[0]!.hash;
  const metaFile = join(dir, `pagefind.${hash}.pf_meta`);
  const meta = unpack(await readFile(metaFile), metaFile);
  if (!Array.isArray(meta) || meta[META.version] !== PAGEFIND_VERSION)
    throw new BundleError(`${metaFile}: not the metadata of Pagefind ${PAGEFIND_VERSION}`);
  const words: WordEntry[] = [];
  for (const [, , chunk] of meta[META.indexChunks] as [string, string, string][])
    for (const word of await readWordIndex(join(dir, 'index', `${chunk}.pf_index`))) words.push(word);
  const filters: Piece['filters'] = new Map();
  for (const [, chunk] of meta[META.filterChunks] as [string, string][]) {
    const file = join(dir, 'filter', `${chunk}.pf_filter`);
    const [filterName, values] = unpack(await readFile(file), file) as [string, [string, number[]][]];
    filters.set(filterName, values);
  }
  return {
    dir,
    entry,
    language: hash.split('_')[0]!,
    meta,
    pages: meta[META.pages] as Piece['pages'],
    words,
    filters,
  };
}

/**
 * One word's entry from its entries in several pieces: their pages in turn, numbered across the
 * pieces; likewise the pages of each of its variants (`café` beside `cafe`).
 */
function mergeWord(word: string, parts: { bytes: Uint8Array; offset: number }[]): Uint8Array {
  const out: Uint8Array[] = [];
  let count = 0;
  let previous = 0;
  let fields = 2;
  const variants = new Map<string, { page: number; rest: Cbor[] }[]>();
  for (const { bytes, offset } of parts) {
    const reader = new CborReader(bytes);
    fields = reader.array();
    reader.text();
    let page = 0;
    for (let n = reader.array(); n > 0; n--, count++) {
      const items = reader.array();
      page += reader.value() as number;
      const rest = reader.pos;
      for (let item = 1; item < items; item++) reader.skip();
      out.push(arrayHead(items), encodeCbor(page + offset - previous), bytes.subarray(rest, reader.pos));
      previous = page + offset;
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

/** Packed as Pagefind packs its files; quickly, as compactBundle reads them once and writes its own. */
function packed(parts: Uint8Array[]): Buffer {
  return gzipSync(Buffer.concat([Buffer.from(SIGNATURE), ...parts]), { level: 1 });
}

function hashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 10);
}
