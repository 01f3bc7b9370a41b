/**
 * The languages' search indexes as the page opens them: each file fetched from /pagefind/<lang>/
 * with one retry for a failure on the way, each index opened once and forgotten after a failure,
 * so that trying again starts afresh. The fetch and the opening are handed in (page.ts), so that
 * tests can run it without a browser or a server.
 */
import { NO_DEV_INDEX } from '../../lib/search/no-index.ts';
import type { Load } from '../../lib/search/pagefind/read.ts';
import type { Lang } from '../../schemas/transcript.ts';

/** A search that could not run, with what went wrong in words a reader can pass on. */
export class SearchFailure extends Error {
  // Named, not told by its class: it crosses from the worker by name (index-service.ts).
  override name = 'SearchFailure';
}

/**
 * A file of a language's index. A fetch that fails on the way (the network, a server error) is
 * tried once more before the search says so; a missing file is not.
 */
export async function fetchIndexFile(
  fetchFile: (url: string) => Promise<Response>,
  lang: Lang,
  path: string,
): Promise<ArrayBuffer> {
  const url = `/pagefind/${lang}/${path}`;
  const shown = url.replace(/\?.*$/, '');
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetchFile(url);
    } catch (error) {
      if (attempt < 2) continue;
      throw new SearchFailure(`the network failed while fetching ${shown}`, { cause: error });
    }
    if (response.ok) return response.arrayBuffer();
    if (response.headers.has(NO_DEV_INDEX)) {
      throw new SearchFailure(
        'npm run dev searches the index of the last build, and there is none yet: run npm run build once',
      );
    }
    if (response.status >= 500 && attempt < 2) continue;
    throw new SearchFailure(`${shown} answered ${response.status} ${response.statusText}`.trim());
  }
}

/** What the page needs of an open index: its filters' counts loaded once, for searches to count. */
export interface Countable {
  filters(): Promise<unknown>;
}

/** Each language's index, opened once, with its filter counts loaded once when asked for. */
export class IndexCache<Index extends Countable> {
  private readonly loaded = new Map<Lang, Promise<Index>>();
  private readonly facetsLoaded = new Map<Lang, Promise<unknown>>();
  private readonly open: (load: Load, lang: Lang, expected?: string) => Promise<Index>;
  private readonly load: (lang: Lang) => Load;

  constructor(open: (load: Load, lang: Lang, expected?: string) => Promise<Index>, load: (lang: Lang) => Load) {
    this.open = open;
    this.load = load;
  }

  /**
   * The language's index; with `facets`, once its filter index is loaded (filter values are
   * counted only then). `expected`, the query about to be searched, lets an index opened now
   * fetch what that query needs while it opens.
   */
  get(lang: Lang, facets: boolean, expected?: string): Promise<Index> {
    let index = this.loaded.get(lang);
    if (!index) {
      const opening = this.open(this.load(lang), lang, expected);
      this.loaded.set(lang, (index = opening));
      // An index that failed to open is forgotten, so that trying again fetches it again.
      opening.catch(() => {
        if (this.loaded.get(lang) === opening) this.forget([lang]);
      });
    }
    if (!facets) return index;
    return index.then(async (opened) => {
      let counting = this.facetsLoaded.get(lang);
      if (!counting) this.facetsLoaded.set(lang, (counting = opened.filters()));
      await counting;
      return opened;
    });
  }

  /** Drops the languages' indexes (one may hold a corrupted chunk), so that trying again starts afresh. */
  forget(langs: Lang[]): void {
    for (const lang of langs) {
      this.loaded.delete(lang);
      this.facetsLoaded.delete(lang);
    }
  }
}
