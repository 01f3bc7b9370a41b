import type { Lang } from '../../schemas/transcript.ts';
import { slugOf } from '../slug.ts';
import { chineseCandidates, englishCandidates, leadWords, lowerCaseCounts } from './candidates.ts';
import type { Entity, EntityKind } from './entity.ts';
import { companiesNamed, givenNamed, headWord, titledNames } from './patterns.ts';

/**
 * Names confirmed by the translations. The site aligns every answer with its translation; a name
 * and its rendering keep turning up in the same aligned pairs (Pompeo ↔ 蓬佩奥), where a
 * capitalised sentence opener or a word jieba over-tags (公正 as a person) has no steady partner.
 * For each candidate the partner it shares most pairs with, relative to how often each occurs
 * (Jaccard over the aligned pairs), links the two when each is the other's best, they share
 * MIN_SHARED pairs and a Jaccard of MIN_JACCARD or more; the linked names are one entity. A name an entity
 * already has (a country, the editors' table) makes its partner an alias of that entity.
 */
export const MIN_SHARED = 3;
export const MIN_JACCARD = 0.3;
/** The share of a name's answers that put it after "in", "at" or "from" (in Davos) that makes it a place, not a person. */
export const PLACE_SHARE = 0.4;

/** A question and answer as the finder reads them (`key` is the exchange's, unique in the archive). */
export interface Doc {
  key: string;
  lang: Lang;
  text: string;
}

/** Two docs that are one answer in two languages, as the aligner paired them. */
export interface AlignedDocs {
  en: string;
  zh: string;
}

/**
 * Words made from a name that are not names: two countries together (中美, 中俄关系, 中菲两国,
 * China-US) are a relation, not a third entity; 涉疆 and Xinjiang-related say what a matter
 * concerns; 加方 (the Canadian side) and Canadian stand for a government, the country's own name is
 * its mention.
 */
const relation = /^(?:中.(?:关系)?|涉.+|.+方|.+[两三]国)$/u;
const hyphenated = /^\p{Lu}[\p{L}.]*-\p{Lu}|-(?:related|owned|funded|based|backed|led)$/u;
/** A word a demonym could be: what English adds to a place's name ("Canad-ian", "Japan-ese", "Afghan", "Pakistani-s"). */
const demonymEnding = /(?:an|ese|ish|i|ic|ine|ch|n)s?$/u;
/**
 * An event, a document or a project is no entity; the names in it are ("G20 Osaka Summit": the G20
 * and Osaka; "New START Treaty"; "BCIM Economic Corridor"), and the lexicon's longest match would
 * hide them.
 */
const eventName =
  /\b(?:Summit|Conference|Expo|Games|Olympics|Dialogue|Meeting|Session|Festival|Ceremony|Exhibition|Treaty|Agreements?|Convention|Law|Act|Declaration|Resolution|Corridor|Initiative)$/u;
/** How English writes a place's name: Port of Piraeus, Nansha Islands, Strait of Hormuz. */
const placeWords =
  /^(?:Port|Gulf|Bay|Strait|Lake|Mount|Cape|Line) of |\b(?:Islands?|Sea|Bay|Strait|Canal|Province|Region|Peninsula|Airport|Harbour|Harbor)$/u;
/** A person is known by a name, not by a title with it ("President Trump", "US President Trump"). */
const titled = (name: string) => name.split(' ').some((word) => leadWords.has(word));
/** An office, not who holds it nor where ("Syrian Deputy Prime Minister", paired with the name after it). */
const office =
  /\b(?:Minister|President|Premier|Secretary(?:-General)?|Chairman|Chairwoman|Chancellor|Councilor|Councillor|Ambassador|Senator|Envoy|Spokesperson|Commissioner|Governor|Mayor|Director-General)$/u;
/** Words that make a body beside the head words patterns.ts knows (headWord): media and firms, posts abroad. */
const organisationWords = /\b(?:Army|Embassy|Consulate(?:-General)?|Times|News|Post|Telecom|Technologies)\b/u;

/** What discovery found, and each candidate's likeliest rendering in the other language, however weak. */
export interface Discovery {
  entities: Entity[];
  /** The name (as `en:…` or `zh:…`) a candidate shares most aligned pairs with, and their Jaccard. */
  partner: (name: string) => { partner: string; jaccard: number } | undefined;
  /** Each aligned Chinese text's candidates, by its key: jieba's tagging is the finder's costliest step, done once. */
  chinese: ReadonlyMap<string, ReadonlyMap<string, EntityKind | undefined>>;
}

export function discoverEntities(
  docs: Doc[],
  aligned: AlignedDocs[],
  known: Entity[],
  never: Record<Lang, Set<string>>,
  lower: ReadonlyMap<string, number> = lowerCaseCounts(docs.filter((doc) => doc.lang === 'en').map((doc) => doc.text)),
): Discovery {
  const byKey = new Map(docs.map((doc) => [doc.key, doc]));
  const inPairs = new Set(aligned.flatMap((pair) => [pair.en, pair.zh]));
  const english = new Map<string, Set<string>>();
  const chinese = new Map<string, Map<string, EntityKind | undefined>>();
  for (const key of inPairs) {
    const doc = byKey.get(key);
    if (!doc) continue;
    if (doc.lang === 'en')
      english.set(key, new Set([...englishCandidates(doc.text)].filter((name) => !never.en.has(name))));
    else
      chinese.set(
        key,
        new Map([...chineseCandidates(doc.text)].filter(([name]) => !never.zh.has(name) && !relation.test(name))),
      );
  }
  const englishTexts = docs.filter((doc) => doc.lang === 'en').map((doc) => doc.text);
  const located = placeUses(englishTexts);
  const companies = companiesNamed(englishTexts);
  const people = titledNames(englishTexts);
  // A demonym is a name's stem with an ending (Canada: Canadian; Asia: Southeast Asian), or a
  // -stan or -land country's name without it (Afghan, Thai); Wuhan (of Wuhanese) and Shanghai are neither.
  const single = new Set<string>();
  for (const names of english.values()) for (const name of names) if (!name.includes(' ')) single.add(name);
  for (const entity of known) for (const name of entity.names.en) if (!name.includes(' ')) single.add(name);
  const stems = [...single].filter((name) => name.length >= 4 && /^\p{Lu}\p{Ll}+$/u.test(name));
  const isDemonym = (word: string) =>
    demonymEnding.test(word) &&
    stems.some(
      (stem) =>
        stem !== word &&
        (word.startsWith(stem.slice(0, -1)) || (/(?:stan|land)$/u.test(stem) && stem.startsWith(word))),
    );
  const nameLike = (name: string) =>
    !hyphenated.test(name) &&
    !eventName.test(name) &&
    !isDemonym(name.split(' ').at(-1)!) &&
    !(/^\p{Lu}\p{Ll}+$/u.test(name) && (lower.get(name.toLowerCase()) ?? 0) >= MIN_SHARED);
  for (const [key, names] of english) english.set(key, new Set([...names].filter(nameLike)));
  const knownNames = new Set(known.flatMap((entity) => entity.names.en));
  const given = givenNamed(englishTexts, (word) => knownNames.has(word) || isDemonym(word));
  const df = new Map<string, number>();
  const count = (name: string) => df.set(name, (df.get(name) ?? 0) + 1);
  const tags = new Map<string, Map<EntityKind, number>>();
  for (const pair of aligned) {
    const en = english.get(pair.en);
    const zh = chinese.get(pair.zh);
    if (!en || !zh) continue;
    for (const name of en) count(`en:${name}`);
    for (const [name, kind] of zh) {
      count(`zh:${name}`);
      if (!kind) continue;
      const kinds = tags.get(name) ?? new Map<EntityKind, number>();
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      tags.set(name, kinds);
    }
  }
  const frequent = (name: string) => (df.get(name) ?? 0) >= MIN_SHARED;
  const shared = new Map<string, number>();
  for (const pair of aligned) {
    const en = [...(english.get(pair.en) ?? [])].filter((name) => frequent(`en:${name}`));
    const zh = [...(chinese.get(pair.zh)?.keys() ?? [])].filter((name) => frequent(`zh:${name}`));
    for (const e of en)
      for (const z of zh) shared.set(`en:${e}\u0000zh:${z}`, (shared.get(`en:${e}\u0000zh:${z}`) ?? 0) + 1);
  }
  // Each candidate's best partner; and, for another form of a name (below), its best at all.
  const best = new Map<string, { partner: string; jaccard: number; shared: number }>();
  const loose = new Map<string, { partner: string; jaccard: number; shared: number }>();
  for (const [key, n] of shared) {
    if (n < MIN_SHARED) continue;
    const [e, z] = key.split('\u0000') as [string, string];
    const jaccard = n / (df.get(e)! + df.get(z)! - n);
    for (const [self, partner] of [
      [e, z],
      [z, e],
    ] as const) {
      const held = loose.get(self);
      if (outranks(partner, jaccard, held)) loose.set(self, { partner, jaccard, shared: n });
    }
    if (jaccard < MIN_JACCARD) continue;
    for (const [self, partner] of [
      [e, z],
      [z, e],
    ] as const) {
      const held = best.get(self);
      if (outranks(partner, jaccard, held)) best.set(self, { partner, jaccard, shared: n });
    }
  }
  // Names an entity already has.
  const owner = new Map<string, Entity>();
  for (const entity of known) {
    for (const name of entity.names.en) owner.set(`en:${name}`, entity);
    for (const name of entity.names.zh) owner.set(`zh:${name}`, entity);
  }
  // Link each candidate to its best partner; join linked names (union-find).
  const parent = new Map<string, string>();
  const root = (name: string): string => {
    let at = name;
    while (parent.has(at) && parent.get(at) !== at) at = parent.get(at)!;
    return at;
  };
  for (const [self, { partner }] of [...best].sort(([a], [b]) => a.localeCompare(b))) {
    const known1 = owner.get(self);
    const known2 = owner.get(partner);
    if (known1 && known2) continue;
    // A name an entity already has is the editors' or ISO's to give: its partners are not taken from co-occurrence.
    if (known1 || known2) continue;
    // Two names are linked only when each is the other's best partner: a word that keeps company
    // with a name (公正 with Pompeo) has that name as its best, but the name has its rendering.
    if (best.get(partner)?.partner !== self) continue;
    const [a, b] = [root(self), root(partner)];
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  const groups = new Map<string, string[]>();
  for (const name of best.keys()) {
    if (owner.has(name)) continue;
    const r = root(name);
    groups.set(r, [...(groups.get(r) ?? []), name]);
  }
  // A shorter form of a group's name whose best partner is in the group joins it, though it goes
  // with the partner less often than MIN_JACCARD: Abe (of Shinzo Abe, 安倍). A longer form is
  // another thing (UN Charter, 上海合作组织), but for a Chinese name the middle dot of a
  // transliteration carries on (伊姆兰·汗 of 伊姆兰, Imran Khan, whose best partner is the shorter).
  for (const [name, { partner }] of loose) {
    if (owner.has(name) || owner.has(partner) || root(name) === root(partner)) continue;
    const group = groups.get(root(partner));
    if (!group) continue;
    const lang = name.slice(0, 3);
    const forms = group.filter((other) => other.startsWith(lang)).map((other) => other.slice(3));
    const own = name.slice(3);
    const contained =
      lang === 'en:'
        ? forms.some((form) => form !== own && ` ${form} `.includes(` ${own} `))
        : forms.some(
            (form) => form !== own && (form.includes(own) || `·${own}·`.replace(/[•・]/gu, '·').includes(`·${form}·`)),
          );
    if (contained && (groups.get(root(name))?.length ?? 1) === 1) {
      group.push(name);
      parent.set(name, root(partner));
    }
  }
  const found: Entity[] = [...known];
  const ids = new Set(found.map((entity) => entity.id));
  for (const names of groups.values()) {
    const en = names.filter((n) => n.startsWith('en:')).map((n) => n.slice(3));
    const zh = names.filter((n) => n.startsWith('zh:')).map((n) => n.slice(3));
    if (en.length === 0 || zh.length === 0) continue;
    let kind = kindOf(
      en,
      en.filter((name) => !titled(name)),
      zh,
      tags,
    );
    // jieba tags 达沃斯 and 多哈 as people; English writes "in Davos", "in Doha".
    if (kind === 'person' && en.some((name) => (located.get(name) ?? 0) >= PLACE_SHARE * (df.get(`en:${name}`) ?? 0)))
      kind = 'place';
    // jieba tags 特斯拉 a person (Nikola Tesla); English writes "carmaker Tesla".
    if (kind === 'person' && en.some((name) => companies.has(name))) kind = 'organisation';
    // A person's English name has a given name with it (Michael Kovrig, twice: Juan Guaido) or a
    // title before it somewhere (Secretary Pompeo): one word never so written is a platform, a
    // firm or a people that jieba's tags took for a person (Facebook, Gallup, Weibo).
    const person = (name: string) => name.includes(' ') || people.has(name) || (given.get(name) ?? 0) >= 2;
    if (kind === 'person' && !en.some(person)) kind = 'organisation';
    const english = byUse(
      kind === 'person'
        ? en.filter((name) => !titled(name))
        : kind === 'place'
          ? en.filter((name) => !office.test(name))
          : en,
      'en',
      df,
    );
    if (english.length === 0) continue;
    const id = slugOf(english[0]!);
    if (ids.has(id)) continue;
    ids.add(id);
    // A piece that only ever occurs inside a longer name of the same entity (马克 of 马克龙) is no name of its own,
    // and a name with a character more (王岐山副, of 王岐山副主席) is a rare cut of the name.
    const ranked = byUse(zh, 'zh', df);
    const top = df.get(`zh:${ranked[0]}`) ?? 0;
    const chineseNames = ranked.filter(
      (name) =>
        (df.get(`zh:${name}`) ?? 0) * 5 >= top &&
        !zh.some((other) => other !== name && other.includes(name) && df.get(`zh:${other}`) === df.get(`zh:${name}`)),
    );
    found.push({ id, kind, names: { en: english, zh: chineseNames }, origin: 'aligned' });
  }
  return { entities: found, partner: (name) => loose.get(name), chinese };
}

/**
 * Whether `partner` is a better partner than the one `held`: a higher Jaccard, and on a tie the
 * longer name (马克龙, Macron, over 马克, a piece of it), then the first in code-point order, so
 * that the order the pairs were counted in never decides.
 */
function outranks(partner: string, jaccard: number, held: { partner: string; jaccard: number } | undefined): boolean {
  if (!held || jaccard > held.jaccard) return true;
  if (jaccard < held.jaccard) return false;
  return partner.length > held.partner.length || (partner.length === held.partner.length && partner < held.partner);
}

function byUse(names: string[], lang: Lang, df: Map<string, number>): string[] {
  return [...names].sort((a, b) => (df.get(`${lang}:${b}`) ?? 0) - (df.get(`${lang}:${a}`) ?? 0) || a.localeCompare(b));
}

/** What Chinese names end with: a place (湖北省, 南沙群岛, 克什米尔地区), an organisation (华为公司, 商务部, 新华社). */
const placeEnding = /(?:省|市|县|州|地区|岛|群岛|海|湾|山|河|湖|半岛|海峡)$/u;
const organisationEnding = /(?:公司|集团|组织|部|委员会|会|社|党|局|署|院|银行|大学|政府|议会)$/u;

const personalTitle =
  /^(?:President|Premier|Prime Minister|Minister|Foreign Minister|Secretary|Chairman|Chancellor|Mr|Ms|Mrs|Dr|Ambassador|Senator|King|Queen|Emir|Vice President|Vice Premier|State Councilor) /u;

function kindOf(all: string[], en: string[], zh: string[], tags: Map<string, Map<EntityKind, number>>): EntityKind {
  // "President Putin" beside "Putin": a person's title before a name of the group.
  if (all.some((name) => personalTitle.test(name) && en.some((other) => name.endsWith(` ${other}`)))) return 'person';
  if (en.some((name) => organisationWords.test(name) || headWord.test(name) || /^[A-Z]{2,6}$/.test(name)))
    return 'organisation';
  if (all.some((name) => placeWords.test(name))) return 'place';
  if (zh.some((name) => organisationEnding.test(name))) return 'organisation';
  if (zh.some((name) => placeEnding.test(name))) return 'place';
  const votes = new Map<EntityKind, number>();
  for (const name of zh) for (const [kind, n] of tags.get(name) ?? []) votes.set(kind, (votes.get(kind) ?? 0) + n);
  // A name jieba knows nothing of is nearly always a foreign person's, transliterated (蓬佩奥).
  return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'person';
}

/** In how many answers each capitalised run follows "in", "at" or "from": where something happens. */
function placeUses(texts: string[]): Map<string, number> {
  const uses = new Map<string, number>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (const [, name] of text.matchAll(/\b(?:in|at|from) ((?:\p{Lu}[\p{L}'’-]*)(?: \p{Lu}[\p{L}'’-]*)*)/gu))
      seen.add(name!);
    for (const name of seen) uses.set(name, (uses.get(name) ?? 0) + 1);
  }
  return uses;
}
