import { langs, type Lang } from '../../schemas/transcript.ts';
import { answerText, questionText } from '../transcript/exchange.ts';
import type { TranscriptBody } from '../transcript/model.ts';
import { discoverEntities, type AlignedDocs, type Doc } from './discover.ts';
import type { Entity } from './entity.ts';
import { knownEntities } from './known.ts';
import { Lexicon } from './lexicon.ts';
import { patternEntities } from './patterns.ts';
import type { EntityTable } from './table.ts';

/** A transcript as the finder reads it: the site's entries and the benchmark's imported files alike. */
export interface Readable {
  id: string;
  lang: Lang;
  transcript: TranscriptBody;
}

/**
 * Every entity of an archive: the editors' table first, then the countries, then the names the
 * aligned translations confirm (discover.ts), then names one language marks by itself
 * (patterns.ts), each later source giving way to an earlier one's names; and the lexicon that
 * finds them in any text. `counterparts` gives an English exchange's
 * aligned Chinese exchanges, by transcript and exchange id.
 */
export function findEntities(
  transcripts: readonly Readable[],
  counterparts: (transcript: Readable, exchangeId: string) => { transcript: string; exchange: string }[],
  table: EntityTable,
): { entities: Entity[]; lexicon: Lexicon } {
  const docs: Doc[] = [];
  const aligned: AlignedDocs[] = [];
  for (const transcript of transcripts) {
    for (const exchange of transcript.transcript.exchanges) {
      const key = `${transcript.id}#${exchange.id}`;
      docs.push({ key, lang: transcript.lang, text: `${questionText(exchange)}\n${answerText(exchange)}` });
      if (transcript.lang !== 'en') continue;
      for (const other of counterparts(transcript, exchange.id)) {
        aligned.push({ en: key, zh: `${other.transcript}#${other.exchange}` });
      }
    }
  }
  const entities = discoverEntities(docs, aligned, knownEntities(table), table.never);
  const owned = { en: new Set<string>(), zh: new Set<string>() };
  for (const entity of entities) for (const lang of langs) for (const name of entity.names[lang]) owned[lang].add(name);
  entities.push(...patternEntities(docs, (lang, name) => owned[lang].has(name), table.never));
  return { entities, lexicon: new Lexicon(entities) };
}
