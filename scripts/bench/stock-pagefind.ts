/**
 * Stock Pagefind over the same answers, for the search benchmark to measure Lectern against
 * (`npm run bench:search`): one record per answer (its question and answer), indexed through
 * Pagefind's Node API, and a minimal search page per language running Pagefind 1.6's own
 * pagefind.js as its documentation recommends (initialised on load, `preload` as the reader
 * types, ten results' data fetched). It speaks the benchmark's page interface: `#q`, Enter, and
 * `#search-status` saying "N answers for …".
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Answer } from './corpus.ts';

/** The page, in the language whose index pagefind.js opens (it reads the page's `lang`). */
function searchPage(lang: string): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>Stock Pagefind</title></head>
<body>
<form id="form"><input id="q" autocomplete="off"></form>
<p id="search-status"></p>
<ol id="results"></ol>
<script type="module">
const pagefind = await import('/pagefind/pagefind.js');
await pagefind.options({ basePath: '/pagefind/' });
pagefind.init();
const q = document.querySelector('#q');
const status = document.querySelector('#search-status');
const list = document.querySelector('#results');
q.addEventListener('input', (event) => { if (!event.isComposing && q.value.trim()) pagefind.preload(q.value); });
async function run(text) {
  status.textContent = 'Searching…';
  const search = await pagefind.search(text);
  const data = await Promise.all(search.results.slice(0, 10).map((result) => result.data()));
  list.replaceChildren(...data.map((found) => {
    const item = document.createElement('li');
    item.innerHTML = '<a href="' + found.url + '">' + found.meta.title + '</a><p>' + found.excerpt + '</p>';
    return item;
  }));
  status.textContent = search.results.length + ' answers for ' + text;
}
document.querySelector('#form').addEventListener('submit', (event) => { event.preventDefault(); void run(q.value); });
const asked = new URLSearchParams(location.search).get('q');
if (asked) { q.value = asked; void run(asked); }
</script>
</body></html>
`;
}

/**
 * Writes the stock site into `dir`: /pagefind/ (every answer), /search/ (English) and
 * /zh/search/ (Chinese). Returns where each language's search page is, from the site's root.
 */
export async function buildStockSite(answers: Answer[], dir: string): Promise<Record<'en' | 'zh', string>> {
  rmSync(dir, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({});
  if (!index || errors.length > 0) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  for (let i = 0; i < answers.length; i += 500) {
    const added = await Promise.all(
      answers.slice(i, i + 500).map((answer, j) =>
        index.addCustomRecord({
          url: `/a/${i + j}/`,
          content: `${answer.question}\n${answer.answer}`,
          language: answer.lang,
          meta: { title: answer.question.slice(0, 200), date: answer.date },
        }),
      ),
    );
    for (const { errors: rejected } of added) if (rejected.length > 0) throw new Error(rejected.join('; '));
  }
  const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
  if (written.errors.length > 0) throw new Error(written.errors.join('; '));
  await pagefind.close();
  for (const [lang, path] of [
    ['en', 'search'],
    ['zh-cn', 'zh/search'],
  ] as const) {
    mkdirSync(join(dir, path), { recursive: true });
    writeFileSync(join(dir, path, 'index.html'), searchPage(lang));
  }
  return { en: '/search/', zh: '/zh/search/' };
}
