import { langs, type Lang } from '../../schemas/transcript.ts';
import { answerText, questionText } from '../transcript/exchange.ts';
import type { TranscriptBody } from '../transcript/model.ts';
import { lowerCaseCounts } from './candidates.ts';
import { countryEntities } from './countries.ts';
import { discoverEntities, type AlignedDocs, type Doc } from './discover.ts';
import type { Entity, EntityKind } from './entity.ts';
import { knownEntities } from './known.ts';
import { Lexicon } from './lexicon.ts';
import { patternEntities } from './patterns.ts';
import { pinyinNames, type PinyinName } from './pinyin.ts';
import { chineseKey, keyDistance, transliteratedNames } from './transliteration.ts';
import { slugOf } from '../slug.ts';
import { notBodies } from './spelled-out.ts';
import type { EntityTable } from './table.ts';

/** How often a name one language marks must share aligned pairs with its rendering (Jaccard) to take it. */
export const PATTERN_JACCARD = 0.15;

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
  // The table's refusals, and the acronyms the texts spell out as no body (COC, ADIZ, CIIE).
  const englishTexts = docs.filter((doc) => doc.lang === 'en').map((doc) => doc.text);
  const spelled = notBodies(englishTexts);
  const never = { en: new Set([...table.never.en, ...spelled]), zh: table.never.zh };
  // How often each English word is written in lower case: both finders ask it (May, the month; Security).
  const lower = lowerCaseCounts(englishTexts);
  const { entities, partner, chinese } = discoverEntities(docs, aligned, knownEntities(table), never, lower);
  const owned = { en: new Set<string>(), zh: new Set<string>() };
  for (const entity of entities) for (const lang of langs) for (const name of entity.names[lang]) owned[lang].add(name);
  // Each English name's person, for a Chinese name whose likeliest partner holds it with a title.
  const personNamed = new Map<string, Entity>();
  const notePeople = (entity: Entity) => {
    if (entity.kind === 'person')
      for (const name of entity.names.en) if (!personNamed.has(name)) personNamed.set(name, entity);
  };
  entities.forEach(notePeople);
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  // Countries, not regions: 欧洲理事会 is the European Council, not Europe and a council.
  const countryIds = new Set(countryEntities().map((country) => country.id));
  const countries = new Set(
    entities.filter((entity) => countryIds.has(entity.id)).flatMap((entity) => entity.names.zh),
  );
  for (const entity of patternEntities(docs, (lang, name) => owned[lang].has(name), never, countries, lower)) {
    // A name one language marks (the Foreign Ministry) takes its rendering in the other (外交部)
    // when each is the other's likeliest partner, however rarely they go together, and no entity
    // has that rendering already: the title or head word vouches for the name.
    const [lang, other] = entity.names.en.length > 0 ? (['en', 'zh'] as const) : (['zh', 'en'] as const);
    const name = `${lang}:${entity.names[lang][0]!}`;
    const found = partner(name);
    const rendering = found?.partner.slice(3);
    // Each the other's likeliest partner, with a Jaccard of PATTERN_JACCARD at least (above).
    const mutual = found !== undefined && partner(found.partner)?.partner === name && found.jaccard >= PATTERN_JACCARD;
    // 姆努钦 beside "Treasury Secretary Steven Mnuchin": the person named at the rendering's end is
    // the one the title stood before (Steven Mnuchin), and the Chinese name is that person's.
    // And 姆努钦 beside "Steven Mnuchin", a person already: the same person.
    const holder =
      entity.kind === 'person' && other === 'en' && rendering
        ? (personNamed.get(rendering) ?? (owned.en.has(rendering) ? undefined : personAtEnd(rendering, personNamed)))
        : undefined;
    if (holder && mutual) {
      for (const zh of entity.names.zh) {
        if (owned.zh.has(zh)) continue;
        holder.names.zh.push(zh);
        owned.zh.add(zh);
      }
      continue;
    }
    if (
      mutual &&
      rendering &&
      !owned[other].has(rendering) &&
      !never[other].has(rendering) &&
      !unfinished.test(rendering)
    ) {
      entity.names[other].push(rendering);
      owned[other].add(rendering);
    }
    // Ids are addresses: a pattern's slug that an entity already has (台北市 and Taipei, both
    // "taipei") is that entity's other name when they are of a kind, else a page of its own.
    const same = byId.get(entity.id);
    if (same?.kind === entity.kind) {
      for (const lang of langs)
        for (const name of entity.names[lang]) if (!same.names[lang].includes(name)) same.names[lang].push(name);
      continue;
    }
    if (same) entity.id = `${entity.id}-${entity.kind}`;
    if (byId.has(entity.id)) continue;
    byId.set(entity.id, entity);
    entities.push(entity);
    notePeople(entity);
  }
  const texts = new Map(docs.map((doc) => [doc.key, doc.text]));
  withPinyinNames(entities, pinyinNames(texts, aligned), never);
  withTransliterations(entities, texts, aligned, (key) => chinese.get(key) ?? new Map(), never.zh);
  withoutRegionWord(entities, never.zh);
  return { entities, lexicon: new Lexicon(entities) };
}

/**
 * Chinese people's names as their English spells them (pinyin.ts): a person the English knows
 * takes the characters ("Li Zhanshu": 栗战书), and drops a Chinese name that is their start, a cut
 * of jieba's (孔铉 of 孔铉佑); a person the Chinese knows takes the English name (赵克志: "Zhao
 * Kezhi"), and so does one that has only the other language's (the two are one); a name neither
 * knows is a person of its own where it reads as one (许超凡, "Xu Chaofan"; not the panda Ru Yi).
 */
function withPinyinNames(
  entities: Entity[],
  spelt: readonly PinyinName[],
  never: { en: ReadonlySet<string>; zh: ReadonlySet<string> },
): void {
  const owner = { en: new Map<string, Entity>(), zh: new Map<string, Entity>() };
  const own = (entity: Entity) => {
    for (const lang of langs)
      for (const name of entity.names[lang]) if (!owner[lang].has(name)) owner[lang].set(name, entity);
  };
  entities.forEach(own);
  const ids = new Set(entities.map((entity) => entity.id));
  const spellers = new Map<string, Set<string>>();
  for (const { en, zh } of spelt) spellers.set(zh, (spellers.get(zh) ?? new Set()).add(en));
  for (const { en, zh, personal } of spelt) {
    if (never.en.has(en) || never.zh.has(zh)) continue;
    const english = owner.en.get(en);
    let chinese = owner.zh.get(zh);
    if (english === chinese && english) continue;
    if ((english && english.kind !== 'person') || (chinese && chinese.kind !== 'person')) continue;
    // The spelling outweighs the alignment's statistics, which paired 袁志明 with the National
    // Biosafety Laboratory he heads: the name leaves an entity none of whose English names spell
    // it, for the person whose English does (the editors' table outweighs both).
    if (
      chinese &&
      chinese.names.en.length > 0 &&
      chinese.origin !== 'table' &&
      !chinese.names.en.some((name) => spellers.get(zh)?.has(name))
    ) {
      chinese.names.zh = chinese.names.zh.filter((name) => name !== zh);
      owner.zh.delete(zh);
      chinese = undefined;
    }
    if (english && chinese) {
      // Each known in one language only: one person (the editors' table's entries stay as written).
      if (english.names.zh.length > 0 || chinese.names.en.length > 0 || chinese.origin === 'table') continue;
      english.names.zh.push(...chinese.names.zh);
      entities.splice(entities.indexOf(chinese), 1);
      own(english);
    } else if (english) {
      english.names.zh = [
        zh,
        ...english.names.zh.filter((name) => !(zh.startsWith(name) && owner.zh.get(name) === english)),
      ];
      own(english);
    } else if (chinese) {
      chinese.names.en.push(en);
      const id = slugOf(en);
      // An address from the English name, as every entity with one has (addresses.ts keeps the old one).
      if (chinese.names.en.length === 1 && !ids.has(id)) {
        ids.add(id);
        chinese.id = id;
      }
      own(chinese);
    } else if (personal) {
      const id = slugOf(en);
      if (ids.has(id)) continue;
      ids.add(id);
      const entity: Entity = { id, kind: 'person', names: { en: [en], zh: [zh] }, origin: 'aligned' };
      entities.push(entity);
      own(entity);
    }
  }
}

/**
 * Foreign people's Chinese names, from their sound (transliteration.ts): where an aligned pair's
 * English names a person and its Chinese holds none of their Chinese names, the candidate whose
 * consonants follow the English name's, in two pairs or more, or in one exactly and at length
 * (姆南加古瓦, Mnangagwa). A person without a Chinese name takes it; where a person known only in
 * Chinese has it (马蒂斯), the two are one, and so are a person known only in English and the
 * person holding it (Donald Trump and Trump, 特朗普), where the keys agree or three pairs say so.
 */
function withTransliterations(
  entities: Entity[],
  texts: ReadonlyMap<string, string>,
  aligned: readonly AlignedDocs[],
  candidatesOf: (key: string) => ReadonlyMap<string, EntityKind | undefined>,
  never: ReadonlySet<string>,
): void {
  const lexicon = new Lexicon(entities);
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const owner = new Map<string, Entity>();
  for (const entity of entities) for (const name of entity.names.zh) if (!owner.has(name)) owner.set(name, entity);
  // 是中国, 中伊两国: a candidate holding a place's or a body's name is none of a person's.
  const rejects = (candidate: string) => {
    if (never.has(candidate)) return true;
    for (let from = 0; from < candidate.length - 1; from++)
      for (let to = from + 2; to <= candidate.length; to++) {
        const holder = owner.get(candidate.slice(from, to));
        if (holder && holder.kind !== 'person') return true;
      }
    return false;
  };
  const people = (english: string, chinese: string) =>
    lexicon.find(english, 'en').flatMap(({ entity, start, end }) => {
      const person = byId.get(entity);
      return person?.kind === 'person' && !person.names.zh.some((name) => chinese.includes(name))
        ? [{ entity, name: english.slice(start, end) }]
        : [];
    });
  const removed = new Set<Entity>();
  const held = (candidate: string) => owner.get(candidate)?.kind === 'person';
  for (const { entity, zh, pairs, exact } of transliteratedNames(texts, aligned, candidatesOf, people, rejects, held)) {
    if (pairs < 2 && !(exact && chineseKey(zh).length >= 4)) continue;
    const person = byId.get(entity)!;
    if (removed.has(person) || person.names.zh.length > 0) continue;
    const holder = owner.get(zh);
    if (!holder) {
      person.names.zh.push(zh);
      owner.set(zh, person);
    } else if (
      holder.kind === 'person' &&
      holder !== person &&
      !removed.has(holder) &&
      // Two entities made one: on exact agreement, or in three pairs (Donald Trump, 特朗普 TLNP).
      (exact || pairs >= 3)
    ) {
      const [kept, gone] = holder.names.en.length === 0 ? [person, holder] : [holder, person];
      // An entry of the editors' table is never merged away.
      if (gone.origin === 'table') continue;
      for (const lang of langs)
        for (const name of gone.names[lang]) if (!kept.names[lang].includes(name)) kept.names[lang].push(name);
      for (const name of kept.names.zh) owner.set(name, kept);
      removed.add(gone);
      // Its English display name is one the Chinese renders ("James Mattis", not the "US Defense
      // Secretary" a title gave 马蒂斯), and so its address, where it had a Chinese one.
      const sounding = kept.names.en.filter((name) => keyDistance(zh, name) !== undefined);
      kept.names.en = [...sounding, ...kept.names.en.filter((name) => !sounding.includes(name))];
      const id = slugOf(kept.names.en[0]!);
      const taken = byId.get(id);
      if (/\p{Script=Han}/u.test(kept.id) && (!taken || removed.has(taken))) {
        byId.set(id, kept);
        kept.id = id;
      }
    }
  }
  for (const gone of removed) entities.splice(entities.indexOf(gone), 1);
}

/** A rendering cut before the place it leads to: 美国驻 of 美国驻丹麦大使 ("US … in Denmark") is no name. */
const unfinished = /驻$/u;

/** The person whose English name ends `rendering` after a word or more (a title), the longest such name. */
function personAtEnd(rendering: string, personNamed: ReadonlyMap<string, Entity>): Entity | undefined {
  const words = rendering.split(' ');
  for (let from = 1; from < words.length; from++) {
    const person = personNamed.get(words.slice(from).join(' '));
    if (person) return person;
  }
  return undefined;
}

/**
 * A place's Chinese name ending in 地区 ("region") is said without it as often (中东地区 and 中东,
 * 拉美地区 and 拉美, 洞朗地区 and 洞朗): the shorter is the place's name too, where no entity has it.
 */
export function withoutRegionWord(entities: Entity[], never: ReadonlySet<string>): void {
  const owned = new Set(entities.flatMap((entity) => entity.names.zh));
  for (const entity of entities) {
    if (entity.kind !== 'place') continue;
    for (const name of [...entity.names.zh]) {
      const stem = name.replace(/地区$/u, '');
      if (stem === name || stem.length < 2 || owned.has(stem) || never.has(stem)) continue;
      entity.names.zh.push(stem);
      owned.add(stem);
    }
  }
}
