import { getCollection, type CollectionEntry } from 'astro:content';
import { heldModels, isHeld, type HeldModel } from './transcript/held-models.ts';
import { spokespersonSlug } from './transcript/spokespeople.ts';

export type Remark = CollectionEntry<'remarks'>;

let cache: Promise<Remark[]> | undefined;

/** All transcripts, newest first (same day: by id, so the order is stable between builds). */
export function allRemarks(): Promise<Remark[]> {
  cache ??= getCollection('remarks').then((entries) =>
    entries.map(withModel).sort((a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id)),
  );
  return cache;
}

/** An entry with its model, which `astro dev` holds outside the content store (held-models.ts). */
function withModel(entry: Remark): Remark {
  const transcript = entry.data.transcript as Remark['data']['transcript'] | HeldModel;
  if (!isHeld(transcript)) return entry;
  const held = heldModels().get(entry.id);
  if (!held) throw new Error(`${entry.id}: the dev server holds no model of this transcript: restart npm run dev`);
  return { ...entry, data: { ...entry.data, transcript: held } };
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

let anyTopic: Promise<boolean> | undefined;

/** Whether any transcript or answer names a topic: every page's footer asks, so it is worked out once. */
export function topicsExist(): Promise<boolean> {
  anyTopic ??= allRemarks().then((remarks) =>
    remarks.some(
      (remark) =>
        remark.data.topics.length > 0 ||
        remark.data.transcript.exchanges.some((exchange) => exchange.topics.length > 0),
    ),
  );
  return anyTopic;
}
