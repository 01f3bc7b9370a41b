/**
 * The search page's view and wiring: it reads the form and the URL, runs the search (searches.ts)
 * in each language's index (index-files.ts, one Pagefind bundle per language: pagefind/en/,
 * pagefind/zh/), and shows the results a page at a time (merge.ts, render.ts), the chart and the
 * filter counts. The whole search lives in the URL (url-state.ts). Filter counts come with the
 * page; Pagefind's own (per query) are fetched only once the reader opens the filters or uses
 * one, so a plain query downloads no filter index.
 */
import { toPagefindQuery, wordsToFetch } from '../../lib/search/cjk.ts';
import { drawTimeline, monthLabel, timelineOf } from '../../lib/timeline.ts';
import type { Lang } from '../../schemas/transcript.ts';
import type { VocabularyEntry } from '../../lib/search/vocabulary.ts';
import { type NamedEntity, entityBucketPath, entityFor } from './entity-offer.ts';
import { afterHeadScript } from './handoff.ts';
import { hintsFor, needsVocabulary } from './hints.ts';
import { SearchFailure } from './index-files.ts';
import { ResultMerge } from './merge.ts';
import { readyList, readyResults } from './ready.ts';
import { readyKeyOf, showReadyResults } from './ready-view.ts';
import { FIRST_PAGE as PAGE, SearchWorker } from './search-worker.ts';
import { resultHtml, termsOf } from '../../lib/search/result-html.ts';
import { coverageNote, failureText, summary } from './render.ts';
import { type Searched, filterCount, monthCounts, runSearches, topValues } from './searches.ts';
import { Steps } from './steps.ts';
import { type SearchState, dateOrder, periodQuery, queryOf, scriptLang, searchKey, stateOf } from './url-state.ts';

// When the page's script began, from navigation: the first step of a search opened from a link.
performance.mark('lectern:search:script');

/** How many entities the entity filter lists: the most named in the results. */
const ENTITIES_SHOWN = 12;
const KIND_NAMES = { place: 'Place', person: 'Person', organisation: 'Organisation' } as const;

function startSearchPage(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('#q')!;
  const sortSelect = form.querySelector<HTMLSelectElement>('#sort')!;
  const refine = form.querySelector<HTMLDetailsElement>('#refine')!;
  const status = document.querySelector<HTMLElement>('#search-status')!;
  const list = document.querySelector<HTMLOListElement>('#results')!;
  const more = document.querySelector<HTMLButtonElement>('#more')!;
  const chart = document.querySelector<HTMLElement>('#timeline')!;
  const offer = document.querySelector<HTMLElement>('#entity-offer')!;
  const bundles = (form.dataset.bundles ?? 'en').split(' ') as Lang[];
  let boxes = [...form.querySelectorAll<HTMLInputElement>('fieldset input')];
  const staticCounts = new Map(boxes.map((box) => [box, box.nextElementSibling?.textContent ?? '']));
  const entityList = form.querySelector<HTMLFieldSetElement>('#entity-facet');
  /** The entity boxes the page came with (the most named overall), for a search with no filter open. */
  const entityBoxes = entityList ? [...entityList.querySelectorAll('label')] : [];
  const legendAndLink = (): { legend: Node[]; link: Node[] } => ({
    legend: [...entityList!.querySelectorAll('legend')],
    link: [...entityList!.querySelectorAll('a.all-entities')],
  });
  // Started by the head script (early.ts); started here if that has not run yet.
  const indexes = SearchWorker.of(document.querySelector<HTMLScriptElement>('#search-worker')!.dataset.worker!);
  let queue: ResultMerge | undefined;
  /** The entities with a page and their names, by bucket, each fetched the first time a query falls in it (entity-offer.ts). */
  const named = new Map<string, Promise<NamedEntity[]>>();
  /** The English words, fetched the first time a search finds nothing (hints.ts). */
  let vocabulary: Promise<VocabularyEntry[] | undefined> | undefined;
  let terms: string[] = [];
  let run = 0;
  /** A search begun while the reader typed (`prepare`), for the search it would be. */
  let ahead: { key: string; searched: Promise<Searched[]> } | undefined;

  const stateIn = (search: string): SearchState =>
    stateOf(
      search,
      boxes.map((box) => box.name),
      bundles,
    );
  const current = (): SearchState => stateIn(location.search);

  /** The query string the form's state would put in the URL, with `q` for the box. */
  const formQuery = (q = input.value): string =>
    queryOf(
      {
        q,
        checked: boxes.filter((box) => box.checked).map((box) => [box.name, box.value]),
        sort: sortSelect.value,
      },
      location.search,
    );

  /** The URL of the form's state; typing replaces the history entry, other changes add one. */
  const toUrl = (push: boolean): void => {
    const url = `${location.pathname}${formQuery()}`;
    if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
  };

  const searchNow = async (): Promise<void> => {
    const mine = ++run;
    // The page's state, for tests to read rather than wait and guess: searches begun so far.
    form.dataset.searches = String(run);
    const state = current();
    input.value = state.q;
    sortSelect.value = state.sort;
    // An entity chosen on its own page may not be among those listed: it gets a box of its own.
    if (entityList)
      showEntities(
        (state.filters.entity ?? []).map((value) => [value, undefined]),
        false,
      );
    const chosenLangs = new URLSearchParams(location.search).getAll('lang');
    for (const box of boxes) {
      box.checked =
        box.name === 'lang' ? chosenLangs.includes(box.value) : (state.filters[box.name]?.includes(box.value) ?? false);
    }
    const browsing = state.q.trim() === '';
    const filtered = Object.keys(state.filters).length > 0;
    if (filtered) refine.open = true;
    if (browsing && !filtered) {
      list.replaceChildren();
      delete list.dataset.ready;
      chart.replaceChildren();
      offer.replaceChildren();
      more.hidden = true;
      status.textContent = 'Type a question, a name or a phrase, or choose a filter.';
      for (const [box, count] of staticCounts) box.nextElementSibling!.textContent = count;
      if (entityList) {
        const { legend, link } = legendAndLink();
        entityList.replaceChildren(...legend, ...entityBoxes, ...link);
      }
      boxes = [...form.querySelectorAll<HTMLInputElement>('fieldset input')];
      return;
    }
    // The head script may have shown this search's ready results already (early.ts).
    if (list.dataset.ready !== readyKeyOf(state)) status.textContent = 'Searching…';
    terms = termsOf(state.q);
    const byDate = dateOrder(state);
    const facets = refine.open;
    const steps = new Steps(mine);
    const key = searchKey(state, facets);
    queue = undefined;
    let searched: Searched[];
    let shownReady: string[] | undefined;
    try {
      const expected = state.q.trim() === '' ? undefined : toPagefindQuery(state.q);
      const opening = Promise.all(state.langs.map((lang) => indexes.index(lang, facets, expected)));
      // Its failure is this search's, reported once it is awaited.
      opening.catch(() => undefined);
      // A likely query's first page is ready in a file (ready.ts): shown while the index opens.
      shownReady = await showReady(state, mine);
      if (shownReady) steps.done('ready');
      await opening;
      steps.done('open');
      // Begun while the reader typed, if this is what they typed: its results and the first page's
      // fragments are then on their way or in.
      const searching =
        ahead?.key === key
          ? ahead.searched
          : runSearches(state, byDate, (lang) => indexes.index(lang, facets), shownReady ? 0 : PAGE);
      ahead = { key, searched: searching };
      searched = await searching;
      steps.done('query');
    } catch (error) {
      forget(state.langs);
      if (mine === run) showFailure(error);
      return;
    }
    if (mine !== run) return;
    const searches = searched.map(({ search }) => search);
    queue = new ResultMerge(
      searches.map((search) => search.results),
      byDate,
    );
    const count = queue.remaining;
    // The results first; the chart and the filter counts once they are shown. Ready results are
    // the first page already, unless the index says otherwise (a file from before a deploy).
    const readyFirst = shownReady && queue.peek(PAGE).join(' ') === shownReady.join(' ');
    try {
      if (readyFirst) {
        queue.skip(PAGE);
        more.hidden = queue.remaining === 0;
      } else await showMore(mine, steps, true);
    } catch (error) {
      forget(state.langs);
      if (mine === run) showFailure(error);
      return;
    }
    if (mine !== run) return;
    status.textContent = summary(count, state, bundles);
    if (!shownReady) steps.done('shown');
    if (facets) {
      if (entityList) showEntities(topValues(state, searches, 'entity', ENTITIES_SHOWN), true);
      for (const box of boxes)
        box.nextElementSibling!.textContent = String(filterCount(state, searches, box.name, box.value));
    }
    showTimeline(state, searched);
    steps.done('chart');
    void offerEntity(state, mine);
    if (count === 0 && state.q.trim() !== '') await showHints(state, mine);
  };

  /**
   * The entity boxes: with `replace`, those these results name most (`values`) and the ones chosen;
   * else those listed with a box added for each of `values` missing. A box keeps its state.
   */
  const showEntities = (values: [value: string, count: number | undefined][], replace: boolean): void => {
    const byValue = new Map(
      [...entityList!.querySelectorAll<HTMLInputElement>('input')].map((box) => [box.value, box.closest('label')!]),
    );
    const chosen = boxes.filter((box) => box.name === 'entity' && box.checked).map((box) => box.value);
    const wanted = replace ? [...new Set([...values.map(([value]) => value), ...chosen])] : [...byValue.keys()];
    if (!replace) for (const [value] of values) if (!wanted.includes(value)) wanted.push(value);
    const labels = wanted.map((value) => {
      const held = byValue.get(value);
      if (held) return held;
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = 'entity';
      box.value = value;
      box.checked = chosen.includes(value) || !replace;
      const count = document.createElement('span');
      count.className = 'count';
      label.append(box, ` ${value} `, count);
      return label;
    });
    const { legend, link } = legendAndLink();
    entityList!.replaceChildren(...legend, ...labels, ...link);
    boxes = [...form.querySelectorAll<HTMLInputElement>('fieldset input')];
  };

  /**
   * Where the query is an entity's name, its page above the results, and all its answers in both
   * languages: the list of names is fetched once, after a first query's results are shown.
   */
  const offerEntity = async (state: SearchState, mine: number): Promise<void> => {
    offer.replaceChildren();
    if (!entityList || state.q.trim() === '') return;
    const path = entityBucketPath(state.q);
    let bucket = named.get(path);
    if (!bucket) {
      bucket = fetch(path)
        .then((response) => (response.ok ? (response.json() as Promise<NamedEntity[]>) : []))
        .catch(() => []);
      named.set(path, bucket);
    }
    const entity = entityFor(state.q, await bucket);
    if (!entity || mine !== run) return;
    const page = document.createElement('a');
    page.href = entity.path;
    page.textContent = entity.filter;
    const all = document.createElement('a');
    all.href = `${location.pathname}?${new URLSearchParams({ entity: entity.filter })}`;
    all.textContent = 'all answers naming it, both languages';
    offer.append(`${KIND_NAMES[entity.kind]}: `, page, ', its own page; or ', all, '.');
  };

  /**
   * A search's ready results (ready.ts), if it is a plain query in one language that the build
   * made ready: its file fetched once the list names it.
   */
  const readyFor = (state: SearchState): ReturnType<typeof readyResults> => {
    const plain = Object.keys(state.filters).length === 0 && !state.month && !dateOrder(state);
    if (!plain || state.langs.length !== 1 || state.q.trim() === '') return Promise.resolve(undefined);
    return readyResults(state.langs[0]!, toPagefindQuery(state.q));
  };

  /**
   * Shows a plain query's ready first page and count (ready.ts), if the build made it ready:
   * returns the places shown, for the index's search to take over from. Not for filters, another
   * order, or two languages at once: those are searched.
   */
  const showReady = async (state: SearchState, mine: number): Promise<string[] | undefined> => {
    const found = await readyFor(state);
    if (!found || mine !== run) return undefined;
    const places = showReadyResults({ list, status }, found, state, bundles);
    if (!places) return undefined;
    // The rest, the chart and the filter counts come with the index's search.
    more.hidden = true;
    chart.replaceChildren();
    offer.replaceChildren();
    return places;
  };

  /** Drops the languages' indexes after a failure, and any search begun in them. */
  const forget = (langs: Lang[]): void => {
    indexes.forget(langs);
    ahead = undefined;
  };

  /** After a search that found nothing: the other language, or the nearest words (hints.ts). */
  const showHints = async (state: SearchState, mine: number): Promise<void> => {
    if (needsVocabulary(state)) {
      vocabulary ??= fetch('/search/words-en.json')
        .then((response) => (response.ok ? (response.json() as Promise<VocabularyEntry[]>) : undefined))
        .catch(() => undefined);
    }
    const hints = hintsFor(state, location.search, bundles, needsVocabulary(state) ? await vocabulary : undefined);
    if (mine !== run) return;
    for (const hint of hints) {
      const line = document.createElement('span');
      line.className = 'hint-line';
      const link = document.createElement('a');
      link.href = `${location.pathname}${hint.query}`;
      link.textContent = hint.text;
      line.append(` ${hint.lead} `, link, hint.lead.startsWith('Did') ? '?' : '.');
      status.append(line);
    }
  };

  /**
   * How many of the results fall in each month or year, above them; a bar leads to its period. The
   * counts come from the results' ranks and segments.json: nothing more is fetched.
   */
  const showTimeline = (state: SearchState, searched: Searched[]): void => {
    const year = state.filters.year?.length === 1 ? state.filters.year[0] : undefined;
    const timeline = timelineOf(monthCounts(searched), year);
    const periodHref = (period: string) => `${location.pathname}${periodQuery(location.search, period)}`;
    chart.innerHTML =
      timeline.bins.length > 1
        ? drawTimeline(timeline, {
            caption: [
              `Answers per ${timeline.unit}${state.month ? `: ${monthLabel(state.month)} chosen` : ''}`,
              coverageNote(state, form.dataset.firsts ?? ''),
            ]
              .filter(Boolean)
              .join('. '),
            href: (bin) => periodHref(bin.key),
            selected: state.month ?? year,
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
  };

  /** Says what went wrong and offers to try again, instead of "Searching…" for ever. */
  const showFailure = (error: unknown): void => {
    list.replaceChildren();
    delete list.dataset.ready;
    chart.replaceChildren();
    offer.replaceChildren();
    more.hidden = true;
    status.textContent = failureText(error, (e) => e instanceof SearchFailure);
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.textContent = 'Try again';
    retry.addEventListener('click', () => void searchNow());
    status.append(retry);
  };

  /** The next page of results; the first replaces what the list showed. */
  const showMore = async (mine: number, steps?: Steps, first = false): Promise<void> => {
    if (!queue) return;
    const page = await queue.take(PAGE);
    steps?.done('fragments');
    if (mine !== run) return;
    if (first) {
      list.replaceChildren();
      delete list.dataset.ready;
    }
    for (const result of page) {
      const item = document.createElement('li');
      const { lang, html } = resultHtml(result, terms);
      item.lang = lang;
      item.innerHTML = html;
      list.append(item);
    }
    more.hidden = queue.remaining === 0;
    steps?.done('render');
  };

  /** The languages a search of `text` will run in: those chosen, else its script's. */
  const likelyLangs = (text: string): Lang[] => {
    const chosen = boxes.filter((box) => box.name === 'lang' && box.checked).map((box) => box.value as Lang);
    return chosen.length > 0 ? chosen : [scriptLang(text, bundles)];
  };

  /**
   * Opens the indexes a search is about to need, and fetches the chunks of the words typed so far,
   * so that the reader's typing hides their cost: from the first keystroke, or the first key an
   * input method composes (Chinese is typed in pinyin, then chosen), or earlier (`openAhead`).
   * A failure shows on the search itself.
   */
  const prepare = (text: string, langs = likelyLangs(text)): void => {
    // A ready query's file (ready.ts) is on its way from the key that completes it.
    if (text.trim() !== '') void readyFor(stateIn(formQuery(text)));
    const words = wordsToFetch(text);
    const fetching = Promise.all(
      langs.map((lang) => {
        const opening = indexes.index(lang, false, words ? toPagefindQuery(words) : undefined);
        // Only for what the box still holds once the index is open: not every prefix typed meanwhile.
        return words
          ? opening.then((index) => (input.value === text ? index.preload(toPagefindQuery(words)) : undefined))
          : opening;
      }),
    );
    // Every word's chunks fetched (none left to a search to fetch): search `text` ahead.
    const whole = words !== '' && words === text.trim().replace(/\s+/g, ' ');
    fetching
      .then(() => {
        if (whole) searchAhead(text);
      })
      .catch(() => undefined);
  };

  /**
   * Runs the search the box would ask for, if it still holds `text`, and fetches its first page's
   * fragments, so that Enter (or a pause in typing) finds the results in: the reader's typing
   * hides the search as it hides the chunks' download. Nothing is shown; a prefix's results
   * that the next key changes cost its fragments' download, and a prefix that changes nothing
   * (Huaw, Huawei) costs nothing more.
   */
  const searchAhead = (text: string): void => {
    if (input.value !== text) return;
    const state = stateIn(formQuery(text));
    const facets = refine.open;
    const key = searchKey(state, facets);
    if (ahead?.key === key) return;
    const byDate = dateOrder(state);
    // A ready query's first page is in its file: its fragments are not fetched.
    const ready = readyFor(state);
    const searched = ready.then((found) =>
      runSearches(state, byDate, (lang) => indexes.index(lang, facets), found ? 0 : PAGE),
    );
    ahead = { key, searched };
    // A search that failed ahead is tried afresh when asked for.
    searched.catch(() => {
      if (ahead?.searched === searched) ahead = undefined;
    });
    Promise.all([searched, ready])
      .then(([found, isReady]) =>
        input.value === text && !isReady
          ? new ResultMerge(
              found.map(({ search }) => search.results),
              byDate,
            ).take(PAGE)
          : undefined,
      )
      .catch(() => undefined);
  };

  /**
   * The language a reader who has not typed yet will search in: the first of the browser's
   * languages that has an index, else the site's first.
   */
  const readersLang = (): Lang => {
    for (const tag of navigator.languages) {
      const lang = bundles.find((bundle) => tag.toLowerCase().startsWith(bundle));
      if (lang) return lang;
    }
    return bundles[0]!;
  };

  /**
   * Opens the reader's language's index once the page is loaded and idle, while the box has focus
   * (it has on arrival): the half second of WebAssembly and metadata a first query waited for is
   * then spent while the reader thinks of a word. A guess from the browser's languages; a reader
   * who then types in the other language's script opens that index too (about 60 KiB more).
   */
  const openAhead = (): void => {
    const open = () => {
      if (document.activeElement !== input || input.value.trim() !== '') return;
      prepare('', [readersLang()]);
      // The list of ready queries (ready.ts), for the first key that completes one to fetch its file.
      void readyList(readersLang());
    };
    const idle = () =>
      'requestIdleCallback' in window ? requestIdleCallback(open, { timeout: 2000 }) : setTimeout(open, 200);
    if (document.readyState === 'complete') idle();
    else addEventListener('load', idle, { once: true });
  };
  input.addEventListener('focus', openAhead, { once: true });
  if (document.activeElement === input) openAhead();

  /** The search typing asked for, once typing pauses; `data-pending` on the form while it waits. */
  let typing: ReturnType<typeof setTimeout> | undefined;
  const cancelTyped = (): void => {
    clearTimeout(typing);
    delete form.dataset.pending;
  };
  input.addEventListener('compositionstart', () => {
    // A search the keys before asked for must not run on the pinyin the box now holds.
    cancelTyped();
    if (bundles.includes('zh')) {
      prepare('', ['zh']);
      void readyList('zh');
    }
  });

  /** What an edit of the box does: the index prepared at once, the search once typing pauses. */
  const typed = (): void => {
    // An emptied box says nothing of the language coming: guessing would open the other
    // language's index for readers clearing a Chinese query to type the next.
    if (input.value.trim() !== '') prepare(input.value);
    cancelTyped();
    form.dataset.pending = 'search';
    typing = setTimeout(() => {
      delete form.dataset.pending;
      toUrl(false);
      void searchNow();
    }, 250);
  };
  // While an input method composes, the box holds its pinyin, not the query: the query is what it ends with.
  input.addEventListener('input', (event) => {
    if (!event.isComposing) typed();
  });
  input.addEventListener('compositionend', typed);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    cancelTyped();
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
}

const form = document.querySelector<HTMLFormElement>('#search-form');
if (form)
  void afterHeadScript().then(() => {
    startSearchPage(form);
  });
