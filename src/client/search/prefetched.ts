/**
 * The index files the search page's head script fetched (early.ts), for the page's script to open
 * the index from (page.ts). The two are separate scripts, the head's loaded on its own so that it
 * runs as soon as it arrives: they meet on the window, under one name.
 */
import type { Lang } from '../../schemas/transcript.ts';

const GLOBAL = 'lecternPrefetched';

interface Prefetched {
  files: Map<string, Promise<ArrayBuffer>>;
  /** Once the page's script opens an index itself, a head script arriving late fetches nothing. */
  closed: boolean;
}

function prefetched(): Prefetched {
  const window = globalThis as unknown as Record<typeof GLOBAL, Prefetched | undefined>;
  return (window[GLOBAL] ??= { files: new Map(), closed: false });
}

/** A file's key: its language and path, without the query string that keeps it fresh. */
const keyOf = (lang: Lang, path: string) => `${lang}/${path.replace(/\?.*$/, '')}`;

/** Whether the page's script has begun opening indexes (the head script then has nothing to do). */
export function tooLate(): boolean {
  return prefetched().closed;
}

/** Keeps a file fetched early, for the page's script to claim. */
export function keep(lang: Lang, path: string, file: Promise<ArrayBuffer>): void {
  // A failure is reported by the search that claims the file.
  file.catch(() => undefined);
  prefetched().files.set(keyOf(lang, path), file);
}

/**
 * A file of `lang`'s index fetched early, if it was (once: the caller owns it then). The first
 * claim closes the head script's part: what it has not fetched by now, the page fetches.
 */
export function claim(lang: Lang, path: string): Promise<ArrayBuffer> | undefined {
  const { files } = prefetched();
  prefetched().closed = true;
  const key = keyOf(lang, path);
  const file = files.get(key);
  files.delete(key);
  return file;
}
