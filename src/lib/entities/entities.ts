import { existsSync, readFileSync } from 'node:fs';
import { allRemarks } from '../remarks.ts';
import { contentPaths } from '../paths.ts';
import { translations } from '../translation/translations.ts';
import { parseEntityAddresses } from './addresses.ts';
import { buildArchive, type EntityArchive } from './archive.ts';
import { findEntities } from './find.ts';
import { readEntityTable } from './table.ts';

let cache: Promise<EntityArchive> | undefined;

/** The site's entities (find.ts), found once per build, and every question and answer read for them. */
export function entities(): Promise<EntityArchive> {
  cache ??= Promise.all([allRemarks(), translations()]).then(([remarks, translated]) => {
    const started = performance.now();
    const byId = new Map(remarks.map((remark) => [remark.id, remark]));
    const { entities: found, lexicon } = findEntities(
      remarks.map((remark) => ({ id: remark.id, lang: remark.data.lang, transcript: remark.data.transcript })),
      (transcript, exchangeId) => {
        const counterpart = translated.counterpart(byId.get(transcript.id)!, exchangeId);
        return counterpart?.kind === 'paired'
          ? counterpart.exchanges.map((other) => ({ transcript: counterpart.remark.id, exchange: other.id }))
          : [];
      },
      readEntityTable(contentPaths().entities),
    );
    const { entityAddresses } = contentPaths();
    const published = existsSync(entityAddresses)
      ? parseEntityAddresses(readFileSync(entityAddresses, 'utf-8'), entityAddresses)
      : [];
    const archive = buildArchive(remarks, found, lexicon, published);
    // The build's log says what finding entities cost: the benchmark (npm run bench:entities) reads it.
    console.info(
      `[lectern-entities] ${found.length} entities, ${archive.pages.length} with a page, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return archive;
  });
  return cache;
}
