/**
 * What the feeds, sitemap, open data and charts (issue #14) add to a build, and whether the open
 * data holds every answer the site publishes: row for row and word for word, over the whole corpus.
 * Used by the build benchmark.
 */
import { langs } from '../../src/schemas/transcript.ts';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import { selectAll } from 'hast-util-select';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { answerRow, turnTexts } from '../../src/lib/data/rows.ts';
import { plainText } from '../../src/plugins/to-html.ts';

/** The routes of #14: feeds, open data, each transcript's JSON, topic pages, robots.txt. */
const REUSE_ROUTE = /^\/(feeds|data|topics)\/|^\/remarks\/.*\.json$|^\/robots\.txt$/;

/** The time Astro reports rendering those routes (its "(+12ms)" after each), and how many there are. */
export function reuseRoutes(output: string): { routes: number; seconds: number } {
  let routes = 0;
  let ms = 0;
  for (const [, path, n, unit] of output.matchAll(/[├└]─ (\S+) \(\+(\d+(?:\.\d+)?)(ms|s)\)/g)) {
    if (!REUSE_ROUTE.test(path!.replace(/index\.html$/, ''))) continue;
    routes++;
    ms += Number(n) * (unit === 's' ? 1000 : 1);
  }
  return { routes, seconds: Math.round(ms / 100) / 10 };
}

/** Answer pages under remarks/: a transcript's page has its JSON beside it, an answer's does not. */
function answerPages(out: string): string[] {
  return readdirSync(join(out, 'remarks'), { recursive: true })
    .map(String)
    .filter((path) => path.endsWith('/index.html'))
    .map((path) => path.replace(/\/index\.html$/, ''))
    .filter((path) => path.includes('/') && !existsSync(join(out, 'remarks', `${path}.json`)));
}

/**
 * answers.jsonl against the answer pages: the same ids, and each row's turns the text its page
 * shows (read from the page's HTML as the site reads text from HTML). `checkText` reads every page.
 */
export function openDataCheck(out: string, checkText: boolean) {
  const rows = gunzipSync(readFileSync(join(out, 'data/answers.jsonl.gz')))
    .toString('utf-8')
    .trimEnd()
    .split('\n')
    .map((line) => answerRow.parse(JSON.parse(line)));
  const pages = new Set(answerPages(out));
  const ids = new Set(rows.map((row) => row.id));
  const textDiffers: string[] = [];
  if (checkText) {
    const parser = unified().use(rehypeParse);
    for (const row of rows) {
      if (!pages.has(row.id)) continue;
      const page = parser.parse(readFileSync(join(out, 'remarks', row.id, 'index.html'), 'utf-8'));
      const beside = new Set(selectAll('.counterpart .turn', page));
      const shown = selectAll('.exchange .turn', page)
        .filter((turn) => !beside.has(turn))
        .map((turn) => plainText({ type: 'root', children: selectAll('.text', turn)[0]?.children ?? [] }));
      if (JSON.stringify(shown) !== JSON.stringify(turnTexts(row))) textDiffers.push(row.id);
    }
  }
  const gz = (path: string) => (existsSync(join(out, path)) ? readFileSync(join(out, path)).length : 0);
  const kib = (bytes: number) => Math.round(bytes / 102.4) / 10;
  return {
    rows: rows.length,
    answerPages: pages.size,
    rowsWithoutPage: [...ids].filter((id) => !pages.has(id)).slice(0, 5),
    pagesWithoutRow: [...pages].filter((id) => !ids.has(id)).slice(0, 5),
    textChecked: checkText,
    textDiffers: textDiffers.slice(0, 5),
    textDiffering: textDiffers.length,
    files: {
      answersJsonlKiB: kib(gz('data/answers.jsonl.gz')),
      answersCsvKiB: kib(gz('data/answers.csv.gz')),
      transcriptsJsonlKiB: kib(gz('data/transcripts.jsonl.gz')),
    },
    // All the chart of results over time downloads: each language's segments.json, gzipped as served.
    chartKiB: Object.fromEntries(
      langs.map((lang) => {
        const file = join(out, 'pagefind', lang, 'segments.json');
        return [lang, existsSync(file) ? kib(gzipSync(readFileSync(file)).length) : 0];
      }),
    ),
  };
}
