import type { RSSFeedItem } from '@astrojs/rss';
import { SITE_TITLE } from '../consts.ts';
import { escapeHtml } from './escape-html.ts';
import { formatDay, kindName, ui } from '../i18n/ui.ts';
import { allRemarks, groupBy, spokespersonKey, type Remark } from './remarks.ts';
import { formulaPath, type FormulaPage, type SentenceMark, type Use } from './formulas/archive.ts';
import { sentencesOf } from './formulas/sentences.ts';
import { formulas } from './formulas/formulas.ts';
import { entities } from './entities/entities.ts';
import { answerTopics, topicsOf } from './topics.ts';
import { answerText, brief, questionText } from './transcript/exchange.ts';
import type { Exchange } from './transcript/model.ts';
import { answerPath, transcriptPath } from './transcript/addresses.ts';
import type { Lang } from '../schemas/transcript.ts';

/**
 * The site's feeds (RSS 2.0): the whole site, each language, each spokesperson, each topic, each
 * formula (formulas/archive.ts: a feed that says when a formula returns). An entry is a
 * transcript, its id its permalink; it links each of its answers (on a topic's feed, the answers
 * on that topic). On a formula's feed an entry is an answer that uses it (formulaItem).
 */
export const FEED_ENTRIES = 50;

/**
 * A formula's feed tells a follower it came back: its latest uses are enough (a reader keeps what
 * it has read), and there is one such feed for each of a thousand formulas.
 */
export const FORMULA_FEED_ENTRIES = 5;

/** An entity's feed tells a follower it came up again: its latest answers are enough, as for a formula. */
export const ENTITY_FEED_ENTRIES = 5;

export interface Feed {
  /** Its path under /feeds/, without ".xml": "all", "en", "spokespeople/lu-kang", "topics/5g". */
  key: string;
  title: string;
  description: string;
  /** The language of every entry, where the feed has one. */
  language?: string;
  /** The page the feed follows. */
  page: string;
  /** Its newest entry's day, the feed's date: two builds of the same content give the same bytes. */
  newest: string | undefined;
  /** Its entries, newest first, addressed on `site`. */
  items: (site: URL) => RSSFeedItem[];
  /**
   * Its own address, where it is not at `key`: the feed an entity's old id still serves is its new
   * one's (addresses.ts), and says where that is, for a reader that follows a feed's self link.
   */
  self?: string;
}

export function feedPath(key: string): string {
  return `/feeds/${key}.xml`;
}

const allAnswers = (remark: Remark) => remark.data.transcript.exchanges;

/** A feed whose entries are transcripts (feedItem), each linking `answersOf` it. */
function transcriptFeed(
  feed: Omit<Feed, 'newest' | 'items'>,
  remarks: Remark[],
  answersOf: (remark: Remark) => Exchange[] = allAnswers,
): Feed {
  return {
    ...feed,
    newest: remarks[0]?.data.date,
    items: (site) => remarks.map((remark) => feedItem(remark, answersOf(remark), site)),
  };
}

let cache: Promise<Feed[]> | undefined;

export function allFeeds(): Promise<Feed[]> {
  cache ??= (async () => {
    const remarks = await allRemarks();
    const newest = (list: Remark[]) => list.slice(0, FEED_ENTRIES);
    const feeds: Feed[] = [
      transcriptFeed(
        {
          key: 'all',
          title: SITE_TITLE,
          description: 'Every transcript of the spokesperson’s remarks, in English and Chinese, newest first.',
          page: '/',
        },
        newest(remarks),
      ),
    ];
    for (const [lang, list] of groupBy(remarks, (remark) => remark.data.lang)) {
      feeds.push(
        transcriptFeed(
          {
            key: lang,
            title: lang === 'zh' ? `${SITE_TITLE}：外交部发言人中文记录` : `${SITE_TITLE}: transcripts in English`,
            description:
              lang === 'zh'
                ? '外交部发言人记者会及谈话的中文记录，最新在前。'
                : 'The spokesperson’s remarks in English, newest first.',
            language: ui(lang as Lang).htmlLang,
            page: '/archive/',
          },
          newest(list),
        ),
      );
    }
    for (const [slug, list] of groupBy(remarks, spokespersonKey)) {
      const names = [...new Set(list.map((remark) => remark.data.spokesperson))].join(' · ');
      feeds.push(
        transcriptFeed(
          {
            key: `spokespeople/${slug}`,
            title: `${SITE_TITLE}: ${names}`,
            description: `Transcripts with spokesperson ${names}, newest first.`,
            page: `/spokespeople/${slug}/`,
          },
          newest(list),
        ),
      );
    }
    for (const topic of topicsOf(remarks)) {
      const names = topic.names.join(' · ');
      const on = new Set(topic.answers.map(({ exchange }) => exchange));
      feeds.push(
        transcriptFeed(
          {
            key: `topics/${topic.slug}`,
            title: `${SITE_TITLE}: ${names}`,
            description: `Answers on ${names}, by transcript, newest first.`,
            page: `/topics/${topic.slug}/`,
          },
          newest(topic.remarks),
          (remark) => remark.data.transcript.exchanges.filter((exchange) => on.has(exchange)),
        ),
      );
    }
    const found = await entities();
    const entityFeeds = new Map<string, Feed>();
    for (const page of found.pages) {
      const names = [page.entity.names.en[0], page.entity.names.zh[0]].filter(Boolean).join(' · ');
      const uses = [...page.uses]
        .sort((a, b) => b.remark.data.date.localeCompare(a.remark.data.date) || a.exchange.n - b.exchange.n)
        .slice(0, ENTITY_FEED_ENTRIES);
      const feed: Feed = {
        key: `entities/${page.entity.id}`,
        title: `${SITE_TITLE}: ${names}`,
        description: `Answers that name ${names}, in English and Chinese, newest first.`,
        page: `/entities/${page.entity.id}/`,
        newest: uses[0]?.remark.data.date,
        items: (site) => uses.map((use) => answerItem(use, site)),
      };
      feeds.push(feed);
      entityFeeds.set(page.entity.id, feed);
    }
    // A follower of an entity whose id changed keeps getting its answers at the old address.
    for (const gone of found.moved) {
      const feed = gone.to && entityFeeds.get(gone.to.entity.id);
      if (feed) feeds.push({ ...feed, key: `entities/${gone.id}`, self: feedPath(feed.key) });
    }
    const traced = await formulas();
    for (const lang of ['en', 'zh'] as const) {
      for (const page of traced.recurring(lang)) {
        const name = brief(page.wordings[0]!.text, lang === 'zh' ? 40 : 80);
        const uses = page.uses.slice(-FORMULA_FEED_ENTRIES).reverse();
        feeds.push({
          key: `formulas/${page.slug}`,
          title: lang === 'zh' ? `${SITE_TITLE}：“${name}”` : `${SITE_TITLE}: “${name}”`,
          description:
            lang === 'zh'
              ? `使用固定表述“${name}”的回答，最新在前。`
              : `Answers that use the formula “${name}”, newest first.`,
          language: ui(lang).htmlLang,
          page: formulaPath(page),
          newest: uses[0]?.remark.data.date,
          items: (site) => uses.map((use) => formulaItem(page, use, traced.marks(use.remark, use.exchange), site)),
        });
      }
    }
    return feeds;
  })();
  return cache;
}

/** The feeds a page offers readers through `<link rel="alternate">`. */
export interface FeedLink {
  href: string;
  title: string;
}

export async function feedLinks(...keys: string[]): Promise<FeedLink[]> {
  const feeds = await allFeeds();
  return keys.flatMap((key) => {
    const feed = feeds.find((candidate) => candidate.key === key);
    return feed ? [{ href: feedPath(feed.key), title: feed.title }] : [];
  });
}

/** A transcript as a feed entry: its date, spokesperson, a summary, and links to `answers`. */
export function feedItem(remark: Remark, answers: Exchange[], site: URL): RSSFeedItem {
  const { data } = remark;
  const strings = ui(data.lang);
  const byline = [formatDay(data.date, data.lang), data.spokesperson, kindName(data.kind, data.lang)]
    .filter(Boolean)
    .join(' · ');
  const questions = answers.map((exchange) => brief(questionText(exchange), data.lang === 'zh' ? 40 : 90));
  const summary = brief(
    [strings.exchanges(answers.length), questions.join(data.lang === 'zh' ? '；' : ' · ')].join(strings.colon + ' '),
    data.lang === 'zh' ? 160 : 320,
  );
  const list = answers
    .map(
      (exchange, i) =>
        `<li><a href="${escapeHtml(new URL(answerPath(remark.id, exchange.id), site).href)}">${escapeHtml(strings.exchange(exchange.n))}</a>${escapeHtml(strings.colon)} ${escapeHtml(questions[i]!)}</li>`,
    )
    .join('');
  const topics = [...new Set([...data.topics, ...answers.flatMap((exchange) => answerTopics(remark, exchange))])];
  return {
    title: data.title,
    link: new URL(transcriptPath(remark.id), site).href,
    pubDate: new Date(`${data.date}T00:00:00Z`),
    description: summary,
    content: `<p>${escapeHtml(byline)}</p>${data.transcript.opening ? `<p>${escapeHtml(brief(data.transcript.opening.text, 300))}</p>` : ''}<ol>${list}</ol>`,
    ...(data.spokesperson && { customData: `<dc:creator>${escapeHtml(data.spokesperson)}</dc:creator>` }),
    ...(topics.length > 0 && { categories: topics }),
  };
}

/**
 * An answer that uses a formula, as an entry of the formula's feed: its question, and the
 * formula's sentences as this answer says them (a follower sees the wording it returned in). The
 * answer itself is a link away: a thousand feeds of whole answers would weigh more than the pages.
 */
function formulaItem(page: FormulaPage, { remark, exchange }: Use, marks: SentenceMark[], site: URL): RSSFeedItem {
  const { data } = remark;
  const text = answerText(exchange);
  const sentences = sentencesOf(text, data.lang);
  const said = marks
    .filter((mark) => mark.formula === page.id)
    .map((mark) => sentences[mark.at]!)
    .map((sentence) => text.slice(sentence.start, sentence.end).trim());
  const link = new URL(answerPath(remark.id, exchange.id), site).href;
  const question = questionText(exchange);
  return {
    title: question ? brief(question, data.lang === 'zh' ? 40 : 90) : data.title,
    link,
    pubDate: new Date(`${data.date}T00:00:00Z`),
    description: said.join(data.lang === 'zh' ? '……' : ' … '),
    ...(data.spokesperson && { customData: `<dc:creator>${escapeHtml(data.spokesperson)}</dc:creator>` }),
  };
}

/** An answer as a feed entry: its question, and a link to it. The answer itself is a link away, as on a formula's feed. */
function answerItem({ remark, exchange }: { remark: Remark; exchange: Exchange }, site: URL): RSSFeedItem {
  const { data } = remark;
  const strings = ui(data.lang);
  const byline = [formatDay(data.date, data.lang), data.spokesperson].filter(Boolean).join(' · ');
  return {
    title: `${byline}${strings.colon} ${brief(questionText(exchange), data.lang === 'zh' ? 40 : 90)}`,
    link: new URL(answerPath(remark.id, exchange.id), site).href,
    pubDate: new Date(`${data.date}T00:00:00Z`),
    description: brief(answerText(exchange), data.lang === 'zh' ? 120 : 240),
    ...(data.spokesperson && { customData: `<dc:creator>${escapeHtml(data.spokesperson)}</dc:creator>` }),
  };
}
