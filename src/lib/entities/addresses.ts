import type { Entity } from './entity.ts';

/**
 * Entity pages keep their addresses. An entity's id is a slug of its most used English name
 * (discover.ts), so new transcripts can rename it (安全部 became us-department-of-homeland-security
 * the day its English name turned up beside it) or take its page away (named in fewer answers after
 * a correction, or its names split between two entities). A reader's bookmark, a link in an article
 * and a follower's feed would then break. So every id given a page is recorded, with its names, in
 * content/entity-addresses.txt (the build appends new ones: src/integrations/entity-addresses.ts),
 * and an id that no longer has a page keeps one that sends the reader on: to the entity that holds
 * most of its names now, or, if none does, to a search for them. No DOM, no Node.
 */

/** An id once given a page, and the names it had then (English, then Chinese). */
export interface PublishedEntity {
  id: string;
  names: string[];
}

/** A published id without a page now, and the page that holds most of its names, if one does. */
export interface MovedEntity<Page> {
  id: string;
  names: string[];
  to: Page | undefined;
}

const HEADER = [
  '# Every entity page this site has published: its id (its address, /entities/<id>/), then its names,',
  '# each after a tab. The build adds new ones at the end. An id that loses its page keeps an',
  '# address that sends readers to the entity now holding its names (src/lib/entities/addresses.ts).',
  '# Commit this file.',
];

/** Lower-case words joined by "-", in any script: as slugOf writes them. */
const ID = /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u;

/** Reads the file; a line that is not an id and its names is an error naming `file` and the line. */
export function parseEntityAddresses(text: string, file: string): PublishedEntity[] {
  const published: PublishedEntity[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trimEnd();
    if (line.trim() === '' || line.startsWith('#')) return;
    const [id = '', ...names] = line.split('\t');
    if (!ID.test(id))
      throw new Error(
        `${file}:${i + 1}: "${id}" is not an entity id (lower-case words joined by "-"). Each line is an id, then its names, each after a tab; the build writes this file, so restore the line from version control or delete it.`,
      );
    if (seen.has(id)) return;
    seen.add(id);
    published.push({ id, names: names.map((name) => name.trim()).filter(Boolean) });
  });
  return published;
}

export function formatEntityAddresses(published: readonly PublishedEntity[]): string {
  return `${[...HEADER, ...published.map(({ id, names }) => [id, ...names].join('\t'))].join('\n')}\n`;
}

/**
 * Where a published id without a page sends the reader: the page holding most of its names, or a
 * search for its first name. Percent-encoded: the address goes out as an HTTP Location header,
 * which takes no Chinese (a Location of /entities/根哥布/ ended the build).
 */
export function movedAddress(gone: MovedEntity<{ entity: Entity }>): string {
  return gone.to
    ? `/entities/${encodeURIComponent(gone.to.entity.id)}/`
    : `/search/?${new URLSearchParams({ q: gone.names[0] ?? gone.id })}`;
}

/** An entity as recorded: its id and every name it goes by, English first. */
export function publishedOf(entity: Entity): PublishedEntity {
  return { id: entity.id, names: [...entity.names.en, ...entity.names.zh] };
}

/**
 * The ids `published` lists that no page has now, each with the page holding most of its names
 * (the most mentioned of equals), or none where no page holds any.
 */
export function movedEntities<Page extends { entity: Entity; mentions: number }>(
  published: readonly PublishedEntity[],
  pages: readonly Page[],
): MovedEntity<Page>[] {
  const current = new Set(pages.map((page) => page.entity.id));
  const byName = new Map<string, Page[]>();
  for (const page of pages)
    for (const name of [...page.entity.names.en, ...page.entity.names.zh])
      byName.set(name, [...(byName.get(name) ?? []), page]);
  return published
    .filter(({ id }) => !current.has(id))
    .map(({ id, names }) => {
      const shared = new Map<Page, number>();
      for (const name of names)
        for (const page of byName.get(name) ?? []) shared.set(page, (shared.get(page) ?? 0) + 1);
      const [to] = [...shared].sort(([a, x], [b, y]) => y - x || b.mentions - a.mentions).map(([page]) => page);
      return { id, names, to };
    });
}

/** `published` with the pages it does not list yet at the end, or undefined if it lists them all. */
export function withNewAddresses(
  published: readonly PublishedEntity[],
  pages: readonly PublishedEntity[],
): PublishedEntity[] | undefined {
  const listed = new Set(published.map(({ id }) => id));
  const added = pages.filter(({ id }) => !listed.has(id));
  return added.length > 0 ? [...published, ...added] : undefined;
}
