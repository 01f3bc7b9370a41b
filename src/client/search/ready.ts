/**
 * The ready results (src/lib/search/ready.ts) as the search page fetches them: each file once a
 * visit, shared by the head script (early.ts), which asks for a linked query's before the page's
 * script has arrived, and the page's script, two bundles that share the window.
 */
import {
  type ReadyList,
  type ReadyResults,
  queryHash,
  readyKey,
  readyListPath,
  readyPath,
} from '../../lib/search/ready.ts';
import type { Lang } from '../../schemas/transcript.ts';

const GLOBAL = 'lecternReady';

function fetchOnce<T>(path: string): Promise<T | undefined> {
  const window = globalThis as unknown as Record<typeof GLOBAL, Map<string, Promise<unknown>> | undefined>;
  const fetched = (window[GLOBAL] ??= new Map());
  let file = fetched.get(path) as Promise<T | undefined> | undefined;
  if (!file) {
    // Missing (a build without them, npm run dev) or unreachable: the page searches the index.
    file = fetch(path)
      .then((response) => (response.ok ? (response.json() as Promise<T>) : undefined))
      .catch(() => undefined);
    fetched.set(path, file);
  }
  return file;
}

/** The language's ready queries and their counts. */
export const readyList = (lang: Lang): Promise<ReadyList | undefined> => fetchOnce(readyListPath(lang));

/** Whether a query has no ready file: known from its own file's answer, before the list has come. */
export const notReady = (lang: Lang, query: string): Promise<boolean> =>
  fetchOnce(readyPath(lang, query)).then((file) => file === undefined);

/**
 * A query's first page and count, if the build made it ready (`query` as Pagefind is asked it).
 * Its file is asked for once the list names it; with `unlisted`, at once, beside the list: a
 * search opened from a link has no typing to hide a round trip behind, and a query not made ready
 * costs one missing file.
 */
export async function readyResults(
  lang: Lang,
  query: string,
  unlisted = false,
): Promise<{ ready: ReadyResults; count: number } | undefined> {
  const path = readyPath(lang, query);
  if (unlisted) void fetchOnce(path);
  const key = readyKey(query);
  const count = (await readyList(lang))?.[queryHash(key)];
  if (count === undefined) return undefined;
  const ready = await fetchOnce<ReadyResults>(path);
  return ready?.query === key ? { ready, count } : undefined;
}
