import type * as pagefind from 'pagefind';

/**
 * Pagefind's service answers each request of the indexer (a batch of records, writing the
 * files) in seconds. Once, in a day of builds on this machine, it left one unanswered: its
 * process and the indexer both sat idle, and the build would have waited for ever (a CI job for
 * its 90 minutes). A request unanswered for `UNANSWERED_MS` is a stalled service: the piece is
 * indexed again in a service of its own (write-bundles.ts), and a second stall ends the build
 * with an error that says what to do. The figure is a stall's, not a speed: no request of the
 * 10x archive's takes a hundredth of it.
 */
export const UNANSWERED_MS = 10 * 60_000;

/** Pagefind's Node API as the indexer uses it; tests give one that stalls. */
export type PagefindApi = Pick<typeof pagefind, 'createIndex' | 'close'>;

/** A request Pagefind's service did not answer in time. */
export class Unanswered extends Error {}

/** What `request` resolves to, or an Unanswered error naming `what` if `within` ms pass first. */
export function answered<T>(request: Promise<T>, what: string, within: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Unanswered(`Pagefind's service did not answer ${what} in ${Math.round(within / 1000)} s`));
    }, within);
  });
  // The request may still settle after the stall was declared: nothing waits for it then.
  request.catch(() => undefined);
  return Promise.race([request, stalled]).finally(() => {
    clearTimeout(timer);
  });
}
