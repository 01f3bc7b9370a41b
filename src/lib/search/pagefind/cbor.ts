/**
 * The part of CBOR (RFC 8949) that Pagefind's index files are written in: unsigned and negative
 * integers, text and byte strings and definite-length arrays. Enough to read a Pagefind bundle and write it
 * back in a form its WebAssembly reads; anything else in a file is an error, not a guess.
 */
export type Cbor = number | string | Uint8Array | Cbor[];

export class CborError extends Error {}

/**
 * Steps through CBOR bytes: `value()` reads the next item whole; the other methods read parts of
 * it without building values, for files too big to decode whole (a word index), where only some
 * items are read and the rest are copied as bytes.
 */
export class CborReader {
  pos: number;
  private readonly bytes: Uint8Array;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });

  constructor(bytes: Uint8Array, pos = 0) {
    this.bytes = bytes;
    this.pos = pos;
  }

  /** The next item's type and its length (array, string) or value (integer). */
  head(): { major: number; length: number } {
    const at = this.pos;
    const first = this.bytes[at];
    if (first === undefined) throw new CborError(`CBOR ends early at byte ${at}`);
    const size = headSize(first, at);
    if (at + size > this.bytes.length) throw new CborError(`CBOR ends early at byte ${at + 1}`);
    this.pos += size;
    return { major: first >> 5, length: headValue(this.bytes, at) };
  }

  /** The length of the array that starts here. */
  array(): number {
    const at = this.pos;
    const { major, length } = this.head();
    if (major !== 4) throw new CborError(`expected a CBOR array at byte ${at}`);
    return length;
  }

  text(): string {
    const at = this.pos;
    const { major, length } = this.head();
    if (major !== 3) throw new CborError(`expected a CBOR string at byte ${at}`);
    return this.string(length, at);
  }

  /** The next item, decoded. */
  value(): Cbor {
    const at = this.pos;
    const { major, length } = this.head();
    switch (major) {
      case 0:
        return length;
      case 1:
        return -1 - length;
      case 2:
        if (this.pos + length > this.bytes.length) throw new CborError(`CBOR byte string ends early at byte ${at}`);
        this.pos += length;
        return this.bytes.slice(this.pos - length, this.pos);
      case 3:
        return this.string(length, at);
      case 4:
        return Array.from({ length }, () => this.value());
      default:
        throw new CborError(`unsupported CBOR type ${major} at byte ${at}`);
    }
  }

  /** Steps over the next item, whatever it holds. */
  skip(): void {
    const at = this.pos;
    const { major, length } = this.head();
    if (major === 2 || major === 3) this.pos += length;
    else if (major === 4) for (let i = 0; i < length; i++) this.skip();
    else if (major > 1) throw new CborError(`unsupported CBOR type ${major} at byte ${at}`);
  }

  private string(length: number, at: number): string {
    if (this.pos + length > this.bytes.length) throw new CborError(`CBOR string ends early at byte ${at}`);
    this.pos += length;
    return this.utf8.decode(this.bytes.subarray(this.pos - length, this.pos));
  }
}

/**
 * How many bytes the head whose first byte is `first` takes (1, or 1 + 1, 2, 4 or 8). Lengths
 * written indefinitely (31) and reserved ones are not in Pagefind's files: an error.
 */
export function headSize(first: number, at = 0): number {
  const info = first & 31;
  if (info < 24) return 1;
  if (info > 27) throw new CborError(`unsupported CBOR length ${info} at byte ${at}`);
  return 1 + (1 << (info - 24));
}

/** The length (array, string) or value (integer) in the head at `at`, its bytes known to be there. */
export function headValue(bytes: Uint8Array, at: number): number {
  const size = headSize(bytes[at]!, at);
  if (size === 1) return bytes[at]! & 31;
  let value = 0;
  for (let i = 1; i < size; i++) value = value * 256 + bytes[at + i]!;
  return value;
}

/** Where the `items` items that start at `at` end. */
export function itemsEnd(bytes: Uint8Array, at: number, items = 1): number {
  const reader = new CborReader(bytes, at);
  for (let item = 0; item < items; item++) reader.skip();
  return reader.pos;
}

export function decodeCbor(bytes: Uint8Array): Cbor {
  return new CborReader(bytes).value();
}

/**
 * Writes the head of an item (its type, and its length or value) into `out` at `at`; where it
 * ends. For loops that write CBOR into a buffer (meta-codec.ts).
 */
export function writeHead(out: Uint8Array, at: number, major: number, n: number): number {
  const size = n < 24 ? 0 : n < 0x100 ? 1 : n < 0x10000 ? 2 : n < 0x100000000 ? 4 : -1;
  if (size < 0) throw new CborError(`integer ${n} is beyond what a Pagefind index holds`);
  out[at++] = (major << 5) | (size === 0 ? n : 23 + Math.log2(size) + 1);
  for (let i = size - 1; i >= 0; i--) out[at++] = Math.floor(n / 256 ** i) % 256;
  return at;
}

/** The head of an item: its type and its length (array, string) or value (integer). */
function head(major: number, n: number): number[] {
  const bytes = new Uint8Array(5);
  return [...bytes.subarray(0, writeHead(bytes, 0, major, n))];
}

/** The CBOR head of an array of `length` items. */
export function arrayHead(length: number): Uint8Array {
  return Uint8Array.from(head(4, length));
}

export function encodeCbor(value: Cbor): Uint8Array {
  const out: number[] = [];
  const utf8 = new TextEncoder();
  const write = (item: Cbor) => {
    if (typeof item === 'number') {
      if (!Number.isInteger(item)) throw new CborError(`not an integer: ${item}`);
      out.push(...(item >= 0 ? head(0, item) : head(1, -1 - item)));
    } else if (typeof item === 'string') {
      const bytes = utf8.encode(item);
      out.push(...head(3, bytes.length));
      for (const byte of bytes) out.push(byte);
    } else if (item instanceof Uint8Array) {
      out.push(...head(2, item.length));
      for (const byte of item) out.push(byte);
    } else {
      out.push(...head(4, item.length));
      item.forEach(write);
    }
  };
  write(value);
  return Uint8Array.from(out);
}
