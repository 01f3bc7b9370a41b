import type { Lang } from '../../schemas/transcript.ts';
import { taggedWordsOf } from '../search/words.ts';
import { gluedWord, leadWords, lowerCaseCounts } from './candidates.ts';
import { slugOf } from '../slug.ts';
import { gluedToGuess } from './glued.ts';
import type { Entity, EntityKind } from './entity.ts';

/**
 * Names one language marks by itself, for those the translations never confirm (a name said in one
 * language only, or too rarely in both): a person's title before a name ("Director-General
 * Tedros", "Chief Minister Buzdar"), an organisation's head word ending one ("Non-Aligned
 * Movement", "National Health Commission"), an acronym ("IAEA", "NSG"). A name must be written so
 * in MIN_DOCS answers, and no entity may have it already; the table's `never` refuses the rest
 * (acronyms of treaties, "NPT"). In Chinese, a word jieba tags as a name or does not know, next
 * to a title (宋涛部长, 特使邓锡军); a title after any run of characters was no mark (measured:
 * 5.5% of the people a pattern on characters found were people). And a word jieba tags as an
 * organisation (nt) that ends as a body's name does (国防部, 中共中央政治局, 韩联社), without the
 * country before it: 美国国防部 is the United States and its ministry, 美国政府 the country alone.
 */
export const MIN_DOCS = 2;
/** How often a one-word name may occur in lower case before it is a word, not a name (may, cotton). */
export const MIN_LOWER = 3;
/**
 * A name by a title is a person's in nearly every answer that writes it so, and a capitalised run
 * with a head word a body's: once is enough ("Prime Minister Conte", 张文宏教授, "Non-Aligned
 * Movement"). But a Chinese word jieba does not know, by a title, is often a cut that took in a
 * preposition (同敦, 对泽曼), and an acronym a treaty: those must be seen MIN_DOCS times.
 */
export const MIN_MARKED_DOCS = 1;
export const TITLED_SHARE = 0.3;

const titles = [
  'President',
  'Prime Minister',
  'Premier',
  'Vice President',
  'Vice Premier',
  'Foreign Minister',
  'Minister',
  'Secretary of State',
  'Secretary-General',
  'Director-General',
  'Secretary',
  'Director',
  'Chairman',
  'Chancellor',
  'Ambassador',
  'Special Envoy',
  'Envoy',
  'Governor',
  'Chief Minister',
  'Chief Executive',
  'Senator',
  'Mr.',
  'Ms.',
  'Mrs.',
  'Dr.',
  'King',
  'Queen',
  'Emir',
  'Crown Prince',
  'Commissioner',
  'Mayor',
  // Written before a name as titles are ("CEO Elon Musk", "CFO Meng Wanzhou"): not the company's name.
  'CEO',
  'CFO',
];
const englishTitle = new RegExp(
  String.raw`(?<![\p{L}-])(?:${titles
    .sort((a, b) => b.length - a.length)
    .map((title) => title.replace('.', '\\.'))
    .join('|')}) ((?:[\p{Lu}][\p{L}\p{M}'’-]+)(?: (?:von der |van |de |bin |al-)?[\p{Lu}][\p{L}\p{M}'’-]+){0,2})`,
  'gu',
);
/** A title's own words, which a run of titles puts where a name would be ("Vice Foreign Minister", "Secretary General"). */
const titleWords = new Set(titles.flatMap((title) => title.replace(/\./g, '').split(/[ -]/)));
const organisationHead =
  'Ministry|Commission|Council|Committee|Association|Organi[sz]ation|Agency|Bank|Corp|Corporation|Company|Forum|Assembly|Movement|Department|Office|Party|Institute|University|Hospital|Guard|Court|Parliament|Congress|Mechanism|Fund|Union|Alliance|Federation|Society|Group|Bureau|Center|Centre|Museum|Academy|College|Airlines|Forces?|Senate|School|Consulate(?:-General)?|Secretariat';
/**
 * A run of capitalised words (and the small words a name keeps: of, the, and, for) with a head
 * word in it: "National Health Commission", "Department of Arms Control", "Workers' Party of
 * Korea", "Group of 77", "Hubei Center for Disease Control and Prevention".
 */
const capital = String.raw`[\p{Lu}][\p{L}\p{M}'’-]*`;
const englishOrganisation = new RegExp(
  String.raw`\b(?:${capital} (?:(?:of|the|and|for|on) )*)*?(?:${capital} )?(?:${organisationHead})\b(?: (?:of|for|on) (?:the )?(?:${capital}|\d+\b)(?: (?:(?:and|of|for|the) )*${capital})*)?`,
  'gu',
);
/** A document's word after a run: what it is about or by, in a treaty's or a law's name. */
const documentAfter = /^ (?:\(\p{Lu}+\) )?(?:Treaty|Agreement|Accord|Act|Convention|Law)\b/u;
/** Where a body's name has ended: a date, an office, a person's title ("Foreign Ministry Spokesperson"). */
const afterName = new Set(
  (
    'January February March April May June July August September October November December Monday Tuesday ' +
    'Wednesday Thursday Friday Saturday Sunday Spokesperson Spokeswoman Spokesman Director Chairman Chairperson ' +
    'President Minister Secretary Deputy Special Representative Sen Senator Ambassador Envoy Governor Mayor Lead'
  ).split(' '),
);
/** Words that open a sentence or a question before a name: "Can the Foreign Ministry", "Our Red Cross Society". */
const beforeName =
  /^(?:(?:A|An|As|At|After|Before|But|And|Also|Based|Since|Under|With|Like|From|By|For|To|Meanwhile|However|While|According|Recently|Earlier|Later|This|That|These|Those|Can|Could|Does|Did|Do|Is|Are|Was|Were|Will|Would|Has|Have|Had|What|How|Why|When|Where|Which|Who|Our|Your|Their|Its|His|Her|Some|Many|Today|Yesterday|Both|If|In|On|The|and|of|the|for|on|to|Spokesperson|Director|President) )+/u;
/** Heads in a list of bodies ("Wuhan University and Ohio State University"): each is a name. */
export const headWord = new RegExp(String.raw`\b(?:${organisationHead})\b`, 'u');

/** A company named after the word: "US company Tesla", "oil company Exxon Mobil Corp", "carmaker Tesla". */
const companyNamed = new RegExp(
  String.raw`\b(?:company|firm|carrier|airline|newspaper|broadcaster|manufacturer|\p{Ll}*maker) ((?:${capital})(?: ${capital}){0,2})`,
  'gu',
);

/** The names English texts write after a person's title ("Prime Minister Conte", "Mr. Musk"). */
export function titledNames(texts: Iterable<string>): Set<string> {
  const people = new Set<string>();
  for (const text of texts)
    for (const match of text.matchAll(englishTitle)) {
      const name = match[1]!.replace(/['’]s$/u, '');
      const words = name.split(' ');
      if (!notNames.has(words[0]!) && !words.some((word) => titleWords.has(word) || /['’]/u.test(word))) {
        people.add(name);
      }
    }
  return people;
}

/** A capitalised word and the one after it, mid-sentence: "Juan Guaido", "Abdurehim Heyit", "Sina Weibo". */
const givenAndName =
  /(?<=[\p{Ll},;:] )(\p{Lu}\p{Ll}[\p{L}\p{M}-]*) (\p{Lu}[\p{L}\p{M}-]*)\b(?![ -]\p{Lu}|['’]\p{L}{2})/gu;

/**
 * How often English texts write each one-word name after a given name ("Juan Guaido", "Robert
 * Lloyd Schellenberg"): a person named without a title. A demonym, an opener or a place before a
 * name is written so too ("American NGOs", "Syria Nonproliferation"), but rarely twice for one
 * name, and `isName` turns away the words that are names themselves (US, Sina).
 */
export function givenNamed(texts: Iterable<string>, isName: (word: string) => boolean): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts)
    for (const [, given, name] of text.matchAll(givenAndName)) {
      if (leadWords.has(given!) || isName(given!) || given!.endsWith('-based')) continue;
      counts.set(name!, (counts.get(name!) ?? 0) + 1);
    }
  return counts;
}

/** The names English texts call a company, a maker or a newspaper (companyNamed). */
export function companiesNamed(texts: Iterable<string>): Set<string> {
  const names = new Set<string>();
  for (const text of texts)
    for (const match of text.matchAll(companyNamed)) {
      const name = match[1]!.replace(/['’]s$/u, '');
      if (!notNames.has(name.split(' ')[0]!)) names.add(name);
    }
  return names;
}
const acronym = /\b[A-Z]{3,6}\b/gu;
/**
 * Chinese titles, beside a name before or after it (宋涛部长, 特使邓锡军): the English list's, as
 * these texts write them (Director-General 总干事, Governor 州长 or 省长, Chief Executive 行政长官,
 * King 国王, Emir 埃米尔, Mr. 先生, Dr. 博士, CEO 首席执行官), and the ranks of Chinese officials.
 */
const chineseTitles = new Set(
  (
    '部长 副部长 总理 副总理 外长 副外长 总统 副总统 首相 教授 先生 女士 夫人 博士 大使 特使 主席 副主席 王储 国王 女王 ' +
    '埃米尔 国务卿 秘书长 副秘书长 总干事 副总干事 主任 局长 署长 专员 发言人 国务委员 委员长 议长 总书记 州长 省长 ' +
    '市长 参议员 众议员 议员 首席部长 行政长官 首席执行官 首席财务官 董事长 大臣 官房长官'
  ).split(' '),
);
/** The titles that only a person has, never an office: Mr., Ms., Mrs.; written after a name, never before one (萨利赫先生胜选). */
const honorifics = new Set(['先生', '女士', '夫人']);
/** A title, or a word jieba glued a title's country to (日本首相, 美国总统): before a name, the same mark. */
const chineseTitleList = [...chineseTitles];
const endsWithTitle = (word: string) => chineseTitleList.some((title) => word.endsWith(title));
/** The dot between a transliterated name's parts, as these texts write it. */
const middleDot = /^[·•]$/u;
/** A place's name by a title (艾奥瓦州|州长, 中美省|州长论坛): the place of an office, not a person, as a country is (沙特|国王). */
const placeEnding = /[省州市县]$/u;
/**
 * A post of China's abroad (中国驻卡拉奇总领馆, 我驻英国使馆), from 驻: not another country's (美国驻华使馆,
 * 加拿大驻香港总领馆, whose names every such country shares), nor the posts at large (驻外使领馆), nor
 * two named together (中国驻美大使和驻美使馆: 驻美使馆 alone); a country may be its one character (驻美使馆), and
 * the embassy and consulates one name (中国驻美使领馆).
 */
const chinesePost =
  /(?<=(?:中国|我国|我))驻(?!外)[^\P{Script=Han}驻和与及]{1,8}?(?:总领事馆|总领馆|大使馆|使领馆|使馆|领事馆|使团|代表团)/gu;
/** Posts named by no place: 驻有关国家使馆, 驻当地使领馆, 驻非洲各国使馆, 驻其他国家的使领馆. */
const postsAtLarge = /国家|各国|当地|有关|相关|其他|多个|的/u;
/** What jieba calls a name it knows (nr...) or a word it does not (x): a person's name, beside a title. */
const chineseNameTags = /^(?:nr|nrt|nrfg|nz|x)$/u;

/**
 * How a Chinese body's name ends (部, 委员会, 社, 党, 银行…); a government (政府), a communiqué (公报),
 * a relation (关系) or a country (建交国) does not, nor a name of two characters (公司, 大学: whose?).
 */
const chineseBody =
  /^\p{Script=Han}{1,}(?:组织|部|委员会|委|会|社|党|局|署|院|银行|大学|学院|议会|公司|集团|办公室|办|司|军|报|台|厅|法院|联盟|论坛|中心|医院|机构|中央|政协)$/u;
const notBody = /(?:政府|公报|关系|进展|国)$/u;
/** A government's ministry, agency or party, as jieba's common nouns end (贸工部, 情报局, 联邦调查局). */
const governmentBody = /^\p{Script=Han}{2,}(?:部|局|署|院|党)$/u;

/** Up to a person's office and what it is of, in an organisation's name as matched. */
const officeOf =
  /^.*\b(?:Chairman|Chairwoman|Director(?:-General)?|Secretary(?:-General)?|President|Minister|Ambassador|Envoy|Governor|Chancellor|Premier|Spokesperson|Commissioner|Mayor|Senator) (?:of (?:the )?)?/u;

/** Words a title can stand before that are no name: pronouns, articles. */
const notNames = new Set('The He She His Her They It We This That And But On In'.split(' '));

export function patternEntities(
  docs: readonly { lang: Lang; text: string }[],
  owned: (lang: Lang, name: string) => boolean,
  never: Record<Lang, Set<string>>,
  chineseCountries: ReadonlySet<string> = new Set(),
  lower: ReadonlyMap<string, number> = lowerCaseCounts(docs.filter((doc) => doc.lang === 'en').map((doc) => doc.text)),
): Entity[] {
  const seen = new Map<string, { lang: Lang; kind: EntityKind; docs: number }>();
  const note = (lang: Lang, kind: EntityKind, names: Set<string>) => {
    for (const name of names) {
      const key = `${lang}:${name}`;
      const held = seen.get(key) ?? { lang, kind, docs: 0 };
      held.docs++;
      seen.set(key, held);
    }
  };
  // People named by a title anywhere (Director Yang Jiechi), in two words or more: where a body's
  // name runs on into a person's ("… of the CPC Central Committee Yang Jiechi"), the body's ends.
  const titledPeople = new Set(
    [...titledNames(docs.filter((doc) => doc.lang === 'en').map((doc) => doc.text))].filter(
      (name) => name.includes(' ') && !headWord.test(name),
    ),
  );
  const personAt = (words: string[], i: number) =>
    [2, 3].some((n) => i + n <= words.length && titledPeople.has(words.slice(i, i + n).join(' ')));
  // Per Chinese answer, the words jieba tags as organisations; and all of them, to tell 美国务院 (美, 国务院).
  const chineseBodies: Set<string>[] = [];
  // Chinese names by a title that jieba itself tags a person's (张文宏/nr 教授), not a word it does not know (同敦/x).
  const knownPeople = new Set<string>();
  // Three capitals are a treaty as often as a body (NPT, FTA): an acronym must be seen MIN_DOCS times.
  const acronymNames = new Set<string>();
  const organisationWords = new Set<string>();
  const media = new Set<string>();
  const postsAbroad = new Set<string>();
  for (const { lang, text } of docs) {
    if (lang === 'en') {
      note('en', 'person', titledNames([text]));
      const bodies = new Set<string>();
      for (const match of text.matchAll(englishOrganisation)) {
        // "Intermediate-Range Nuclear Forces Treaty", "Visiting Forces Agreement": forces a treaty
        // is about, not a body ("ASIO Act" names ASIO).
        if (/Forces?$/u.test(match[0]) && documentAfter.test(text.slice(match.index + match[0].length))) continue;
        // "Wuhan University and Ohio State University": two bodies; "Center for Disease Control and Prevention": one.
        const parts = match[0].split(/ and (?:the )?/u);
        const items: string[] = [];
        for (const part of parts) {
          const last = items.at(-1);
          if (last !== undefined && !headWord.test(part)) items[items.length - 1] = `${last} and ${part}`;
          else items.push(part);
        }
        for (const item of items) {
          // "Chairman of the State Affairs Commission": what a person's office is of is the name, not the office.
          // "CEO of the World Bank", "Adam Posen of the Peterson Institute": a body is what the rest is of.
          const of = / of (?:the )?/u.exec(item);
          const body = of && !headWord.test(item.slice(0, of.index)) ? item.slice(of.index + of[0].length) : item;
          const words = body.replace(officeOf, '').replace(beforeName, '').split(' ');
          const end = words.findIndex((word, i) => i > 0 && (afterName.has(word) || personAt(words, i)));
          const name = (end > 0 ? words.slice(0, end) : words).join(' ').replace(/ (?:of|for|on|the|and)$/u, '');
          if (name.includes(' ') && /^[\p{Lu}]/u.test(name) && !/['’]s /u.test(name) && headWord.test(name))
            bodies.add(name);
        }
      }
      for (const name of companiesNamed([text])) bodies.add(name);
      const acronyms = new Set<string>();
      for (const match of text.matchAll(acronym)) if (!titleWords.has(match[0])) acronyms.add(match[0]);
      for (const name of acronyms) acronymNames.add(name);
      note('en', 'organisation', new Set([...bodies, ...acronyms]));
    } else {
      const people = new Set<string>();
      const words = taggedWordsOf(text);
      const nameLike = (i: number) =>
        i < words.length && chineseNameTags.test(words[i]!.tag) && /^\p{Script=Han}+$/u.test(words[i]!.word);
      for (let i = 0; i < words.length; i++) {
        if (!nameLike(i)) continue;
        // jieba cuts a transliterated name it lacks in pieces it tags as names (巴拉|达尔): the run is the name.
        let j = i;
        while (j + 1 < i + 3 && nameLike(j + 1)) j++;
        const run = words.slice(i, j + 1);
        // A given name before a middle dot (汤姆·科顿, 参议员汤姆): the person is named by what follows.
        if (middleDot.test(words[j + 1]?.word ?? '')) {
          i = j;
          continue;
        }
        // jieba glues a preposition or a speech verb to a name it lacks (祝贺奥利, 蒂勒森称): not the name's.
        const word = run
          .map((piece) => piece.word)
          .join('')
          .replace(gluedToGuess, '');
        if (
          !/^\p{Script=Han}{2,5}$/u.test(word) ||
          placeEnding.test(word) ||
          chineseCountries.has(word) ||
          gluedWord.test(word)
        )
          continue;
        const after = words[j + 1]?.word ?? '';
        const afterTwo = after + (words[j + 2]?.word ?? '');
        const before = words[i - 1]?.word ?? '';
        if (
          chineseTitles.has(after) ||
          chineseTitles.has(afterTwo) ||
          (endsWithTitle(before) && !honorifics.has(before))
        ) {
          people.add(word);
          // An honorific after a name (厄齐尔先生) is a person's alone, as 部长 or 主席 are not (同敦部长).
          if (run.every((piece) => piece.tag !== 'x') || honorifics.has(after)) knownPeople.add(word);
        }
        i = j;
      }
      note('zh', 'person', people);
      // 《环球时报》: a newspaper's or a magazine's name is written as a title, and is a body; so is a
      // shimbun's (《产经新闻》, 《劳动新闻》).
      const titled = new Set<string>();
      for (const [, title] of text.matchAll(/《(\p{Script=Han}{2,10}(?:报|周刊|杂志|新闻|新闻社|通讯社|电视台))》/gu))
        titled.add(title!);
      for (const name of titled) media.add(name);
      note('zh', 'organisation', titled);
      // China's posts abroad, named by where they are (中国驻卡拉奇总领馆: 驻卡拉奇总领馆, the country
      // apart as it is before any body): jieba cuts them in pieces it does not tag a body's.
      const posts = new Set<string>();
      for (const [post] of text.matchAll(chinesePost)) if (!postsAtLarge.test(post)) posts.add(post);
      for (const name of posts) postsAbroad.add(name);
      note('zh', 'organisation', posts);
      const bodies = new Set(words.filter(({ tag }) => tag === 'nt').map(({ word }) => word));
      for (const body of bodies) organisationWords.add(body);
      // A ministry or an agency jieba knows as a common noun, named by the country before it
      // (菲律宾|贸工部, 美国|中央情报局): not a generic 委员会 or 社会.
      words.forEach(({ word, tag }, i) => {
        if (tag === 'n' && governmentBody.test(word) && chineseCountries.has(words[i - 1]?.word ?? ''))
          bodies.add(word);
      });
      chineseBodies.push(bodies);
    }
  }
  for (const words of chineseBodies) {
    const bodies = new Set<string>();
    for (const word of words) {
      const body = withoutPlace(word, chineseCountries, organisationWords);
      if (body.length >= 3 && chineseBody.test(body) && !notBody.test(body)) bodies.add(body);
    }
    note('zh', 'organisation', bodies);
  }
  // A Chinese name stands by a title in a good share of the answers that use it; 这一 or 今天上午,
  // beside one by chance, in few. Answers against answers: against its every use, a name an answer
  // repeats (穆加贝 19 times in 5 answers, by a title in 3) fell below the share.
  const chinese = docs.filter((doc) => doc.lang === 'zh').map((doc) => doc.text);
  const titledShare = (name: string, titled: number) =>
    titled / Math.max(chinese.filter((text) => text.includes(name)).length, 1);
  // "May" after "Prime Minister" is Theresa May; everywhere else the lexicon would find the month and the verb.
  const common = (name: string) => !name.includes(' ') && (lower.get(name.toLowerCase()) ?? 0) >= MIN_LOWER;
  const samePost = postsByPlace(postsAbroad);
  const found: Entity[] = [];
  // Per id, its entity and how many answers its first name is marked in.
  const ids = new Map<string, { entity: Entity; docs: number }>();
  for (const [key, { lang, kind, docs: count }] of [...seen].sort(([a], [b]) => a.localeCompare(b))) {
    const name = key.slice(3);
    const marked =
      kind === 'person'
        ? lang === 'en' || knownPeople.has(name)
        : (lang === 'en' && !acronymNames.has(name)) || media.has(name) || postsAbroad.has(name);
    const least = marked ? MIN_MARKED_DOCS : MIN_DOCS;
    if (count < least || never[lang].has(name) || owned(lang, name)) continue;
    // 祝贺习近平, 同鲁哈尼: a cut that took in a verb or a preposition beside a name an entity has.
    if (lang === 'zh' && kind === 'person' && holdsOwned(name, (part) => owned('zh', part))) continue;
    if (lang === 'en' && common(name)) continue;
    if (lang === 'zh' && kind === 'person' && titledShare(name, count) < TITLED_SHARE) continue;
    // 特雷斯 of 古特雷斯, 福萨 of 拉马福萨: jieba cut a name an entity has, and the title stood by the cut.
    if (lang === 'zh' && kind === 'person' && mostlyInside(name, chinese, (longer) => owned('zh', longer))) continue;
    const id = slugOf((lang === 'zh' && samePost.get(name)) || name);
    // One slug, one kind, one language: the same name spelt two ways ("Miguel Diaz Canel",
    // "Miguel Diaz-Canel"), the most marked first.
    const same = ids.get(id);
    if (same) {
      const names = same.entity.names[lang];
      // A name of the other language with this slug is another entity's.
      if (same.entity.kind !== kind || names.length === 0) continue;
      if (count > same.docs) {
        names.unshift(name);
        same.docs = count;
      } else names.push(name);
      continue;
    }
    const entity: Entity = {
      id,
      kind,
      names: { en: lang === 'en' ? [name] : [], zh: lang === 'zh' ? [name] : [] },
      origin: 'pattern',
    };
    ids.set(id, { entity, docs: count });
    found.push(entity);
  }
  return found;
}

/** A post's kind, whatever the words: an embassy (使馆, 大使馆), a consulate-general, the embassy and its consulates. */
const postKinds: [RegExp, string][] = [
  [/(?:大使馆|使馆)$/u, '使馆'],
  [/使领馆$/u, '使领馆'],
  [/(?:总领事馆|总领馆)$/u, '总领馆'],
  [/领事馆$/u, '领事馆'],
  [/使团$/u, '使团'],
  [/代表团$/u, '代表团'],
];

/**
 * One post however it is written: 驻美使馆, 驻美国使馆 and 驻美国大使馆 are China's embassy in the
 * United States. A place written by its first character (美) is the one place of the posts that
 * starts with it; where two do (驻加使馆: 加拿大 or 加蓬), the short form stays a post of its own.
 * Each post's name written more than one way to the name its entity is known by: the place in
 * full, the shortest words (驻美国使馆).
 */
function postsByPlace(posts: ReadonlySet<string>): Map<string, string> {
  const parsed = [...posts].flatMap((post) => {
    const kind = postKinds.find(([ending]) => ending.test(post));
    const place = kind && post.slice(1).replace(kind[0], '');
    return kind && place ? [{ post, place, kind: kind[1] }] : [];
  });
  const places = new Set(parsed.map(({ place }) => place));
  const groups = new Map<string, { post: string; place: string }[]>();
  for (const { post, place, kind } of parsed) {
    const longer = [...places].filter((other) => other.length > place.length && other.startsWith(place));
    const key = `${place.length <= 2 && longer.length === 1 ? longer[0]! : place}|${kind}`;
    groups.set(key, [...(groups.get(key) ?? []), { post, place }]);
  }
  const same = new Map<string, string>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const known = group.reduce((best, one) =>
      one.place.length > best.place.length ||
      (one.place.length === best.place.length && one.post.length < best.post.length)
        ? one
        : best,
    );
    for (const { post } of group) same.set(post, known.post);
  }
  return same;
}

/**
 * A body's name without the country that heads it: 美国国防部 is 国防部's; so is 美国务院 国务院's, 美
 * standing for 美国 before a body jieba knows whole elsewhere.
 */
function withoutPlace(word: string, places: ReadonlySet<string>, bodies: ReadonlySet<string>): string {
  for (let length = Math.min(word.length - 1, 12); length >= 2; length--) {
    if (places.has(word.slice(0, length))) return word.slice(length);
  }
  if (word.length >= 4 && bodies.has(word.slice(1))) return word.slice(1);
  return word;
}

/** How many characters on either side of a name may make it part of a longer one (古|特雷斯, 扎|里夫). */
const WIDER = 4;

/** Whether most uses of a Chinese name in `texts` are inside a longer name an entity has already. */
function mostlyInside(name: string, texts: readonly string[], owned: (longer: string) => boolean): boolean {
  let uses = 0;
  let inside = 0;
  for (const text of texts)
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      uses++;
      const end = at + name.length;
      search: for (let before = 0; before <= WIDER; before++)
        for (let after = before === 0 ? 1 : 0; after <= WIDER; after++) {
          if (at - before < 0 || end + after > text.length) continue;
          if (owned(text.slice(at - before, end + after))) {
            inside++;
            break search;
          }
        }
    }
  return uses > 0 && inside * 2 >= uses;
}

/** Whether a Chinese name holds, as a proper part, a name an entity has already. */
function holdsOwned(name: string, owned: (part: string) => boolean): boolean {
  for (let length = name.length - 1; length >= 2; length--)
    for (let at = 0; at + length <= name.length; at++) if (owned(name.slice(at, at + length))) return true;
  return false;
}
