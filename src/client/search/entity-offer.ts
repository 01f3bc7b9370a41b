/**
 * A query that is an entity's name (Huawei, 华为, "the WHO") is answered first by the entity's
 * page: this finds the entity a query names, without the page (page.ts shows the offer), in the
 * bucket of names the query's falls in (src/pages/search/entities/[bucket].json.ts).
 */
import { fnv1a } from '../../lib/search/ready.ts';

/** How many files the names are spread over: a query fetches one, about half a KiB. */
export const ENTITY_BUCKETS = 64;

/** The bucket a name or a query falls in, by its key (`nameKey`). */
export const entityBucket = (text: string): string => (fnv1a(nameKey(text)) % ENTITY_BUCKETS).toString(36);

/** Where a bucket's entities are. */
export const entityBucketPath = (text: string): string => `/search/entities/${entityBucket(text)}.json`;

export interface NamedEntity {
  path: string;
  /** Its value in the search's entity filter. */
  filter: string;
  kind: 'place' | 'person' | 'organisation';
  /** Every name it goes by, both languages. */
  names: string[];
}

/** A name or a query as compared: case, quotes, a leading "the", a trailing "'s" and spacing aside. */
export function nameKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/["“”「」『』《》]/gu, ' ')
    .replace(/[’']s\b/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^the /u, '');
}

/**
 * The entity the query names, if the whole query is one of its names; where two share it, the
 * first listed: a bucket lists the most answered first.
 */
export function entityFor(query: string, list: readonly NamedEntity[]): NamedEntity | undefined {
  const key = nameKey(query);
  if (key === '') return undefined;
  return list.find((entity) => entity.names.some((name) => nameKey(name) === key));
}
