/**
 * The part of CBOR (RFC 8949) that Pagefind's index files are written in: unsigned and negative
 * integers, text strings and definite-length arrays. Enough to read a Pagefind bundle and write it
 * back in a form its WebAssembly reads; anything else in a file is an error, not a guess.
 */
export type Cbor = number | string | Cbor[];

export class CborError extends Error {}

export function decodeCbor(bytes: Uint8Array, at = 0): { value: Cbor; end: number } {
  const text = new TextDecoder('utf-8', { fatal: true });
  const read = (offset: number): { value: Cbor; end: number } => {
    const head = bytes[offset];
    if (head === undefined) throw new CborError(`CBOR ends early at byte ${offset}`);
    const major = head >> 5;
    const info = head & 31;
    let next = offset + 1;
    let length: number;
    if (info < 24) length = info;
    else if (info <= 27) {
      const size = 1 << (info - 24);
      if (next + size > bytes.length) throw new CborError(`CBOR ends early at byte ${next}`);
      length = 0;
      for (let i = 0; i < size; i++) length = length * 256 + bytes[next + i]!;
      next += size;
    } else throw new CborError(`unsupported CBOR length ${info} at byte ${offset}`);
    switch (major) {
      case 0:
        return { value: length, end: next };
      case 1:
        return { value: -1 - length, end: next };
      case 3:
        if (next + length > bytes.length) throw new CborError(`CBOR string ends early at byte ${offset}`);
        return { value: text.decode(bytes.subarray(next, next + length)), end: next + length };
      case 4: {
        const items: Cbor[] = [];
        for (let i = 0; i < length; i++) {
          const item = read(next);
          items.push(item.value);
          next = item.end;
        }
        return { value: items, end: next };
      }
      default:
        throw new CborError(`unsupported CBOR type ${major} at byte ${offset}`);
    }
  };
  return read(at);
}

export function encodeCbor(value: Cbor): Uint8Array {
  // One growing buffer: the Chinese index is ~20 MB of small items.
  let out = new Uint8Array(1024);
  let length = 0;
  const utf8 = new TextEncoder();
  const room = (bytes: number) => {
    if (length + bytes <= out.length) return;
    const bigger = new Uint8Array(Math.max(out.length * 2, length + bytes));
    bigger.set(out.subarray(0, length));
    out = bigger;
  };
  const head = (major: number, n: number) => {
    room(5);
    const type = major << 5;
    if (n < 24) out[length++] = type | n;
    else if (n < 0x100) {
      out[length++] = type | 24;
      out[length++] = n;
    } else if (n < 0x10000) {
      out[length++] = type | 25;
      out[length++] = n >> 8;
      out[length++] = n & 0xff;
    } else if (n < 0x100000000) {
      out[length++] = type | 26;
      out[length++] = n >>> 24;
      out[length++] = (n >> 16) & 0xff;
      out[length++] = (n >> 8) & 0xff;
      out[length++] = n & 0xff;
    } else throw new CborError(`integer ${n} is beyond what a Pagefind index holds`);
  };
  const write = (item: Cbor) => {
    if (typeof item === 'number') {
      if (!Number.isInteger(item)) throw new CborError(`not an integer: ${item}`);
      if (item >= 0) head(0, item);
      else head(1, -1 - item);
    } else if (typeof item === 'string') {
      const bytes = utf8.encode(item);
      head(3, bytes.length);
      room(bytes.length);
      out.set(bytes, length);
      length += bytes.length;
    } else {
      head(4, item.length);
      item.forEach(write);
    }
  };
  write(value);
  return out.slice(0, length);
}

/**
 * Steps through CBOR bytes without building values: for files too big to decode whole (a word
 * index), where only some items are read and the rest are copied as bytes.
 */
export class CborReader {
  pos: number;
  private readonly bytes: Uint8Array;

  constructor(bytes: Uint8Array, pos = 0) {
    this.bytes = bytes;
    this.pos = pos;
  }

  /** The next item's type and its length (array, string) or value (integer). */
  head(): { major: number; length: number } {
    const at = this.pos;
    const head = this.bytes[at];
    if (head === undefined) throw new CborError(`CBOR ends early at byte ${at}`);
    const info = head & 31;
    let length: number;
    this.pos++;
    if (info < 24) length = info;
    else if (info <= 27) {
      const size = 1 << (info - 24);
      length = 0;
      for (let i = 0; i < size; i++) length = length * 256 + this.bytes[this.pos + i]!;
      this.pos += size;
    } else throw new CborError(`unsupported CBOR length ${info} at byte ${at}`);
    return { major: head >> 5, length };
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
    this.pos += length;
    return new TextDecoder().decode(this.bytes.subarray(this.pos - length, this.pos));
  }

  /** Steps over the next item, whatever it holds. */
  skip(): void {
    const { major, length } = this.head();
    if (major === 2 || major === 3) this.pos += length;
    else if (major === 4) for (let i = 0; i < length; i++) this.skip();
    else if (major > 1) throw new CborError(`unsupported CBOR type ${major} at byte ${this.pos}`);
  }
}

/** The CBOR head of an array of `length` items. */
export function arrayHead(length: number): Uint8Array {
  if (length < 24) return Uint8Array.of(0x80 | length);
  if (length < 0x100) return Uint8Array.of(0x98, length);
  if (length < 0x10000) return Uint8Array.of(0x99, length >> 8, length & 0xff);
  return Uint8Array.of(0x9a, length >>> 24, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff);
}
