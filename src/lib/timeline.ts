import { escapeHtml } from './escape-html.ts';
import { figure } from './figures.ts';
import type { Lang } from '../schemas/transcript.ts';

/**
 * How many answers fall in each period, drawn as a small bar chart with the figures in a table
 * behind it: above search results (from the results already loaded) and on a topic's page (at
 * build time). One function draws both, so the page and the browser show the same chart.
 *
 * A span of up to two years is shown by month, a longer one by year, so that bars stay wide
 * enough to read and to click; every period in the span has its bar, empty ones included, so the
 * gaps are seen too.
 */
export interface Bin {
  /** "2019" or "2019-03": what a click filters to. */
  key: string;
  label: string;
  count: number;
}

export interface Timeline {
  unit: 'year' | 'month';
  bins: Bin[];
  total: number;
}

const MONTHS_SHOWN = 24;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The chart's own words, in the language of the page it is drawn on (a formula's page is in its formula's). */
const WORDS: Record<
  Lang,
  { figures: string; year: string; month: string; answers: string; count: (n: number) => string }
> = {
  en: {
    figures: 'The figures',
    year: 'Year',
    month: 'Month',
    answers: 'Answers',
    count: (n) => `${figure(n)} ${n === 1 ? 'answer' : 'answers'}`,
  },
  zh: { figures: '具体数字', year: '年份', month: '月份', answers: '回答', count: (n) => `${figure(n)}个回答` },
};

/** "2019-03" → "Mar 2019" (2019年3月). */
export function monthLabel(month: string, lang: Lang = 'en'): string {
  const n = Number(month.slice(5, 7));
  return lang === 'zh' ? `${month.slice(0, 4)}年${n}月` : `${MONTH_NAMES[n - 1]} ${month.slice(0, 4)}`;
}

/**
 * The timeline of answers counted by month ("2019-03" → n). `year` shows that whole year by month
 * (the search filtered to it), where its answers fall within it.
 */
export function timelineOf(byMonth: ReadonlyMap<string, number>, year?: string, lang: Lang = 'en'): Timeline {
  const months = [...byMonth.keys()].filter((month) => (byMonth.get(month) ?? 0) > 0).sort();
  const total = [...byMonth.values()].reduce((sum, n) => sum + n, 0);
  if (months.length === 0) return { unit: 'year', bins: [], total };
  const inYear = year !== undefined && months.every((month) => month.startsWith(year));
  const first = inYear ? `${year}-01` : months[0]!;
  const last = inYear ? `${year}-12` : months.at(-1)!;
  const span = monthIndex(last) - monthIndex(first) + 1;
  if (span <= MONTHS_SHOWN) {
    const bins: Bin[] = [];
    for (let i = monthIndex(first); i <= monthIndex(last); i++) {
      const key = monthKey(i);
      bins.push({ key, label: monthLabel(key, lang), count: byMonth.get(key) ?? 0 });
    }
    return { unit: 'month', bins, total };
  }
  const byYear = new Map<string, number>();
  for (const [month, n] of byMonth) byYear.set(month.slice(0, 4), (byYear.get(month.slice(0, 4)) ?? 0) + n);
  const bins: Bin[] = [];
  for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year++) {
    const key = String(year);
    bins.push({ key, label: key, count: byYear.get(key) ?? 0 });
  }
  return { unit: 'year', bins, total };
}

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthKey(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const HEIGHT = 48;
const BAR = 10;
const GAP = 2;

export interface DrawOptions {
  /** What the chart counts, as its heading says it: "Answers per year". */
  caption: string;
  /** Where a bar leads: the search filtered to its period. */
  href: (bin: Bin) => string;
  /** The period already chosen, marked. */
  selected?: string | undefined;
  /** The language of its own words (the figures' table, a bar's name); English unless said. */
  lang?: Lang;
}

/**
 * The periods named under the bars: the first, the last and up to three evenly between, spread
 * evenly (the axis lays them out with space between, so they stand near their bars).
 */
export function axisLabels(bins: Bin[]): string[] {
  const last = bins.length - 1;
  const steps = Math.min(4, last);
  const at = new Set(Array.from({ length: steps + 1 }, (_, i) => Math.round((i * last) / Math.max(1, steps))));
  return [...at].map((i) => bins[i]!.label);
}

/**
 * The chart's HTML: bars as links (each named with its period and count), periods named under
 * them (axisLabels), and the figures as a table. Attributes only, no inline style: it lives under
 * the site's Content-Security-Policy.
 */
export function drawTimeline({ unit, bins }: Timeline, { caption, href, selected, lang = 'en' }: DrawOptions): string {
  if (bins.length === 0) return '';
  const words = WORDS[lang];
  const max = Math.max(...bins.map((bin) => bin.count));
  const width = bins.length * (BAR + GAP);
  const noun = words.count;
  const bars = bins
    .map((bin, i) => {
      const height = bin.count === 0 ? 0 : Math.max(2, Math.round((bin.count / max) * HEIGHT));
      const mark = bin.key === selected ? ' class="selected"' : '';
      const rect = `<rect x="${i * (BAR + GAP)}" y="${HEIGHT - height}" width="${BAR}" height="${height}"${mark}/>`;
      // An empty period is drawn (a gap says something) but leads nowhere.
      if (bin.count === 0) return rect;
      const name = escapeHtml(`${bin.label}${lang === 'zh' ? '：' : ': '}${noun(bin.count)}`);
      // A transparent full-height target keeps a short bar easy to click.
      return `<a href="${escapeHtml(href(bin))}" aria-label="${name}"><title>${name}</title><rect class="target" x="${i * (BAR + GAP)}" y="0" width="${BAR + GAP}" height="${HEIGHT}"/>${rect}</a>`;
    })
    .join('');
  const rows = bins
    .filter((bin) => bin.count > 0)
    .map(
      (bin) =>
        `<tr><th scope="row"><a href="${escapeHtml(href(bin))}">${escapeHtml(bin.label)}</a></th><td>${figure(bin.count)}</td></tr>`,
    )
    .join('');
  return (
    `<figure class="timeline" data-unit="${unit}">` +
    `<figcaption>${escapeHtml(caption)}</figcaption>` +
    `<svg viewBox="0 0 ${width} ${HEIGHT}" preserveAspectRatio="none" role="group" aria-label="${escapeHtml(caption)}">${bars}</svg>` +
    `<div class="timeline-axis" aria-hidden="true">${axisLabels(bins)
      .map((label) => `<span>${escapeHtml(label)}</span>`)
      .join('')}</div>` +
    `<details><summary>${words.figures}</summary><table><thead><tr><th scope="col">${unit === 'year' ? words.year : words.month}</th><th scope="col">${words.answers}</th></tr></thead><tbody>${rows}</tbody></table></details>` +
    `</figure>`
  );
}
