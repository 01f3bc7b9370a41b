/**
 * The search page: Pagefind in the browser, one result per answer. Each language has its own
 * Pagefind bundle (pagefind/en/, pagefind/zh/): a query loads the bundle of its language, or both.
 * The whole search lives in the URL (?q=&lang=&spokesperson=&year=&kind=&topic=&sort=), so it
 * can be shared, reloaded and stepped back through.
 */
import { hasHan, toPagefindQuery } from '../lib/search/cjk.ts';

interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  search: (term: string | null, options: Record<string, unknown>) => Promise<Search>;
  filters: () => Promise<Counts>;
}
type Counts = Record<string, Record<string, number>>;
interface Hit {
  score: number;
  data: () => Promise<Result>;
}
interface Search {
  results: Hit[];
  filters: Counts;
  totalFilters: Counts;
}
interface Result {
  url: string;
  excerpt: string;
  meta: { question: string; text?: string; date: string; spokesperson: string; transcript: string; lang: string };
}
type Lang = 'en' | 'zh';

const FILTERS = ['spokesperson', 'year', 'kind', 'topic'];
const LANGS: Record<Lang, string> = { en: 'English', zh: '中文' };
const PAGE = 10;
const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
const sortSelect = form.querySelector<HTMLSelectElement>('select[name=sort]')!;
const langBox = document.querySelector<HTMLElement>('#langs')!;
const filtersBox = document.querySelector<HTMLElement>('#filters')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#results')!;
const more = document.querySelector<HTMLButtonElement>('#more')!;
const bundles = (form.dataset.bundles ?? 'en').split(' ') as Lang[];
const loaded: Partial<Record<Lang, Promise<Pagefind>>> = {};
let queue: Merge | undefined;
let terms: string[] = [];
let run = 0;

function bundle(lang: Lang): Promise<Pagefind> {
  return (loaded[lang] ??= (import(/* @vite-ignore */ `/pagefind/${lang}/pagefind.js`) as Promise<Pagefind>).then(
    async (pf) => {
      await pf.options({ excerptLength: 36 });
      // Pagefind counts filter values in a search only once its filter index is loaded.
      await pf.filters();
      return pf;
    },
  ));
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!);

interface State {
  q: string;
  sort: string;
  langs: Lang[];
  filters: Record<string, string[]>;
}

/** The search the URL describes. Without a language chosen, a query is searched in its own script's language. */
function fromUrl(): State {
  const params = new URLSearchParams(location.search);
  const filters: Record<string, string[]> = {};
  for (const name of FILTERS) {
    const values = params.getAll(name);
    if (values.length > 0) filters[name] = values;
  }
  const q = params.get('q') ?? '';
  const chosen = params.getAll('lang').filter((lang): lang is Lang => bundles.includes(lang as Lang));
  const guess: Lang[] = q.trim() === '' ? bundles : [hasHan(q) && bundles.includes('zh') ? 'zh' : bundles[0]!];
  return { q, sort: params.get('sort') ?? 'relevance', langs: chosen.length > 0 ? chosen : guess, filters };
}

/** The URL of the form's state; typing replaces the history entry, other changes add one. */
function toUrl(push: boolean): void {
  const params = new URLSearchParams();
  if (input.value.trim()) params.set('q', input.value.trim());
  for (const box of form.querySelectorAll<HTMLInputElement>('fieldset input:checked')) params.append(box.name, box.value);
  if (sortSelect.value !== 'relevance') params.set('sort', sortSelect.value);
  const url = `${location.pathname}${params.size > 0 ? `?${params}` : ''}`;
  if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
}

/**
 * Results of one or two bundles in one order: by score for relevance, by date otherwise. Fetches
 * each answer's data only when it is next to be shown (one ahead per bundle when sorting by date).
 */
class Merge {
  private heads: { hit: Hit; data?: Result }[][];
  constructor(
    lists: Hit[][],
    private byDate: 'asc' | 'desc' | undefined,
  ) {
    this.heads = lists.map((hits) => hits.map((hit) => ({ hit })));
  }
  get remaining(): number {
    return this.heads.reduce((sum, hits) => sum + hits.length, 0);
  }
  async take(n: number): Promise<Result[]> {
    const taken: Result[] = [];
    while (taken.length < n && this.remaining > 0) {
      const live = this.heads.filter((hits) => hits.length > 0);
      if (this.byDate) await Promise.all(live.map(async (hits) => (hits[0]!.data ??= await hits[0]!.hit.data())));
      const sign = this.byDate === 'asc' ? 1 : -1;
      live.sort((a, b) =>
        this.byDate ? sign * a[0]!.data!.meta.date.localeCompare(b[0]!.data!.meta.date) : b[0]!.hit.score - a[0]!.hit.score,
      );
      const next = live[0]!.shift()!;
      taken.push(next.data ?? (await next.hit.data()));
    }
    return taken;
  }
}

async function searchNow(): Promise<void> {
  const mine = ++run;
  const state = fromUrl();
  input.value = state.q;
  sortSelect.value = state.sort;
  const browsing = state.q.trim() === '';
  const filtered = Object.keys(state.filters).length > 0;
  terms = state.q.replace(/"/g, ' ').split(/\s+/).filter(Boolean);
  const selected = Object.fromEntries(Object.entries(state.filters).map(([name, values]) => [name, { any: values }]));
  const byDate = state.sort === 'newest' || (browsing && state.sort === 'relevance') ? 'desc' : state.sort === 'oldest' ? 'asc' : undefined;
  const searches = await Promise.all(
    state.langs.map(async (lang) => {
      const pf = await bundle(lang);
      if (browsing && !filtered) return { results: [], filters: await pf.filters(), totalFilters: {} } as Search;
      return pf.search(browsing ? null : toPagefindQuery(state.q), {
        filters: selected,
        ...(byDate && { sort: { date: byDate } }),
      });
    }),
  );
  if (mine !== run) return;
  renderLangs(state, searches);
  renderFilters(searches, state.filters);
  queue = new Merge(
    searches.map((search) => search.results),
    byDate,
  );
  const count = queue.remaining;
  list.replaceChildren();
  status.textContent =
    browsing && !filtered
      ? 'Type a question, a name or a phrase, or choose a filter.'
      : `${count.toLocaleString('en')} ${count === 1 ? 'answer' : 'answers'}${browsing ? '' : ` for ${state.q}`}`;
  await showMore(mine);
}

async function showMore(mine: number): Promise<void> {
  if (!queue) return;
  const page = await queue.take(PAGE);
  if (mine !== run) return;
  for (const result of page) list.append(renderResult(result));
  more.hidden = queue.remaining === 0;
}

function renderResult({ url, excerpt, meta }: Result): HTMLLIElement {
  const item = document.createElement('li');
  item.lang = meta.lang === 'zh' ? 'zh-Hans' : 'en';
  const [path, hash] = url.split('#');
  const href = terms.length > 0 ? `${path}?hl=${encodeURIComponent(terms.join(' '))}#${hash}` : url;
  const quote = meta.text !== undefined ? hanExcerpt(meta.text) : excerpt;
  item.innerHTML = `<a class="question" href="${escapeHtml(href)}">${escapeHtml(meta.question)}</a><p class="excerpt">${quote}</p><p class="meta"><time datetime="${escapeHtml(meta.date)}">${escapeHtml(meta.date)}</time> <span>${escapeHtml(meta.spokesperson)}</span> <span class="transcript">${escapeHtml(meta.transcript)}</span></p>`;
  return item;
}

/** An excerpt of Chinese text around the first term found, terms marked (Pagefind's would show bigrams). */
function hanExcerpt(text: string): string {
  const found = terms.map((term) => text.indexOf(term)).filter((at) => at >= 0);
  const start = Math.max(0, (found.length > 0 ? Math.min(...found) : 0) - 40);
  const slice = text.slice(start, start + 120);
  let html = escapeHtml(slice);
  for (const term of terms.filter((t) => slice.includes(t))) {
    html = html.split(escapeHtml(term)).join(`<mark>${escapeHtml(term)}</mark>`);
  }
  return `${start > 0 ? '…' : ''}${html}${start + 120 < text.length ? '…' : ''}`;
}

function checkbox(name: string, value: string, label: string, count: number | undefined, checked: boolean): HTMLLabelElement {
  const element = document.createElement('label');
  const box = Object.assign(document.createElement('input'), { type: 'checkbox', name, value, checked });
  const counter = Object.assign(document.createElement('span'), { className: 'count', textContent: count ?? '' });
  element.append(box, ` ${label} `, counter);
  return element;
}

function renderLangs(state: State, searches: Search[]): void {
  const group = document.createElement('fieldset');
  group.innerHTML = '<legend>Language</legend>';
  for (const lang of bundles) {
    const i = state.langs.indexOf(lang);
    const count = i >= 0 && !(state.q.trim() === '' && Object.keys(state.filters).length === 0) ? searches[i]!.results.length : undefined;
    group.append(checkbox('lang', lang, LANGS[lang], count, i >= 0));
  }
  langBox.replaceChildren(group);
}

/** Each filter value with its count; in a group with a choice made, counts as if it were not. */
function renderFilters(searches: Search[], selected: Record<string, string[]>): void {
  const sum = (name: string): Record<string, number> => {
    const totals: Record<string, number> = {};
    for (const search of searches) {
      const counts = selected[name] && Object.keys(selected).length === 1 ? search.totalFilters : search.filters;
      for (const [value, count] of Object.entries(counts[name] ?? {})) totals[value] = (totals[value] ?? 0) + count;
    }
    return totals;
  };
  filtersBox.replaceChildren(
    ...FILTERS.map((name) => [name, sum(name)] as const)
      .filter(([, counts]) => Object.keys(counts).length > 0)
      .map(([name, counts]) => {
        const group = document.createElement('fieldset');
        group.innerHTML = `<legend>${name[0]!.toUpperCase()}${name.slice(1)}</legend>`;
        const values = Object.entries(counts).sort(([a, x], [b, y]) => (name === 'year' ? b.localeCompare(a) : y - x || a.localeCompare(b)));
        for (const [value, count] of values) group.append(checkbox(name, value, value, count, selected[name]?.includes(value) ?? false));
        return group;
      }),
  );
}

let typing: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(() => {
    toUrl(false);
    void searchNow();
  }, 250);
});
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
more.addEventListener('click', () => void showMore(run));
addEventListener('popstate', () => void searchNow());
void searchNow();
