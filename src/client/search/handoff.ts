/**
 * The head script (early.ts) and the page's script (page.ts) share the page's one thread. For a
 * search opened from a link with ready results, the head script shows them, and the page's script
 * and the index worker (about a tenth of a second of work each on a desktop as they start) wait
 * until the frame that shows them is drawn: started sooner, they held that frame back
 * (bench/results/search.md, from a link).
 */
const GLOBAL = 'lecternEarly';

type Shared = Record<typeof GLOBAL, Promise<void> | undefined>;

/** The longest the page's script waits for the head script: a ready file that never comes must not keep the page from working. */
const MOST_MS = 2000;

/** Called by the head script with what the page's script is to wait for. */
export function handOff(done: Promise<unknown>): void {
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, MOST_MS));
  (globalThis as unknown as Shared)[GLOBAL] = Promise.race([done.then(() => undefined), timeout]);
}

/** Settles once the head script's results are drawn, at once where it showed none or did not run. */
export function afterHeadScript(): Promise<void> {
  return (globalThis as unknown as Shared)[GLOBAL] ?? Promise.resolve();
}

/** Settles after the next frame is drawn: a task queued from a frame's callback runs once it is painted. */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
