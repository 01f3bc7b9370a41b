/**
 * The search page's side of the index worker (index-service.ts): each request posted with a
 * number and answered by it, and the language's index as the page uses it (searches.ts:
 * Searchable; index-files.ts: Countable), its hits fetching their fragments from the worker. The
 * worker is started by the page's head script (early.ts), which may already have asked it to open
 * an index for a query in the URL; the page's script finds it on the window.
 */
import type { Counts, Fragment, Hit, Results } from '../../lib/search/pagefind/read.ts';
import { RESULTS_PER_PAGE } from '../../lib/search/ready.ts';
import type { Lang } from '../../schemas/transcript.ts';
import type { FragmentReply, Reply, Request, SearchReply } from './index-service.ts';
import { SearchFailure } from './index-files.ts';

type Ask = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

const GLOBAL = 'lecternSearchWorker';

/** What the page posts to and hears from: the worker, or one end of a channel (the tests). */
export type Port = Pick<Worker, 'postMessage' | 'addEventListener'> & { start?: () => void };

export class SearchWorker {
  private readonly worker: Port;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private next = 0;

  constructor(port: Port) {
    this.worker = port;
    this.worker.addEventListener('message', (event: MessageEvent<Reply>) => {
      const reply = event.data;
      const asked = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (!asked) return;
      if (reply.ok) asked.resolve(reply.value);
      else asked.reject(errorOf(reply.name, reply.message));
    });
    this.worker.addEventListener('error', (event) => {
      event.preventDefault();
      const failure = new SearchFailure(`the search could not start (${event.message || 'its script failed'})`);
      for (const { reject } of this.waiting.values()) reject(failure);
      this.waiting.clear();
    });
    this.worker.start?.();
  }

  /** The page's worker: the one the head script started, or a new one from `url` (worker.ts, bundled). */
  static of(url: string): SearchWorker {
    const window = globalThis as unknown as Record<typeof GLOBAL, SearchWorker | undefined>;
    // A classic script once built; under npm run dev, Vite serves workers as modules.
    return (window[GLOBAL] ??= new SearchWorker(new Worker(url, { type: import.meta.env.DEV ? 'module' : 'classic' })));
  }

  ask<T>(request: Ask): Promise<T> {
    const id = ++this.next;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  /** A language's index, once the worker has opened it (with its filter counts, if `facets`). */
  async index(lang: Lang, facets: boolean, expected?: string): Promise<RemoteIndex> {
    await this.ask({ op: 'open', lang, facets, expected });
    return new RemoteIndex(this, lang);
  }

  /** Drops the languages' indexes in the worker after a failure, so that trying again starts afresh. */
  forget(langs: Lang[]): void {
    void this.ask({ op: 'forget', langs }).catch(() => undefined);
  }
}

/** An error from the worker, as the page tells them apart (render.ts: failureText). */
function errorOf(name: string, message: string): Error {
  if (name === 'SearchFailure') return new SearchFailure(message);
  const error = new Error(message);
  error.name = name;
  return error;
}

/** How many of a search's best results have their fragments fetched with it: the first page's. */
export const FIRST_PAGE = RESULTS_PER_PAGE;

/** A language's index in the worker, searched as the page's own was. */
export class RemoteIndex {
  private readonly worker: SearchWorker;
  private readonly lang: Lang;

  constructor(worker: SearchWorker, lang: Lang) {
    this.worker = worker;
    this.lang = lang;
  }

  preload(query: string): Promise<void> {
    return this.worker.ask({ op: 'preload', lang: this.lang, query });
  }

  filters(): Promise<Counts> {
    return this.worker.ask({ op: 'filters', lang: this.lang });
  }

  /** `ahead`: fetch the first page's fragments with the search (relevance order: the page will show them first). */
  async search(query: string | null, filters: Record<string, { any: string[] }>, ahead = 0): Promise<Results> {
    const reply = await this.worker.ask<SearchReply>({ op: 'search', lang: this.lang, query, filters, ahead });
    return {
      results: reply.hits.map((row, i) => new RemoteHit(row, reply.places[i], this.worker, reply.search)),
      filters: reply.filters,
      totalFilters: reply.totalFilters,
    };
  }
}

/** A hit whose locations come with its fragment (the excerpt needs both; a search has thousands of hits). */
class RemoteHit implements Hit {
  /** The page knows a hit by its number alone. */
  readonly id: string;
  readonly ref: number;
  readonly place: string | undefined;
  rank: number;
  month: string;
  readonly score: number;
  readonly crossed: number;
  demoted: boolean;
  private found: Hit['locations'] | undefined;
  private fetching: Promise<Fragment> | undefined;
  private readonly worker: SearchWorker;
  /** The search that found it (index-service.ts: its locations are that search's). */
  private readonly search: string;

  constructor(
    [ref, rank, month, score, crossed, demoted]: SearchReply['hits'][number],
    place: string | undefined,
    worker: SearchWorker,
    search: string,
  ) {
    this.ref = ref;
    this.id = String(ref);
    this.place = place;
    this.rank = rank;
    this.month = month;
    this.score = score;
    this.crossed = crossed;
    this.demoted = demoted;
    this.worker = worker;
    this.search = search;
  }

  /** Where its words matched: known once its fragment is in (`data`). */
  get locations(): Hit['locations'] {
    if (!this.found) throw new Error(`the locations of ${this.id} come with its fragment: await data() first`);
    return this.found;
  }

  data(): Promise<Fragment> {
    this.fetching ??= this.worker
      .ask<FragmentReply>({ op: 'fragment', search: this.search, hit: this.ref })
      .then(({ fragment, locations }) => {
        this.found = locations;
        return fragment;
      });
    // A failed fetch is tried afresh when asked again.
    this.fetching.catch(() => (this.fetching = undefined));
    return this.fetching;
  }
}
