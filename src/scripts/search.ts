/**
 * The search page: Pagefind's index in the browser (through pagefind-runtime.ts), one result per answer. Each language has its own
 * Pagefind bundle (pagefind/en/, pagefind/zh/): a query loads the bundle of its script's language
 * unless the reader chooses languages. The whole search lives in the URL
 * (?q=&lang=&spokesperson=&year=&kind=&topic=&sort=): it can be shared, reloaded and stepped back
 * through. Filter counts come with the page; Pagefind's own (per query) are fetched only once the
 * reader opens the filters or uses one, so a plain query downloads no filter index.
 */
import { hasHan, looserQueries, toPagefindQuery, wordsToFetch } from '../lib/search/cjk.ts';
import { escapeHtml } from '../lib/escape-html.ts';
import { NO_DEV_INDEX } from '../lib/search/no-index.ts';
import { hanExcerpt, wholeWordStart, wordExcerpt } from '../lib/search/excerpt.ts';
import type { Fragment, Hit, Results } from '../lib/search/pagefind-runtime.ts';
import { SearchIndex, byRelevance } from '../lib/search/segments.ts';
import { drawTimeline, monthLabel, timelineOf } from '../lib/timeline.ts';

type Lang = 'en' | 'zh';
/** A result as shown: the search's hit (where its words matched) and its fragment (what it says). */
interface Shown {
  hit: Hit;
  fragment: Fragment;
}
interface State {
  q: string;
  sort: string;
  langs: Lang[];
  filters: Record<string, string[]>;
  /** A month ("2019-03") chosen on the chart, within its year's filter. */
  month: string | undefined;
}
/** A language's results, and how many of them each month holds before a month is chosen (for the chart). */
interface Searched {
  search: Results;
  byMonth: Map<string, number>;
}

const PAGE = 10;
const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('#q')!;
const sortSelect = form.querySelector<HTMLSelectElement>('#sort')!;
const refine = form.querySelector<HTMLDetailsElement>('#refine')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#results')!;
const more = document.querySelector<HTMLButtonElement>('#more')!;
const chart = document.querySelector<HTMLElement>('#timeline')!;
const bundles = (form.dataset.bundles ?? 'en').split(' ') as Lang[];
const boxes = [...form.querySelectorAll<HTMLInputElement>('fieldset input')];
const staticCounts = new Map(boxes.map((box) => [box, box.nextElementSibling?.textContent ?? '']));
const loaded = new Map<Lang, Promise<SearchIndex>>();
const facetsLoaded = new Map<Lang, Promise<unknown>>();
let queue: Merge | undefined;
let terms: string[] = [];
let run = 0;

/**
 * A file of a language's index. A fetch that fails on the way (the network, a server error) is
 * tried once more before the search says so; a missing file is not.
 */
async function fetchIndexFile(lang: Lang, path: string): Promise<ArrayBuffer> {
  const url = `/pagefind/${lang}/${path}`;
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(url);
    } catch (error) {
      if (attempt < 2) continue;
      throw new SearchFailure(`the network failed while fetching ${url.replace(/\?.*$/, '')}`, { cause: error });
    }
    if (response.ok) return response.arrayBuffer();
    if (response.headers.has(NO_DEV_INDEX)) {
      throw new SearchFailure(
        'npm run dev searches the index of the last build, and there is none yet: run npm run build once',
      );
    }
    if (response.status >= 500 && attempt < 2) continue;
    throw new SearchFailure(`${url.replace(/\?.*$/, '')} answered ${response.status} ${response.statusText}`.trim());
  }
}

/** Drops the languages' loaded indexes (one may hold a corrupted chunk), so that trying again starts afresh. */
function forget(langs: Lang[]): void {
  for (const lang of langs) {
    loaded.delete(lang);
    facetsLoaded.delete(lang);
  }
}

/** A search that could not run, with what went wrong in words a reader can pass on. */
class SearchFailure extends Error {}

function bundle(lang: Lang, facets: boolean): Promise<SearchIndex> {
  let pf = loaded.get(lang);
  if (!pf) {
    const opening = SearchIndex.open((path) => fetchIndexFile(lang, path));
    loaded.set(lang, (pf = opening));
    // A bundle that failed to open is forgotten, so that trying again fetches it again.
    opening.catch(() => {
      if (loaded.get(lang) === opening) forget([lang]);
    });
  }
  if (!facets) return pf;
  // Filter values are counted in a search only once the filter index is loaded.
  return pf.then(async (module) => {
    let counting = facetsLoaded.get(lang);
    if (!counting) facetsLoaded.set(lang, (counting = module.filters()));
    await counting;
    return module;
  });
}

/** The language whose index a query in this script is searched in, where nobody chose one. */
function scriptLang(text: string): Lang {
  return hasHan(text) && bundles.includes('zh') ? 'zh' : bundles[0]!;
}

/** The search the URL describes. Without a language chosen, a query is searched in its script's language. */
function fromUrl(): State {
  const params = new URLSearchParams(location.search);
  const filters: Record<string, string[]> = {};
  for (const name of new Set(boxes.map((box) => box.name).filter((name) => name !== 'lang'))) {
    const values = params.getAll(name);
    if (values.length > 0) filters[name] = values;
  }
  const q = params.get('q') ?? '';
  const chosen = params.getAll('lang').filter((lang): lang is Lang => bundles.includes(lang as Lang));
  const guess: Lang[] = q.trim() === '' ? bundles : [scriptLang(q)];
  // A month counts only inside its year's filter, so that the filter counts stay those of the year.
  const month = params.get('month') ?? undefined;
  const inYear = month !== undefined && /^\d{4}-\d{2}$/.test(month) && filters.year?.includes(month.slice(0, 4));
  return {
    q,
    sort: params.get('sort') ?? 'relevance',
    langs: chosen.length > 0 ? chosen : guess,
    filters,
    month: inYear ? month : undefined,
  };
}

/** The URL of the form's state; typing replaces the history entry, other changes add one. */
function toUrl(push: boolean): void {
  const params = new URLSearchParams();
  if (input.value.trim()) params.set('q', input.value.trim());
  for (const box of boxes) if (box.checked) params.append(box.name, box.value);
  if (sortSelect.value !== 'relevance') params.set('sort', sortSelect.value);
  // The month chosen on the chart stays while its year does.
  const month = new URLSearchParams(location.search).get('month');
  if (month && params.getAll('year').includes(month.slice(0, 4))) params.set('month', month);
  const url = `${location.pathname}${params.size > 0 ? `?${params}` : ''}`;
  if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
}

/**
 * Results of one or two bundles in one order: by score for relevance, by date otherwise. An
 * answer's data is fetched when its page of results is shown, all of that page's at once.
 */
class Merge {
  private readonly heads: { hit: Hit; data?: Promise<Fragment> }[][];
  private readonly byDate: 'asc' | 'desc' | undefined;
  constructor(lists: Hit[][], byDate: 'asc' | 'desc' | undefined) {
    this.heads = lists.map((hits) => hits.map((hit) => ({ hit })));
    this.byDate = byDate;
  }
  get remaining(): number {
    return this.heads.reduce((sum, hits) => sum + hits.length, 0);
  }
  async take(n: number): Promise<Shown[]> {
    // In flight together: one after another, ten results took ten round trips. Sorting two
    // languages by date needs their dates, so the next n of each are fetched.
    for (const hits of this.heads) for (const head of hits.slice(0, n)) head.data ??= head.hit.data();
    const taken: { hit: Hit; data: Promise<Fragment> }[] = [];
    while (taken.length < n && this.remaining > 0) {
      const live = this.heads.filter((hits) => hits.length > 0);
      if (this.byDate && live.length > 1) {
        const dates = new Map(
          await Promise.all(live.map(async (hits) => [hits, (await hits[0]!.data!).meta.date ?? ''] as const)),
        );
        const sign = this.byDate === 'asc' ? 1 : -1;
        live.sort((a, b) => sign * dates.get(a)!.localeCompare(dates.get(b)!));
      } else if (!this.byDate) live.sort((a, b) => byRelevance(a[0]!.hit, b[0]!.hit));
      const next = live[0]!.shift()!;
      taken.push({ hit: next.hit, data: next.data ?? next.hit.data() });
    }
    return Promise.all(taken.map(async ({ hit, data }) => ({ hit, fragment: await data })));
  }
}

async function searchNow(): Promise<void> {
  const mine = ++run;
  const state = fromUrl();
  input.value = state.q;
  sortSelect.value = state.sort;
  for (const box of boxes) {
    box.checked =
      box.name === 'lang'
        ? new URLSearchParams(location.search).getAll('lang').includes(box.value)
        : (state.filters[box.name]?.includes(box.value) ?? false);
  }
  const browsing = state.q.trim() === '';
  const filtered = Object.keys(state.filters).length > 0;
  if (filtered) refine.open = true;
  if (browsing && !filtered) {
    list.replaceChildren();
    chart.replaceChildren();
    more.hidden = true;
    status.textContent = 'Type a question, a name or a phrase, or choose a filter.';
    for (const [box, count] of staticCounts) box.nextElementSibling!.textContent = count;
    return;
  }
  status.textContent = 'Searching…';
  terms = state.q.replace(/"/g, ' ').split(/\s+/).filter(Boolean);
  const selected = Object.fromEntries(Object.entries(state.filters).map(([name, values]) => [name, { any: values }]));
  const byDate =
    state.sort === 'newest' || (browsing && state.sort === 'relevance')
      ? 'desc'
      : state.sort === 'oldest'
        ? 'asc'
        : undefined;
  const facets = refine.open;
  let searched: Searched[];
  try {
    searched = await runSearches(state, browsing, selected, byDate, facets);
  } catch (error) {
    forget(state.langs);
    if (mine === run) showFailure(error);
    return;
  }
  if (mine !== run) return;
  const searches = searched.map(({ search }) => search);
  queue = new Merge(
    searches.map((search) => search.results),
    byDate,
  );
  const count = queue.remaining;
  // The first answers are asked for before the counts and the chart are drawn, which their round
  // trip then hides (at 10x, the chart's drawing and layout came first: 45-85 ms).
  const showing = showMore(mine);
  if (facets) showCounts(state, searches);
  showTimeline(state, searched);
  list.replaceChildren();
  try {
    await showing;
  } catch (error) {
    forget(state.langs);
    if (mine === run) showFailure(error);
    return;
  }
  if (mine !== run) return;
  const where =
    state.langs.length === bundles.length
      ? ''
      : ` in ${state.langs.map((lang) => (lang === 'zh' ? 'Chinese' : 'English')).join(' and ')}`;
  const when = state.month ? ` in ${monthLabel(state.month)}` : '';
  status.textContent = `${count.toLocaleString('en')} ${count === 1 ? 'answer' : 'answers'}${browsing ? '' : ` for ${state.q}`}${where}${when}`;
}

/**
 * How many of the results fall in each month or year, above them; a bar leads to its period. The
 * counts come from the results' ranks and segments.json (segments.ts): nothing more is fetched.
 */
function showTimeline(state: State, searched: Searched[]): void {
  const byMonth = new Map<string, number>();
  for (const { byMonth: counts } of searched)
    for (const [month, n] of counts) byMonth.set(month, (byMonth.get(month) ?? 0) + n);
  const timeline = timelineOf(byMonth, state.filters.year?.length === 1 ? state.filters.year[0] : undefined);
  chart.innerHTML =
    timeline.bins.length > 1
      ? drawTimeline(timeline, {
          caption: `Answers per ${timeline.unit}${state.month ? `: ${monthLabel(state.month)} chosen` : ''}`,
          href: (bin) => periodHref(bin.key),
          selected: state.month ?? (state.filters.year?.length === 1 ? state.filters.year[0] : undefined),
        })
      : '';
  if (state.month) {
    const whole = document.createElement('p');
    whole.className = 'period-chosen';
    const link = document.createElement('a');
    link.href = periodHref(state.month.slice(0, 4));
    link.textContent = `Show all of ${state.month.slice(0, 4)}`;
    whole.append(link);
    chart.append(whole);
  }
}

/** This search narrowed to a year ("2019") or a month ("2019-03"). */
function periodHref(period: string): string {
  const params = new URLSearchParams(location.search);
  params.delete('year');
  params.delete('month');
  params.append('year', period.slice(0, 4));
  if (period.length > 4) params.set('month', period);
  return `${location.pathname}?${params}`;
}

function runSearches(
  state: State,
  browsing: boolean,
  selected: Record<string, { any: string[] }>,
  byDate: 'asc' | 'desc' | undefined,
  facets: boolean,
): Promise<Searched[]> {
  return Promise.all(
    state.langs.map(async (lang) => {
      const pf = await bundle(lang, facets);
      let search = await pf.search(browsing ? null : toPagefindQuery(state.q), selected);
      for (const looser of browsing ? [] : looserQueries(state.q)) {
        if (search.results.length > 0) break;
        search = await pf.search(looser, selected);
      }
      // A record's rank is its place in date order, so sorting by date needs no sort table.
      if (byDate) search.results.sort((a, b) => (byDate === 'asc' ? 1 : -1) * (a.rank - b.rank));
      const byMonth = new Map<string, number>();
      const months = search.results.map((hit) => hit.month);
      for (const month of months) byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
      if (state.month) search = { ...search, results: search.results.filter((_, i) => months[i] === state.month) };
      return { search, byMonth };
    }),
  );
}

/**
 * Says what went wrong and offers to try again, instead of "Searching…" for ever. A broken or
 * missing index file is not "no results": the reader is told the search could not run.
 */
function showFailure(error: unknown): void {
  list.replaceChildren();
  chart.replaceChildren();
  more.hidden = true;
  const why =
    error instanceof SearchFailure || (error instanceof Error && error.name === 'BundleError')
      ? error.message
      : `the search index could not be read (${error instanceof Error ? error.message : String(error)})`;
  status.textContent = `Search is not working right now: ${why}. `;
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.textContent = 'Try again';
  retry.addEventListener('click', () => void searchNow());
  status.append(retry);
}

async function showMore(mine: number): Promise<void> {
  if (!queue) return;
  const page = await queue.take(PAGE);
  if (mine !== run) return;
  for (const result of page) list.append(renderResult(result));
  more.hidden = queue.remaining === 0;
}

function renderResult({ hit, fragment: { url, content, meta } }: Shown): HTMLLIElement {
  const item = document.createElement('li');
  item.lang = meta.lang === 'zh' ? 'zh-Hans' : 'en';
  const [path, hash] = url.split('#');
  const href = terms.length > 0 ? `${path}?hl=${encodeURIComponent(terms.join(' '))}#${hash}` : url;
  const quote =
    meta.lang === 'zh'
      ? hanExcerpt(content, terms, undefined, wholeWordStart(content, hit.locations))
      : wordExcerpt(content, hit.locations);
  const field = (name: string) => escapeHtml(meta[name] ?? '');
  item.innerHTML = `<a class="question" href="${escapeHtml(href)}">${field('question')}</a><p class="excerpt">${quote}</p><p class="meta"><time datetime="${field('date')}">${field('date')}</time> <span>${field('spokesperson')}</span> <span class="transcript">${field('transcript')}</span>${other(meta)}</p>`;
  return item;
}

/** A link to the same answer in the other language, where the two versions are aligned. */
function other(meta: Record<string, string>): string {
  if (!meta.counterpart) return '';
  const [lang, label] = meta.lang === 'zh' ? ['en', 'English'] : ['zh-Hans', '中文'];
  return ` <a class="other-version" href="${escapeHtml(meta.counterpart)}" hreflang="${lang}" lang="${lang}">${label}</a>`;
}

/** Counts for this search beside each value; in a group with a choice made, as if it were not. */
function showCounts(state: State, searches: Results[]): void {
  const only = Object.keys(state.filters).length === 1 ? Object.keys(state.filters)[0] : undefined;
  for (const box of boxes) {
    let count: number | string = 0;
    if (box.name === 'lang') {
      const i = state.langs.indexOf(box.value as Lang);
      count = i >= 0 ? searches[i]!.results.length : '';
    } else {
      for (const search of searches)
        count += (box.name === only ? search.totalFilters : search.filters)[box.name]?.[box.value] ?? 0;
    }
    box.nextElementSibling!.textContent = String(count);
  }
}

/** The languages a search of `text` will run in: those chosen, else its script's. */
function likelyLangs(text: string): Lang[] {
  const chosen = boxes.filter((box) => box.name === 'lang' && box.checked).map((box) => box.value as Lang);
  return chosen.length > 0 ? chosen : [scriptLang(text)];
}

/**
 * Opens the indexes a search is about to need, and fetches the chunks of the words typed so far,
 * so that the reader's typing hides their cost (at 10x, a few hundred milliseconds to open an
 * index): from the first keystroke, or the first key an input method composes (Chinese is typed
 * in pinyin, then chosen). Not on focus: before a key, which language's index is a guess, and a
 * wrong guess costs a reader of the other about 100 KiB. A failure shows on the search itself.
 */
function prepare(text: string, langs = likelyLangs(text)): void {
  const words = wordsToFetch(text);
  for (const lang of langs) {
    const opening = bundle(lang, false);
    // Only for what the box still holds once the index is open: not every prefix typed meanwhile.
    const fetching = words
      ? opening.then((index) => (input.value === text ? index.preload(toPagefindQuery(words)) : undefined))
      : opening;
    fetching.catch(() => undefined);
  }
}

let typing: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('compositionstart', () => {
  // A search the keys before asked for must not run on the pinyin the box now holds.
  clearTimeout(typing);
  if (bundles.includes('zh')) prepare('', ['zh']);
});

/** What an edit of the box does: the index prepared at once, the search once typing pauses. */
function typed(): void {
  // An emptied box says nothing of the language coming: guessing opened the English index (100 KiB
  // at 10x) for readers clearing a Chinese query to type the next.
  if (input.value.trim() !== '') prepare(input.value);
  clearTimeout(typing);
  typing = setTimeout(() => {
    toUrl(false);
    void searchNow();
  }, 250);
}
// While an input method composes, the box holds its pinyin, not the query: the query is what it ends with.
input.addEventListener('input', (event) => {
  if (!event.isComposing) typed();
});
input.addEventListener('compositionend', typed);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typing);
  toUrl(true);
  void searchNow();
});
form.addEventListener('change', (event) => {
  if (event.target === input) return;
  toUrl(true);
  void searchNow();
});
refine.addEventListener('toggle', () => {
  if (refine.open && location.search) void searchNow();
});
more.addEventListener('click', () => void showMore(run).catch(showFailure));
// A bar (or a row of the figures) narrows this search without reloading the page.
chart.addEventListener('click', (event) => {
  const link = (event.target as Element).closest('a');
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  history.pushState(null, '', link.getAttribute('href'));
  void searchNow();
});
addEventListener('popstate', () => void searchNow());
void searchNow();
