import { getCollection, type CollectionEntry } from 'astro:content';
import { spokespersonSlug } from './transcript/spokespeople.ts';

export type Remark = CollectionEntry<'remarks'>;

let cache: Promise<Remark[]> | undefined;

/** All transcripts, newest first (same day: by id, so the order is stable between builds). */
export function allRemarks(): Promise<Remark[]> {
  cache ??= getCollection('remarks').then((entries) =>
    entries.sort((a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id)),
  );
  return cache;
}

export function yearOf(remark: Remark): string {
  return remark.data.date.slice(0, 4);
}

/** Transcripts grouped by a key, groups in first-seen order (so newest first for `allRemarks`). */
export function groupBy(remarks: Remark[], key: (remark: Remark) => string | undefined): Map<string, Remark[]> {
  const groups = new Map<string, Remark[]>();
  for (const remark of remarks) {
    const k = key(remark);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(remark);
    else groups.set(k, [remark]);
  }
  return groups;
}

export function spokespersonKey(remark: Remark): string | undefined {
  return remark.data.spokesperson === undefined ? undefined : spokespersonSlug(remark.data.spokesperson);
}
