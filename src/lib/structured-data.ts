import { SITE_TITLE } from '../consts.ts';
import type { Remark } from './remarks.ts';
import { answerTopics } from './topics.ts';
import { answerSummary } from './transcript/exchange.ts';
import type { Exchange } from './transcript/model.ts';
import { answerPath, transcriptPath } from './transcript/addresses.ts';

/**
 * schema.org JSON-LD for search engines and reference tools: a transcript is an Article, an
 * answer a Quotation of the spokesperson (a Person) that is part of it. Both are based on the
 * ministry's page.
 */
type JsonLd = Record<string, unknown>;

function person(remark: Remark): JsonLd | undefined {
  const name = remark.data.spokesperson;
  if (!name) return undefined;
  return {
    '@type': 'Person',
    name,
    jobTitle: remark.data.lang === 'zh' ? '外交部发言人' : 'Spokesperson of the Ministry of Foreign Affairs of China',
  };
}

function article(remark: Remark, site: URL): JsonLd {
  const { data } = remark;
  const speaker = person(remark);
  return {
    '@type': 'Article',
    '@id': new URL(transcriptPath(remark.id), site).href,
    url: new URL(transcriptPath(remark.id), site).href,
    headline: data.title,
    datePublished: data.date,
    inLanguage: data.lang === 'zh' ? 'zh-Hans' : 'en',
    isBasedOn: data.source,
    publisher: { '@type': 'Organization', name: SITE_TITLE, url: site.href },
    ...(speaker && { author: speaker }),
    ...(data.topics.length > 0 && { keywords: data.topics.join(', ') }),
  };
}

export function transcriptJsonLd(remark: Remark, site: URL): JsonLd {
  return { '@context': 'https://schema.org', ...article(remark, site) };
}

/**
 * An answer as a Quotation: its opening words (the page holds the whole; a copy here would add a
 * tenth to every answer page), who said it, when, and the transcript it is part of, by its @id.
 */
export function answerJsonLd(remark: Remark, exchange: Exchange, site: URL): JsonLd {
  const { data } = remark;
  const speaker = person(remark);
  const topics = answerTopics(remark, exchange);
  return {
    '@context': 'https://schema.org',
    '@type': 'Quotation',
    '@id': new URL(answerPath(remark.id, exchange.id), site).href,
    text: answerSummary(exchange, data.lang),
    datePublished: data.date,
    inLanguage: data.lang === 'zh' ? 'zh-Hans' : 'en',
    isBasedOn: data.source,
    isPartOf: { '@type': 'Article', '@id': new URL(transcriptPath(remark.id), site).href },
    ...(speaker && { spokenByCharacter: speaker }),
    ...(topics.length > 0 && { keywords: topics.join(', ') }),
  };
}

/** JSON for a `<script type="application/ld+json">`: nothing in it can close the element. */
export function jsonLdText(data: JsonLd): string {
  return JSON.stringify(data).replaceAll('<', '\\u003c');
}
