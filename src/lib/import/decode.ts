import { ImportError } from './draft.ts';

/** How far into a page its `<meta charset>` may be (the HTML standard's prescan reads 1,024 bytes; saved pages put more before it). */
const PRESCAN_BYTES = 4096;

const boms: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/**
 * The text of an input file. The encoding is, in order: the file's byte order mark; the one given
 * on the command line (`--encoding`); for a page, its `<meta charset>` or `http-equiv` content
 * type; else UTF-8. Text that is not valid in its encoding is an error, never replacement
 * characters: the ministry's older pages are GB2312/GBK, and read as UTF-8 every character would
 * be lost while the round-trip check still passed on the garbage.
 */
export function decodeInput(bytes: Uint8Array, input: string, options: { html: boolean; encoding?: string }): string {
  const bom = boms.find(([mark]) => mark.every((byte, i) => bytes[i] === byte));
  const declared = bom ? undefined : options.html ? declaredCharset(bytes) : undefined;
  const label = bom?.[1] ?? options.encoding ?? declared ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    // gb2312 pages often hold GBK characters; the Encoding Standard reads both labels as GBK.
    decoder = new TextDecoder(label, { fatal: true, ignoreBOM: false });
  } catch {
    const from = options.encoding === label ? '--encoding' : 'its <meta charset>';
    throw new ImportError(
      input,
      `unknown text encoding "${label}" (from ${from}): give --encoding utf-8, gbk, gb18030, big5 or latin1.`,
    );
  }
  try {
    return decoder.decode(bytes);
  } catch {
    const offset = firstInvalidByte(bytes, decoder.encoding);
    const why = bom
      ? 'after its byte order mark'
      : options.encoding
        ? 'as given by --encoding'
        : declared
          ? 'as its <meta charset> declares'
          : 'and declares no encoding';
    throw new ImportError(
      input,
      `the file is not valid ${decoder.encoding} text ${why} (first bad byte at offset ${offset}). Give its encoding with --encoding (e.g. gbk for the ministry's older Chinese pages, latin1 for Western text), or save it as UTF-8.`,
    );
  }
}

/** The charset a page declares in its first bytes, as the HTML standard's prescan finds it. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  const meta =
    /<meta\s[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<meta\s[^>]*?content\s*=\s*["'][^"']*?charset\s*=\s*([\w.:-]+)/i.exec(head);
  const label = meta?.[1]?.toLowerCase();
  // A page saved by a browser is re-encoded as UTF-8 but may keep a UTF-16 declaration, which the standard reads as UTF-8.
  return label?.startsWith('utf-16') ? 'utf-8' : label;
}

/** Where decoding fails, for the message: the failing 1 KiB block, then the byte within it. */
function firstInvalidByte(bytes: Uint8Array, encoding: string): number {
  const step = 1024;
  const decoder = new TextDecoder(encoding, { fatal: true });
  let start = 0;
  for (; start < bytes.length; start += step) {
    try {
      decoder.decode(bytes.subarray(start, start + step), { stream: true });
    } catch {
      break;
    }
  }
  // Replay up to the failing block, then feed it a byte at a time.
  const replay = new TextDecoder(encoding, { fatal: true });
  replay.decode(bytes.subarray(0, start), { stream: true });
  // A sequence fails at its first wrong byte; the bad character starts where the last one ended.
  let boundary = start;
  for (let at = start; at < Math.min(bytes.length, start + step); at++) {
    try {
      if (replay.decode(bytes.subarray(at, at + 1), { stream: true }) !== '') boundary = at + 1;
    } catch {
      return boundary;
    }
  }
  return start;
}
