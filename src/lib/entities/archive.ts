import type { Lang } from '../../schemas/transcript.ts';
import type { Remark } from '../remarks.ts';
import { entityFilter } from '../search/records.ts';
import { answerText, questionText } from '../transcript/exchange.ts';
import type { Exchange } from '../transcript/model.ts';
import { type MovedEntity, type PublishedEntity, movedEntities } from './addresses.ts';
import type { Entity, Mention } from './entity.ts';
import type { Lexicon } from './lexicon.ts';

/**
 * The archive's entities as pages show them: each entity's answers, the answers most about it
 * first, who spoke of it, which others come up with it. An entity gets a page once MIN_ANSWERS
 * answers mention it: below that a page would say little the answers do not.
 */
export const MIN_ANSWERS = 5;

export interface EntityUse {
  remark: Remark;
  exchange: Exchange;
  /** Its mentions in this exchange, question and answer. */
  mentions: number;
  /** How much the answer is about it: mentions (the question's count twice) against the answer's length. */
  about: number;
}

export interface EntityPage {
  entity: Entity;
  /** Mentions in every question and answer. */
  mentions: number;
  /** Answers that mention it, newest first. */
  uses: EntityUse[];
  /** Answers per language. */
  answersIn: Record<Lang, number>;
  /** The spokespeople who answered them, most often first. */
  spokespeople: { name: string; count: number }[];
  /** The entities with a page most often mentioned in the same answers, most often first. */
  related: { page: EntityPage; count: number }[];
  /** Its value in the search's entity filter: its names (entityFilter), its kind added where two share them. */
  filter: string;
}

export interface EntityArchive {
  /** Every entity with a page, most mentioned first. */
  pages: readonly EntityPage[];
  page(id: string): EntityPage | undefined;
  /** An exchange's mentions, in order of their place in its question, then its answer. */
  mentionsIn(remark: Remark, exchange: Exchange): readonly Mention[];
  entities: readonly Entity[];
  /**
   * The names an answer page links to their entity's page: the first mention in the answer of each
   * entity with a page, at most LINKED, leaving out those too common to need a link (China, named
   * in a third of the answers).
   */
  linksIn(remark: Remark, exchange: Exchange): { page: EntityPage; name: string }[];
  /** What the open data says of any entity, with a page or not. */
  stats(id: string): EntityStats;
  /** The ids once given a page that have none now, and where their names are (addresses.ts). */
  moved: readonly MovedEntity<EntityPage>[];
}

export interface EntityStats {
  mentions: number;
  answers: Record<Lang, number>;
  first: string | undefined;
  last: string | undefined;
}

const RELATED = 8;
/** At most this many links in an answer, and none to an entity named in more than COMMON of all answers. */
export const LINKED = 4;
export const COMMON = 0.1;

export function buildArchive(
  remarks: Remark[],
  entities: readonly Entity[],
  lexicon: Lexicon,
  published: readonly PublishedEntity[] = [],
): EntityArchive {
  const byExchange = new Map<Exchange, Mention[]>();
  const usesOf = new Map<string, EntityUse[]>();
  const total = new Map<string, number>();
  for (const remark of remarks) {
    const lang = remark.data.lang;
    for (const exchange of remark.data.transcript.exchanges) {
      const question = questionText(exchange);
      const answer = answerText(exchange);
      const mentions: Mention[] = [
        ...lexicon.find(question, lang).map((found) => ({ ...found, field: 'question' as const })),
        ...lexicon.find(answer, lang).map((found) => ({ ...found, field: 'answer' as const })),
      ];
      if (mentions.length === 0) continue;
      byExchange.set(exchange, mentions);
      const weights = new Map<string, { n: number; weight: number }>();
      for (const mention of mentions) {
        const held = weights.get(mention.entity) ?? { n: 0, weight: 0 };
        held.n++;
        held.weight += mention.field === 'question' ? 2 : 1;
        weights.set(mention.entity, held);
        total.set(mention.entity, (total.get(mention.entity) ?? 0) + 1);
      }
      // A Chinese character carries about as much as an English word of five letters and a space.
      const words = lang === 'zh' ? answer.length / 1.6 : answer.split(/\s+/).length;
      for (const [entity, { n, weight }] of weights) {
        const list = usesOf.get(entity) ?? [];
        list.push({ remark, exchange, mentions: n, about: weight / Math.log2(2 + words / 50) });
        usesOf.set(entity, list);
      }
    }
  }
  const stats = (id: string): EntityStats => {
    const uses = usesOf.get(id) ?? [];
    const days = uses.map(({ remark }) => remark.data.date).sort();
    return {
      mentions: total.get(id) ?? 0,
      answers: {
        en: uses.filter(({ remark }) => remark.data.lang === 'en').length,
        zh: uses.filter(({ remark }) => remark.data.lang === 'zh').length,
      },
      first: days[0],
      last: days.at(-1),
    };
  };
  const pages: EntityPage[] = [];
  const byId = new Map<string, EntityPage>();
  for (const entity of entities) {
    const uses = usesOf.get(entity.id) ?? [];
    if (uses.length < MIN_ANSWERS) continue;
    const people = new Map<string, number>();
    for (const { remark } of uses) {
      const name = remark.data.spokesperson;
      if (name) people.set(name, (people.get(name) ?? 0) + 1);
    }
    const page: EntityPage = {
      entity,
      mentions: total.get(entity.id) ?? 0,
      uses,
      answersIn: stats(entity.id).answers,
      spokespeople: [...people]
        .map(([name, count]) => ({ name, count }))
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
      related: [],
      filter: entityFilter(entity.names),
    };
    pages.push(page);
    byId.set(entity.id, page);
  }
  pages.sort((a, b) => b.mentions - a.mentions || a.entity.id.localeCompare(b.entity.id));
  const labels = new Map<string, number>();
  for (const { filter } of pages) labels.set(filter, (labels.get(filter) ?? 0) + 1);
  for (const page of pages) if (labels.get(page.filter)! > 1) page.filter = `${page.filter} (${page.entity.kind})`;
  for (const page of pages) {
    const together = new Map<string, number>();
    for (const { exchange } of page.uses) {
      for (const other of new Set(byExchange.get(exchange)!.map((mention) => mention.entity))) {
        if (other !== page.entity.id && byId.has(other)) together.set(other, (together.get(other) ?? 0) + 1);
      }
    }
    page.related = [...together]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, RELATED)
      .map(([id, count]) => ({ page: byId.get(id)!, count }));
  }
  const exchanges = remarks.reduce((sum, remark) => sum + remark.data.transcript.exchanges.length, 0);
  const linkable = new Set(
    pages.filter((page) => page.uses.length <= exchanges * COMMON).map((page) => page.entity.id),
  );
  const linksIn = (_remark: Remark, exchange: Exchange) => {
    const links: { page: EntityPage; name: string }[] = [];
    const seen = new Set<string>();
    const text = answerText(exchange);
    for (const mention of byExchange.get(exchange) ?? []) {
      if (mention.field !== 'answer' || seen.has(mention.entity) || !linkable.has(mention.entity)) continue;
      seen.add(mention.entity);
      links.push({ page: byId.get(mention.entity)!, name: text.slice(mention.start, mention.end) });
      if (links.length === LINKED) break;
    }
    return links;
  };
  return {
    pages,
    entities,
    stats,
    linksIn,
    moved: movedEntities(published, pages),
    page: (id) => byId.get(id),
    mentionsIn: (_remark, exchange) => byExchange.get(exchange) ?? [],
  };
}

/** The answers most about an entity first; among equals, the newer. */
export function mostAbout(uses: readonly EntityUse[], count: number): EntityUse[] {
  return [...uses]
    .sort(
      (a, b) =>
        b.about - a.about ||
        b.remark.data.date.localeCompare(a.remark.data.date) ||
        a.remark.id.localeCompare(b.remark.id) ||
        a.exchange.n - b.exchange.n,
    )
    .slice(0, count);
}
