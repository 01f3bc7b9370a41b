import type { APIRoute, GetStaticPaths } from 'astro';
import { ENTITY_BUCKETS, type NamedEntity, entityBucket } from '../../../client/search/entity-offer';
import { entities } from '../../../lib/entities/entities';

/**
 * The entities with a page, by the names they go by in both languages, in buckets by name
 * (entity-offer.ts): once a query has its results, the search page fetches the bucket of the
 * query, about half a KiB, to offer the entity's page when the query is one of its names. The
 * whole list was 22 KiB gzipped, a fifth of a first query's transfer. A bucket lists the most
 * answered first and says no counts: a day's new answers then leave nearly every bucket as it was,
 * for a deploy to skip.
 */
export const getStaticPaths = (async () => {
  const buckets = new Map<string, NamedEntity[]>();
  for (let i = 0; i < ENTITY_BUCKETS; i++) buckets.set(i.toString(36), []);
  const pages = [...(await entities()).pages].sort((a, b) => b.uses.length - a.uses.length);
  for (const page of pages) {
    const named: NamedEntity = {
      path: `/entities/${page.entity.id}/`,
      filter: page.filter,
      kind: page.entity.kind,
      names: [...page.entity.names.en, ...page.entity.names.zh],
    };
    for (const bucket of new Set(named.names.map(entityBucket))) buckets.get(bucket)!.push(named);
  }
  return [...buckets].map(([bucket, list]) => ({ params: { bucket }, props: { list } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ list: NamedEntity[] }> = ({ props }) =>
  new Response(JSON.stringify(props.list), { headers: { 'content-type': 'application/json' } });
