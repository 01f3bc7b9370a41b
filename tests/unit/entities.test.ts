import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { countryEntities } from '../../src/lib/entities/countries.ts';
import { chineseCandidates, englishCandidates } from '../../src/lib/entities/candidates.ts';
import { discoverEntities, type AlignedDocs, type Doc } from '../../src/lib/entities/discover.ts';
import type { Entity } from '../../src/lib/entities/entity.ts';
import { type Readable, findEntities, withoutRegionWord } from '../../src/lib/entities/find.ts';
import { knownEntities } from '../../src/lib/entities/known.ts';
import { Lexicon } from '../../src/lib/entities/lexicon.ts';
import { patternEntities } from '../../src/lib/entities/patterns.ts';
import { pinyinNames } from '../../src/lib/entities/pinyin.ts';
import { chineseKey, englishKey, keyDistance } from '../../src/lib/entities/transliteration.ts';
import { expansion, notBodies } from '../../src/lib/entities/spelled-out.ts';
import { emptyTable, readEntityTable } from '../../src/lib/entities/table.ts';
import { projectRoot } from '../../scripts/support/paths.ts';

const fixture = (name: string) => join(projectRoot, 'tests/fixtures/entities', name);
const found = (lexicon: Lexicon, text: string, lang: 'en' | 'zh') =>
  lexicon.find(text, lang).map(({ entity, start, end }) => `${entity}:${text.slice(start, end)}`);

describe('countries', () => {
  const countries = countryEntities();
  const byId = new Map(countries.map((country) => [country.id, country]));

  test('each has its English and Chinese names, the short English name first', () => {
    expect(byId.get('lithuania')?.names).toEqual({ en: ['Lithuania'], zh: ['立陶宛'] });
    expect(byId.get('united-states')?.names.en[0]).toBe('United States');
    expect(byId.get('united-states')?.names.en).toContain('US');
    expect(byId.get('united-states')?.names.zh).toEqual(['美国']);
  });

  test('a name two countries share is given to neither, and no formal name with a comma is kept', () => {
    const congo = countries.filter((country) => country.names.en.includes('Congo'));
    expect(congo).toEqual([]);
    expect(countries.flatMap((country) => country.names.en).filter((name) => name.includes(','))).toEqual([]);
  });
});

describe('the lexicon', () => {
  const entities: Entity[] = [
    { id: 'china', kind: 'place', names: { en: ['China'], zh: ['中国'] }, origin: 'iso-3166' },
    { id: 'south-china-sea', kind: 'place', names: { en: ['South China Sea'], zh: ['南海'] }, origin: 'table' },
    { id: 'united-states', kind: 'place', names: { en: ['United States', 'US'], zh: ['美国'] }, origin: 'iso-3166' },
    { id: 'huawei', kind: 'organisation', names: { en: ['Huawei'], zh: ['华为'] }, origin: 'table' },
    { id: 'gao-feng', kind: 'person', names: { en: ['Gao Feng'], zh: ['高峰'] }, origin: 'aligned' },
  ];
  const lexicon = new Lexicon(entities);

  test('English: the longest name wins, whole words only, case as written', () => {
    expect(found(lexicon, "China's position on the South China Sea is clear to us and the US.", 'en')).toEqual([
      'china:China',
      'south-china-sea:South China Sea',
      'united-states:US',
    ]);
    expect(found(lexicon, 'Chinaware and USB sticks', 'en')).toEqual([]);
  });

  test('Chinese: a name is found where a word begins; a place heads a compound, a person does not', () => {
    expect(found(lexicon, '中国政府坚决反对美国打压华为。', 'zh')).toEqual([
      'china:中国',
      'united-states:美国',
      'huawei:华为',
    ]);
    // 访华|为: no 华为 here; 高峰论坛 is a summit, not Gao Feng.
    expect(found(lexicon, '他此次访华为期三天，出席高峰论坛。', 'zh')).toEqual([]);
    expect(found(lexicon, '商务部新闻发言人高峰表示', 'zh')).toEqual(['gao-feng:高峰']);
  });

  test('Chinese: a name jieba glued a preposition to is found after it, where the word ends (同非盟)', () => {
    const withUnion = new Lexicon([
      ...entities,
      { id: 'african-union', kind: 'organisation', names: { en: ['African Union'], zh: ['非盟'] }, origin: 'table' },
    ]);
    expect(found(withUnion, '中方一贯高度重视同非盟关系，支持非盟在地区事务中发挥作用。', 'zh')).toEqual([
      'african-union:非盟',
      'african-union:非盟',
    ]);
  });

  test('Chinese: a one-character verb or preposition jieba glued to a name is not the name’s (由巴育)', () => {
    const withPrayut = new Lexicon([
      ...entities,
      { id: 'prayut', kind: 'person', names: { en: ['Prayut'], zh: ['巴育'] }, origin: 'aligned' },
    ]);
    expect(found(withPrayut, '日前泰国成立由巴育总理领导的新一届政府', 'zh')).toContain('prayut:巴育');
  });

  test('Chinese: a name with a middle dot is found whole, after a 如 jieba glued to it (如伊姆兰)', () => {
    const withImran = new Lexicon([
      ...entities,
      {
        id: 'imran-khan',
        kind: 'person',
        names: { en: ['Imran Khan'], zh: ['伊姆兰', '伊姆兰·汗'] },
        origin: 'aligned',
      },
    ]);
    expect(found(withImran, '这是当前巴财政困难的原因。如伊姆兰·汗总理访华期间', 'zh')).toEqual([
      'imran-khan:伊姆兰·汗',
    ]);
  });

  test('Chinese: a body is named in 东盟国家 (ASEAN countries), one word to jieba', () => {
    const withAsean = new Lexicon([
      ...entities,
      { id: 'asean', kind: 'organisation', names: { en: ['ASEAN'], zh: ['东盟'] }, origin: 'table' },
    ]);
    expect(found(withAsean, '我们希望有关国家尊重中国和东盟国家的努力。', 'zh')).toEqual(['china:中国', 'asean:东盟']);
  });

  test('Chinese: where a place ends inside a word, a name may begin (中国|外交部, one word to jieba)', () => {
    const withMinistry = new Lexicon([
      ...entities,
      {
        id: 'foreign-ministry',
        kind: 'organisation',
        names: { en: ['Foreign Ministry'], zh: ['外交部'] },
        origin: 'table',
      },
    ]);
    expect(found(withMinistry, '中国外交部发言人表示', 'zh')).toEqual(['china:中国', 'foreign-ministry:外交部']);
  });

  test('Chinese: a name written in Latin letters between Han characters is found by its English name', () => {
    const withApec = new Lexicon([
      ...entities,
      { id: 'apec', kind: 'organisation', names: { en: ['APEC'], zh: ['亚太经合组织'] }, origin: 'table' },
    ]);
    expect(found(withApec, '巴新将主办APEC领导人非正式会议', 'zh')).toEqual(['apec:APEC']);
    expect(found(withApec, '巴新将主办APECS会议', 'zh')).toEqual([]);
  });

  test('Chinese: a one-character word jieba glued after a name is not the name’s (韩正|副, 孟晚舟|案)', () => {
    const withPeople = new Lexicon([
      ...entities,
      { id: 'han-zheng', kind: 'person', names: { en: ['Han Zheng'], zh: ['韩正'] }, origin: 'aligned' },
      { id: 'meng-wanzhou', kind: 'person', names: { en: ['Meng Wanzhou'], zh: ['孟晚舟'] }, origin: 'aligned' },
    ]);
    expect(found(withPeople, '韩正副总理会见了客人。', 'zh')).toEqual(['han-zheng:韩正']);
    expect(found(withPeople, '关于孟晚舟案，中方立场是明确的。', 'zh')).toEqual(['meng-wanzhou:孟晚舟']);
  });

  test('Chinese: a verb jieba glued after a name is not the name’s (蓬佩奥称), a character that ends names as often is (侯赛因)', () => {
    const withPeople = new Lexicon([
      ...entities,
      { id: 'pompeo', kind: 'person', names: { en: ['Pompeo'], zh: ['蓬佩奥'] }, origin: 'aligned' },
      { id: 'hussein', kind: 'person', names: { en: [], zh: ['侯赛'] }, origin: 'pattern' },
    ]);
    expect(found(withPeople, '国务卿蓬佩奥称，美方将继续施压。', 'zh')).toEqual(['pompeo:蓬佩奥']);
    expect(found(withPeople, '侯赛因国王访华。', 'zh')).toEqual([]);
  });

  test("Chinese: a post of China's is not found after another country's name (古巴驻美国使馆: Cuba's, in the US)", () => {
    const withPost = new Lexicon([
      ...entities,
      { id: 'cuba', kind: 'place', names: { en: ['Cuba'], zh: ['古巴'] }, origin: 'iso-3166' },
      { id: '驻美国使馆', kind: 'organisation', names: { en: [], zh: ['驻美国使馆'] }, origin: 'pattern' },
    ]);
    expect(found(withPost, '古巴驻美国使馆遭到枪击。', 'zh')).toEqual(['cuba:古巴', 'united-states:美国']);
    expect(found(withPost, '中国驻美国使馆发布提醒。', 'zh')).toEqual(['china:中国', '驻美国使馆:驻美国使馆']);
    expect(found(withPost, '外交部和驻美国使馆都在。', 'zh')).toContain('驻美国使馆:驻美国使馆');
  });

  test('offsets are the text’s own', () => {
    const text = '关于南海问题';
    const [mention] = lexicon.find(text, 'zh');
    expect(text.slice(mention!.start, mention!.end)).toBe('南海');
  });
});

describe('candidates', () => {
  test('English: capitalised runs, and the run without a title before it', () => {
    const names = englishCandidates('We noted that President Donald Trump met the UN Secretary-General in New York.');
    expect(names).toContain('President Donald Trump');
    expect(names).toContain('Donald Trump');
    expect(names).toContain('New York');
    expect(names).not.toContain('noted');
  });

  test('Chinese: jieba’s names, and a transliterated name jieba cuts in pieces, whole', () => {
    const names = chineseCandidates('菲律宾总统杜特尔特表示');
    expect([...names.keys()]).toContain('菲律宾');
    expect([...names.keys()]).toContain('杜特尔特');
  });

  test('Chinese: a preposition or a visit jieba glued to one character (同|文在寅 cut 同文, 访韩) is no candidate', () => {
    const names = [...chineseCandidates('习近平主席同文在寅总统通电话，并欢迎他访韩。').keys()];
    expect(names).not.toContain('同文');
    expect(names).not.toContain('访韩');
  });

  test('Chinese: 副 (vice-) after a name begins its title and is no piece of the name (胡春华|副总理)', () => {
    const names = [...chineseCandidates('国务院副总理胡春华出席。胡春华副总理表示欢迎。').keys()];
    expect(names).toContain('胡春华');
    expect(names).not.toContain('胡春华副');
  });

  test('Chinese: a surname jieba tags alone and a given name that is a word of its own (蔡|英文) are a candidate', () => {
    expect([...chineseCandidates('台湾地区领导人蔡英文在讲话中说').keys()]).toContain('蔡英文');
    // A title after a surname is no given name (王|部长).
    expect([...chineseCandidates('王部长在讲话中说').keys()]).not.toContain('王部长');
  });

  test('Chinese: a transliterated name whose parts a middle dot joins is a candidate whole, never from or to its dot', () => {
    // jieba tags 汗 zg and 扎 a verb: after a dot, any word of Han characters goes on the name.
    const imran = [...chineseCandidates('巴基斯坦总理伊姆兰·汗将于下月访华').keys()];
    expect(imran).toContain('伊姆兰·汗');
    expect(imran).toContain('伊姆兰');
    const zarif = [...chineseCandidates('伊朗外长穆罕默德·贾瓦德·扎里夫将于明天访华').keys()];
    expect(zarif).toContain('穆罕默德·贾瓦德·扎里夫');
    expect(zarif).toContain('贾瓦德·扎里夫');
    expect([...imran, ...zarif].some((name) => /^·|·$/.test(name))).toBe(false);
  });
});

describe('discovery from aligned answers', () => {
  // Six answers in both languages: Pompeo and 蓬佩奥 keep turning up together; the rest is noise.
  const english = [
    'However, Secretary Pompeo made groundless accusations about Huawei.',
    'We have noted what Pompeo said. It is not fair.',
    'Pompeo should stop spreading lies. However, we remain open.',
    'Mr. Pompeo again slandered China. This is unfair and unjust.',
    'However, the justice of history will prevail.',
    'We call for fairness and justice. However, some do not listen.',
  ];
  const chinese = [
    '蓬佩奥国务卿对华为进行无端指责，有失公正。',
    '我们注意到蓬佩奥的言论。这不公正。',
    '蓬佩奥应停止散布谎言。',
    '蓬佩奥再次诋毁中国，有失公正。',
    '历史的公正终将到来。',
    '我们主张公平公正。',
  ];
  const docs: Doc[] = [
    ...english.map((text, i) => ({ key: `en#${i}`, lang: 'en' as const, text })),
    ...chinese.map((text, i) => ({ key: `zh#${i}`, lang: 'zh' as const, text })),
  ];
  const aligned: AlignedDocs[] = english.map((_, i) => ({ en: `en#${i}`, zh: `zh#${i}` }));
  const { entities } = discoverEntities(docs, aligned, knownEntities(emptyTable()), { en: new Set(), zh: new Set() });
  const discovered = entities.filter((entity) => entity.origin === 'aligned');

  test('a name and its rendering that keep turning up in the same pairs are one entity, a person', () => {
    expect(discovered).toEqual([
      { id: 'pompeo', kind: 'person', names: { en: ['Pompeo'], zh: ['蓬佩奥'] }, origin: 'aligned' },
    ]);
  });

  test('a word a library over-tags (公正) or a sentence opener (However) finds no partner and is no entity', () => {
    const names = entities.flatMap((entity) => [...entity.names.en, ...entity.names.zh]);
    expect(names).not.toContain('公正');
    expect(names).not.toContain('However');
  });

  test('a name the table refuses is never an entity', () => {
    const { entities: refused } = discoverEntities(docs, aligned, knownEntities(emptyTable()), {
      en: new Set(['Pompeo']),
      zh: new Set(),
    });
    expect(refused.filter((entity) => entity.origin === 'aligned')).toEqual([]);
  });

  // The name in the middle of each sentence, as a candidate must be.
  const discoveredAs = (en: string, zh: string, more: Doc[] = []) => {
    const english = [
      `However, the poll by ${en} made groundless claims about Huawei.`,
      `We have noted what ${en} said. It is not fair.`,
      `We think ${en} should stop spreading lies.`,
      `Again ${en} slandered China. This is unfair and unjust.`,
    ];
    const chinese = [
      `${zh}对华为进行无端指责。`,
      `我们注意到${zh}的言论。`,
      `我们认为${zh}应停止散布谎言。`,
      `${zh}再次诋毁中国。`,
    ];
    const pairs: Doc[] = [
      ...english.map((text, i) => ({ key: `en#${i}`, lang: 'en' as const, text })),
      ...chinese.map((text, i) => ({ key: `zh#${i}`, lang: 'zh' as const, text })),
      ...more,
    ];
    const pairsAligned = english.map((_, i) => ({ en: `en#${i}`, zh: `zh#${i}` }));
    return discoverEntities(pairs, pairsAligned, knownEntities(emptyTable()), {
      en: new Set(),
      zh: new Set(),
    }).entities.find((entity) => entity.names.en.includes(en))?.kind;
  };

  test('one word never written with a given name or after a title is no person (Gallup); a head word makes a body', () => {
    expect(discoveredAs('Gallup', '盖洛普')).toBe('organisation');
    expect(discoveredAs('Hudson Institute', '哈德逊')).toBe('organisation');
  });

  test('one word written after a given name twice is a person (Abdurehim Heyit), once or after a place no more', () => {
    const said = (text: string): Doc[] => [{ key: 'en#more', lang: 'en', text }];
    expect(discoveredAs('Heyit', '艾衣提')).toBe('organisation');
    expect(
      discoveredAs('Heyit', '艾衣提', said('The folk poet Abdurehim Heyit is alive; the poet Abdurehim Heyit spoke.')),
    ).toBe('person');
    expect(discoveredAs('Heyit', '艾衣提', said('The folk poet Abdurehim Heyit is alive.'))).toBe('organisation');
    expect(
      discoveredAs('Gallup', '盖洛普', said('A poll by the Venezuelan Gallup, and by the Venezuelan Gallup again.')),
    ).toBe('organisation');
  });

  test('an office is neither the place nor the person it is paired with (Syrian Deputy Prime Minister)', () => {
    expect(discoveredAs('Syrian Deputy Prime Minister', '穆阿利')).toBeUndefined();
  });

  test('a name ending in "-owned" is no name (Syrian-owned), whatever it is paired with', () => {
    expect(discoveredAs('Syrian-owned', '萨拉姆')).toBeUndefined();
  });

  test('a treaty, a corridor or an exhibition is no entity; an army or an embassy is a body', () => {
    expect(discoveredAs('Moscow Treaty', '萨拉姆')).toBeUndefined();
    expect(discoveredAs('Kalam Corridor', '萨拉姆')).toBeUndefined();
    expect(discoveredAs('Kachin Independence Army', '萨拉姆')).toBe('organisation');
  });

  test('a Chinese name carried on past a middle dot joins the group of the name it carries on (伊姆兰·汗 of 伊姆兰)', () => {
    // Imran Khan goes with 伊姆兰 in all four pairs and with 伊姆兰·汗 in three: each of the two
    // has him for its best partner, but his is the shorter.
    const english = [
      'Prime Minister Imran Khan will visit China next week.',
      'We welcome Imran Khan and his delegation.',
      'Yesterday Imran Khan met the press.',
      'As Imran Khan has said many times, the corridor matters.',
    ];
    const chinese = [
      '伊姆兰总理下周将访华。',
      '我们欢迎伊姆兰·汗及其代表团。',
      '昨天伊姆兰·汗会见了记者。',
      '正如伊姆兰·汗多次说过的，走廊很重要。',
    ];
    const pairs: Doc[] = [
      ...english.map((text, i) => ({ key: `en#${i}`, lang: 'en' as const, text })),
      ...chinese.map((text, i) => ({ key: `zh#${i}`, lang: 'zh' as const, text })),
    ];
    const { entities: found } = discoverEntities(
      pairs,
      english.map((_, i) => ({ en: `en#${i}`, zh: `zh#${i}` })),
      knownEntities(emptyTable()),
      { en: new Set(), zh: new Set() },
    );
    expect(found.find((entity) => entity.names.en.includes('Imran Khan'))?.names.zh).toEqual(['伊姆兰', '伊姆兰·汗']);
  });

  test('a name the English texts call a company or a maker is an organisation, whatever jieba tags it', () => {
    const carmaker = docs.map((doc) => ({
      ...doc,
      text: doc.lang === 'en' ? doc.text.replace(/Pompeo/g, 'Tesla') : doc.text.replace(/蓬佩奥/g, '特斯拉'),
    }));
    carmaker[0] = { ...carmaker[0]!, text: 'However, US carmaker Tesla made groundless accusations.' };
    const { entities: found } = discoverEntities(carmaker, aligned, knownEntities(emptyTable()), {
      en: new Set(),
      zh: new Set(),
    });
    expect(found.find((entity) => entity.names.en.includes('Tesla'))?.kind).toBe('organisation');
  });
});

describe('a place said without its region word', () => {
  test('中东地区 is also 中东, unless another entity has the shorter name; a body keeps its names', () => {
    const entities: Entity[] = [
      { id: 'middle-east', kind: 'place', names: { en: ['Middle East'], zh: ['中东地区'] }, origin: 'aligned' },
      { id: 'taiwan', kind: 'place', names: { en: ['Taiwan'], zh: ['台湾'] }, origin: 'table' },
      { id: 'taiwan-region', kind: 'place', names: { en: [], zh: ['台湾地区'] }, origin: 'pattern' },
      { id: 'x', kind: 'organisation', names: { en: [], zh: ['亚太地区'] }, origin: 'pattern' },
    ];
    withoutRegionWord(entities, new Set());
    expect(entities.map((entity) => entity.names.zh)).toEqual([
      ['中东地区', '中东'],
      ['台湾'],
      ['台湾地区'],
      ['亚太地区'],
    ]);
  });
});

describe("the editors' table", () => {
  test('the project’s table reads, and its entities come first, taking their names from the countries', () => {
    const table = readEntityTable(join(projectRoot, 'content/entities.yaml'));
    const known = knownEntities(table);
    expect(known[0]?.origin).toBe('table');
    const taiwan = known.filter((entity) => entity.names.en.includes('Taiwan'));
    expect(taiwan.map((entity) => entity.origin)).toEqual(['table']);
  });

  test.each([
    ['broken-yaml.yaml', /broken-yaml\.yaml:\d+: .*fix the YAML/],
    ['twice.yaml', /twice\.yaml:7: "华为" is given to both huawei and huawei-technologies/],
    ['bad-kind.yaml', /bad-kind\.yaml:6: entities\.1\.kind: kind is one of place, person, organisation/],
  ])('%s is refused, with its file, line and what to do', (name, message) => {
    expect(() => readEntityTable(fixture(name))).toThrow(message);
  });

  test("the ministry's spokespeople are people in both languages, after the table's entities", () => {
    const known = knownEntities(emptyTable());
    expect(known.find((entity) => entity.id === 'hua-chunying')).toEqual({
      id: 'hua-chunying',
      kind: 'person',
      names: { en: ['Hua Chunying'], zh: ['华春莹'] },
      origin: 'spokespeople',
    });
    const table = { ...emptyTable(), never: { en: new Set<string>(), zh: new Set(['华春莹']) } };
    expect(knownEntities(table).find((entity) => entity.id === 'hua-chunying')?.names.zh).toEqual([]);
  });

  test('a folder without a table has none', () => {
    expect(readEntityTable(fixture('absent.yaml'))).toEqual(emptyTable());
  });
});

describe('names one language marks by itself', () => {
  const docs = [
    { lang: 'en' as const, text: 'Director-General Tedros met the National Health Commission. The IAEA said so.' },
    {
      lang: 'en' as const,
      text: 'We support Director-General Tedros and the National Health Commission; the IAEA and the NPT.',
    },
    {
      lang: 'en' as const,
      text: 'Prime Minister Abe spoke once. The NPT stands. The Ministry of Unity met the ABC once.',
    },
    { lang: 'en' as const, text: 'Prime Minister May spoke in May. It may be so, it may not, and may yet be.' },
  ];
  const found = patternEntities(docs, () => false, { en: new Set(['NPT']), zh: new Set() });
  /** The first English name of each entity English `texts` mark by themselves. */
  const englishNames = (...texts: string[]) =>
    patternEntities(
      texts.map((text) => ({ lang: 'en' as const, text })),
      () => false,
      { en: new Set(), zh: new Set() },
    ).map((entity) => entity.names.en[0]);
  /** The first Chinese name of each entity (of `kind`, if given) Chinese `texts` mark by themselves. */
  const chineseNames = (
    texts: string[],
    { kind, countries, owned = [] }: { kind?: string; countries?: Set<string>; owned?: string[] } = {},
  ) =>
    patternEntities(
      texts.map((text) => ({ lang: 'zh' as const, text })),
      (_lang, name) => owned.includes(name),
      { en: new Set(), zh: new Set() },
      countries,
    )
      .filter((entity) => kind === undefined || entity.kind === kind)
      .map((entity) => entity.names.zh[0]);
  const names: Record<string, string> = Object.fromEntries(found.map((entity) => [entity.names.en[0]!, entity.kind]));

  test('a title before a name makes a person and a head word an organisation, once; an acronym, twice', () => {
    expect(names).toEqual({
      Tedros: 'person',
      Abe: 'person',
      'National Health Commission': 'organisation',
      'Ministry of Unity': 'organisation',
      IAEA: 'organisation',
    });
  });

  test('English: a body is the run with a head word, cut where a date or an office begins', () => {
    const bodies = englishNames(
      'The Department of Arms Control of the Foreign Ministry on June 15 met the Wuhan University and Ohio State University. Can the Foreign Ministry Spokesperson say? Adam Posen of the Peterson Institute said so.',
    );
    expect(bodies).toEqual(
      expect.arrayContaining([
        'Department of Arms Control of the Foreign Ministry',
        'Wuhan University',
        'Ohio State University',
        'Foreign Ministry',
        'Peterson Institute',
      ]),
    );
    expect(bodies.some((name) => /June|Spokesperson|^Can |Posen/.test(name ?? ''))).toBe(false);
  });

  test("English: a body's name ends where a person named by a title elsewhere begins", () => {
    const bodies = englishNames(
      'Director of the Office of the Foreign Affairs Commission of the CPC Central Committee Yang Jiechi met him.',
      'Director Yang Jiechi said so.',
    );
    expect(bodies).toContain('Office of the Foreign Affairs Commission of the CPC Central Committee');
    expect(bodies.some((name) => /Jiechi/.test(name ?? '') && /Office/.test(name ?? ''))).toBe(false);
  });

  test('English: an armed force is a body; the forces a treaty is named for are none', () => {
    const bodies = englishNames(
      'The Japanese Maritime Self-Defense Force sailed. The Intermediate-Range Nuclear Forces (INF) Treaty ended; so did the Visiting Forces Agreement. The Financial Action Task Force met.',
    );
    expect(bodies).toEqual(
      expect.arrayContaining(['Japanese Maritime Self-Defense Force', 'Financial Action Task Force']),
    );
    expect(bodies.some((name) => /Nuclear|Visiting/.test(name ?? ''))).toBe(false);
  });

  test('English: a name spelt two ways is one entity, its names both, the more used first', () => {
    const people = patternEntities(
      [
        { lang: 'en' as const, text: 'President Miguel Diaz-Canel spoke.' },
        { lang: 'en' as const, text: 'We congratulate President Miguel Diaz-Canel.' },
        { lang: 'en' as const, text: 'President Miguel Diaz Canel was elected.' },
      ],
      () => false,
      { en: new Set(), zh: new Set() },
    );
    expect(people.map(({ id, kind, names }) => ({ id, kind, names }))).toEqual([
      { id: 'miguel-diaz-canel', kind: 'person', names: { en: ['Miguel Diaz-Canel', 'Miguel Diaz Canel'], zh: [] } },
    ]);
  });

  test('Chinese: a name jieba cuts in pieces is whole beside a title, without a preposition glued to it', () => {
    const chinese = ['塔利班驻多哈政治办事处主任巴拉达尔和他的助手来华。', '我们祝贺奥利总理。'].map((text) => ({
      lang: 'zh' as const,
      text,
    }));
    const people = patternEntities(chinese, () => false, { en: new Set(), zh: new Set() }).map(
      (entity) => entity.names.zh[0],
    );
    expect(people).toContain('巴拉达尔');
    expect(people).not.toContain('祝贺奥利');
  });

  test('Chinese: the titles of the English list mark a name too; a given name before its dot, a place before an office or a visit (访韩) is no person', () => {
    const chinese = [
      '世界知识产权组织总干事高锐称，中国的成就值得肯定。',
      'WIPO总干事高锐表示。',
      '习近平主席与沙特国王萨勒曼通话。',
      '美国纽约州长科莫4日发推特。',
      '共和党参议员汤姆·科顿被委任。',
      '第五届中美省州长论坛即将举行。',
      '文在寅总统重申对习近平主席访韩的邀请。',
      '韩方期待习近平主席访韩。',
    ].map((text) => ({ lang: 'zh' as const, text }));
    const people = patternEntities(chinese, () => false, { en: new Set(), zh: new Set() }, new Set(['沙特', '美国']))
      .filter(({ kind }) => kind === 'person')
      .map((entity) => entity.names.zh[0]);
    expect(people).toEqual(expect.arrayContaining(['高锐', '萨勒曼', '科莫']));
    expect(people).not.toContain('汤姆');
    expect(people).not.toContain('中美省');
    expect(people).not.toContain('沙特');
    expect(people).not.toContain('访韩');
  });

  test('Chinese: a posting jieba glued to one character of a country (驻澳, before 大使) is no person', () => {
    const people = chineseNames(['美国驻澳大使表示。', '新任美国驻澳大使到任。'], { countries: new Set(['美国']) });
    expect(people).not.toContain('驻澳');
  });

  test('Chinese: a name by a title in a share of the answers that use it, however often each repeats it', () => {
    const people = chineseNames(
      [
        '中方对穆加贝前总统的逝世表示哀悼。穆加贝是非洲民族解放运动的领袖。穆加贝一生致力于中非友好。',
        '我们已经看到了津巴布韦前总统穆加贝逝世的消息。穆加贝为中非关系作出了贡献。穆加贝先生的家属节哀。',
        '穆加贝是中国人民的老朋友。穆加贝多次访华。穆加贝对华友好。',
      ],
      { kind: 'person' },
    );
    expect(people).toContain('穆加贝');
  });

  test('Chinese: an honorific follows a name and never precedes one (萨利赫先生胜选: 胜选 is no one)', () => {
    const people = chineseNames(['我们祝贺萨利赫先生胜选。', '萨利赫先生胜选后表示。'], { kind: 'person' });
    expect(people).toContain('萨利赫');
    expect(people).not.toContain('胜选');
  });

  test('Chinese: a name jieba does not know, before an honorific (厄齐尔先生), is a person from one answer', () => {
    expect(chineseNames(['我不知道厄齐尔先生本人去没去过新疆。'])).toContain('厄齐尔');
  });

  test('Chinese: a cut of a name an entity has (特雷斯 of 古特雷斯) is none of its own', () => {
    const names = (owned: string[]) =>
      chineseNames(['联合国秘书长古特雷斯宣布任命。', '中方欢迎古特雷斯秘书长的任命。'], { owned });
    expect(names([])).toContain('特雷斯');
    expect(names(['古特雷斯'])).not.toContain('特雷斯');
  });

  test('English: a senate, a school, a consulate and a secretariat are bodies', () => {
    expect(
      englishNames(
        'The US Senate passed it. Students of Niles North High School wrote. The Chinese Consulate-General was attacked. The ASEAN Secretariat said so.',
      ),
    ).toEqual(
      expect.arrayContaining([
        'US Senate',
        'Niles North High School',
        'Chinese Consulate-General',
        'ASEAN Secretariat',
      ]),
    );
  });

  test("Chinese: a post of China's abroad is a body, once, named from 驻; another country's or the posts at large are none", () => {
    const bodies = chineseNames(
      [
        '中国驻卡拉奇总领馆遭到袭击。',
        '美国驻华使馆发表声明。',
        '我驻英国使馆提醒中国公民。',
        '中国驻外使领馆将提供协助。',
      ],
      { kind: 'organisation' },
    );
    expect(bodies).toEqual(expect.arrayContaining(['驻卡拉奇总领馆', '驻英国使馆']));
    expect(bodies.filter((name) => name?.includes('驻华') || name?.includes('驻外'))).toEqual([]);
  });

  test("Chinese: a post named by its country's one character is a body; two posts named together are each", () => {
    const bodies = chineseNames(['感谢你关注中国驻美大使和驻美使馆的帐号。', '中国驻美使馆的做法受到欢迎。'], {
      kind: 'organisation',
    });
    expect(bodies).toContain('驻美使馆');
    expect(bodies.filter((name) => name?.includes('和'))).toEqual([]);
  });

  test('Chinese: one post however it is written (驻美使馆, 驻美国大使馆), its embassy and consulates apart; a post of no place is none', () => {
    const posts = patternEntities(
      [
        '中国驻美使馆发表声明。',
        '中国驻美国大使馆提醒中国公民。',
        '中国驻美使领馆已经行动起来。',
        '中国驻加使馆和中国驻加拿大使馆、中国驻加蓬使馆都在。',
        '请联系中国驻有关国家使馆。',
        '中国驻当地使领馆将提供协助。',
      ].map((text) => ({ lang: 'zh' as const, text })),
      () => false,
      { en: new Set(), zh: new Set() },
    )
      .filter((entity) => entity.kind === 'organisation')
      .map((entity) => entity.names.zh);
    expect(posts).toContainEqual(expect.arrayContaining(['驻美使馆', '驻美国大使馆']));
    expect(posts).toContainEqual(['驻美使领馆']);
    // 加 is Canada's or Gabon's: the short form stays a post of its own.
    expect(posts).toEqual(expect.arrayContaining([['驻加使馆'], ['驻加拿大使馆'], ['驻加蓬使馆']]));
    expect(posts.flat().filter((name) => name.includes('有关') || name.includes('当地'))).toEqual([]);
  });

  test('Chinese: a newspaper named as a title (《环球时报》) is a body, once', () => {
    const media = patternEntities([{ lang: 'zh' as const, text: '这是《环球时报》的观点。' }], () => false, {
      en: new Set(),
      zh: new Set(),
    });
    expect(media.map((entity) => [entity.kind, entity.names.zh[0]])).toContainEqual(['organisation', '环球时报']);
  });

  test('Chinese: so is a shimbun (《产经新闻》), and a Chief Cabinet Secretary is a title (官房长官菅义伟)', () => {
    expect(chineseNames(['日本《产经新闻》发表报道。'], { kind: 'organisation' })).toContain('产经新闻');
    expect(chineseNames(['日本官房长官菅义伟表示。', '日本内阁官房长官菅义伟称。'], { kind: 'person' })).toContain(
      '菅义伟',
    );
  });

  test('Chinese: a body jieba tags as one and names by its abbreviation (全国政协) is a body', () => {
    expect(chineseNames(['全国政协副主席出席。', '全国政协主席会见。'], { kind: 'organisation' })).toContain(
      '全国政协',
    );
  });

  test('a one-word name the texts also write in lower case is a word: May is the month', () => {
    expect(names).not.toHaveProperty('May');
  });

  test('Chinese: a body jieba tags an organisation, twice, without the country before it', () => {
    const chinese = [
      '美国国防部和中国国防部都发表了声明。',
      '中国国防部已经说明了情况，美国政府也表示。',
      '美国政府表示，新华社报道了这件事。',
    ].map((text) => ({ lang: 'zh' as const, text }));
    const bodies = patternEntities(chinese, () => false, { en: new Set(), zh: new Set() }, new Set(['美国', '中国']));
    const zh = bodies.filter((entity) => entity.kind === 'organisation').map((entity) => entity.names.zh[0]);
    expect(zh).toContain('国防部');
    expect(zh).not.toContain('美国国防部');
    // A government is its country; a body in one answer waits for a second.
    expect(zh.some((name) => name?.endsWith('政府'))).toBe(false);
    expect(zh).not.toContain('新华社');
  });

  test('Chinese: a ministry jieba knows as a common noun is a body after a country (菲律宾|贸工部), twice', () => {
    const chinese = [
      '中方高度赞赏菲律宾贸工部官员有关表态。',
      '据报道，马来西亚贸工部官员近日表示，经济社会发展良好。',
      '中国经济社会发展委员会表示。',
    ].map((text) => ({ lang: 'zh' as const, text }));
    const bodies = patternEntities(
      chinese,
      () => false,
      { en: new Set(), zh: new Set() },
      new Set(['菲律宾', '马来西亚', '中国']),
    );
    const zh = bodies.filter((entity) => entity.kind === 'organisation').map((entity) => entity.names.zh[0]);
    expect(zh).toContain('贸工部');
    expect(zh).not.toContain('经济社会');
  });

  test('Chinese: a title jieba glued to its country (日本首相) still marks the name after it', () => {
    const found = patternEntities(
      [{ lang: 'zh' as const, text: '日本首相安倍晋三表示，愿意改善关系。' }],
      () => false,
      {
        en: new Set(),
        zh: new Set(),
      },
    );
    expect(found.map((entity) => [entity.kind, entity.names.zh[0]])).toContainEqual(['person', '安倍晋三']);
  });

  test('a name an entity has already is left to it', () => {
    expect(
      patternEntities(docs, (_lang, name) => name === 'IAEA', { en: new Set(), zh: new Set() }).map((e) => e.id),
    ).not.toContain('iaea');
  });
});

describe('acronyms the texts spell out', () => {
  test('the spelling is the shortest run from the first letter whose initials hold the acronym', () => {
    expect(expansion('Meeting of States Parties to the Biological Weapons Convention', 'BWC')).toBe(
      'Biological Weapons Convention',
    );
    expect(expansion('Code of Conduct in the South China Sea', 'COC')).toBe('Code of Conduct in the South China Sea');
    expect(expansion('The Lancang-Mekong Cooperation', 'LMC')).toBe('Lancang-Mekong Cooperation');
    expect(expansion('Three', 'APT')).toBeUndefined();
  });

  test('one spelled out without a head word is no body; with one, or never spelled out, it is left to the finder', () => {
    const texts = [
      'The Code of Conduct in the South China Sea (COC) consultation goes on. We oppose the ETIM.',
      "Japan's Air Defense Identification Zone (ADIZ) and the East Turkistan Islamic Movement (ETIM).",
      'The China International Import Expo (CIIE) opens. The IAEA said so.',
    ];
    expect([...notBodies(texts)].sort()).toEqual(['ADIZ', 'CIIE', 'COC']);
  });

  test('an acronym written as a title before a name is neither a body nor the name', () => {
    const docs = ['Tesla CEO Elon Musk met us. CEO Elon Musk said so.', 'CFO Meng Wanzhou, CFO of Huawei.'].map(
      (text) => ({ lang: 'en' as const, text }),
    );
    const found = patternEntities(docs, () => false, { en: new Set(), zh: new Set() });
    const names = Object.fromEntries(found.map((entity) => [entity.names.en[0]!, entity.kind]));
    expect(names).toMatchObject({ 'Elon Musk': 'person', 'Meng Wanzhou': 'person' });
    expect(names).not.toHaveProperty('CEO');
    expect(names).not.toHaveProperty('CFO');
  });
});

/** A transcript of one language as the finder reads it: each answer after a question of its own. */
function readable(id: string, lang: 'en' | 'zh', answers: string[]): Readable {
  const turn = (role: 'question' | 'answer', text: string) =>
    ({ role, kind: 'text', label: role === 'question' ? 'Q' : 'A', html: text, text, line: 1 }) as const;
  return {
    id,
    lang,
    transcript: {
      exchanges: answers.map((answer, i) => ({
        id: `q${i + 1}`,
        n: i + 1,
        topics: [],
        turns: [turn('question', lang === 'en' ? 'Any comment?' : '有何评论？'), turn('answer', answer)],
      })),
    } as unknown as Readable['transcript'],
  };
}

describe('ids are addresses', () => {
  const transcript = (id: string, answers: string[]) => readable(id, 'en', answers);
  const table = (kind: 'person' | 'place') => ({
    entities: [{ id: 'tedros', kind, names: { en: ['Tedros Adhanom'], zh: ['谭德塞'] }, origin: 'table' as const }],
    never: { en: new Set<string>(), zh: new Set<string>() },
  });
  const texts = ['We support Director-General Tedros.', 'Director-General Tedros spoke again.'];

  test("a name marked by a title whose id an entity of its kind has is that entity's other name", () => {
    const { entities } = findEntities([transcript('en/a', texts)], () => [], table('person'));
    expect(entities.filter((entity) => entity.id.startsWith('tedros'))).toEqual([
      expect.objectContaining({ id: 'tedros', names: { en: ['Tedros Adhanom', 'Tedros'], zh: ['谭德塞'] } }),
    ]);
  });

  test('one of another kind gets an address of its own, and no page is lost to a clash', () => {
    const { entities } = findEntities([transcript('en/a', texts)], () => [], table('place'));
    expect(entities.filter((entity) => entity.id.startsWith('tedros')).map((entity) => entity.id)).toEqual([
      'tedros',
      'tedros-person',
    ]);
    expect(new Set(entities.map((entity) => entity.id)).size).toBe(entities.length);
  });
});

describe('a Chinese name beside a title, and the English that renders it with the title', () => {
  const english = [
    'Treasury Secretary Steven Mnuchin will visit China.',
    'We noted the remarks of Treasury Secretary Steven Mnuchin.',
    'We welcome Treasury Secretary Steven Mnuchin.',
    'The talks went well, and Mr. Steven Mnuchin agreed.',
  ];
  const chinese = [
    '财政部长姆努钦将访华。',
    '我们注意到财政部长姆努钦的讲话。',
    '我们欢迎财政部长姆努钦。',
    '会谈进展顺利，姆努钦先生表示同意。',
  ];
  const { entities } = findEntities(
    [readable('en/a', 'en', english), readable('zh/a', 'zh', chinese)],
    (_, exchange) => [{ transcript: 'zh/a', exchange }],
    { entities: [], never: { en: new Set(), zh: new Set() } },
  );

  test("is the person the rendering names after the title, not a person named with the title's words", () => {
    const people = entities.filter((entity) => entity.kind === 'person');
    expect(people.find((entity) => entity.names.zh.includes('姆努钦'))?.names.en).toEqual(['Steven Mnuchin']);
    expect(people.flatMap((entity) => entity.names.en).filter((name) => name.includes('Treasury'))).toEqual([]);
  });
});

describe("an organisation's name beside an office", () => {
  test('is what the office is of, not the office', () => {
    const text =
      'Chairman of the State Affairs Commission Kim met the Central Committee and Director of the Office of the Foreign Affairs Commission of the CPC Central Committee.';
    const found = patternEntities(
      [
        { lang: 'en', text },
        { lang: 'en', text },
      ],
      () => false,
      { en: new Set(), zh: new Set() },
    );
    const organisations = found.filter((entity) => entity.kind === 'organisation').map((entity) => entity.names.en[0]);
    expect(organisations).toContain('Office of the Foreign Affairs Commission of the CPC Central Committee');
    expect(organisations).toContain('State Affairs Commission');
    expect(organisations.filter((name) => /Chairman|Director/u.test(name!))).toEqual([]);
  });
});

describe('Chinese names the English spells in pinyin', () => {
  /** Pairs of an English text and its aligned Chinese one, each a document of its own. */
  const spelt = (pairs: [string, string][]) => {
    const texts = new Map<string, string>();
    const aligned: AlignedDocs[] = pairs.map(([en, zh], i) => {
      texts.set(`en#${i}`, en);
      texts.set(`zh#${i}`, zh);
      return { en: `en#${i}`, zh: `zh#${i}` };
    });
    return Object.fromEntries(pinyinNames(texts, aligned).map(({ en, ...rest }) => [en, rest]));
  };

  test('are the characters the name spells, syllable by syllable, however jieba cut them', () => {
    const names = spelt([
      ['Chairman of the NPC Standing Committee Li Zhanshu met him.', '全国人大常委会委员长栗战书会见了他。'],
      ['Vice Premier Han Zheng attended the meeting.', '韩正副总理出席会议。'],
      ['Vice Foreign Minister Le Yucheng said so.', '外交部副部长乐玉成这样表示。'],
      ["Xu Chaofan's return is a success.", '许超凡被遣返回国是一个成果。'],
    ]);
    expect(names['Li Zhanshu']).toEqual({ zh: '栗战书', pairs: 1, personal: true });
    expect(names['Han Zheng']?.zh).toBe('韩正');
    // 乐 reads yue, and le as a surname.
    expect(names['Le Yucheng']?.zh).toBe('乐玉成');
    expect(names['Xu Chaofan']).toEqual({ zh: '许超凡', pairs: 1, personal: true });
  });

  test('are no cut of a longer name, and not pieces of two words', () => {
    const names = spelt([
      ['Yang Feng was arrested.', '杨凤兰被捕。'],
      ['Wang Yi will travel to Iran.', '王毅将前往伊朗访问。'],
    ]);
    expect(names['Yang Feng']).toBeUndefined();
    expect(names['Wang Yi']?.zh).toBe('王毅');
  });

  test("are a place's, a song's or a panda's where the English or jieba says so", () => {
    const names = spelt([
      ['This comes after the Dong Lang issue between the two.', '这是洞朗问题之后的事。'],
      ['They sang the folk song "Liu Sanjie".', '他们唱了民歌《刘三姐》。'],
      ['Two giant pandas called Ru Yi and Ding Ding arrived.', '大熊猫如意和丁丁抵达了。'],
    ]);
    expect(names['Dong Lang']).toMatchObject({ zh: '洞朗', personal: false });
    expect(names['Liu Sanjie']).toMatchObject({ zh: '刘三姐', personal: false });
    expect(names['Ru Yi']).toMatchObject({ zh: '如意', personal: false });
    expect(names['Ding Ding']).toMatchObject({ zh: '丁丁', personal: false });
  });

  test("give a person the English knows its Chinese name, in place of jieba's cut of it", () => {
    const english = ['Vice Foreign Minister Kong Xuanyou met him.', 'Kong Xuanyou also said so.'];
    const chinese = ['外交部副部长孔铉佑会见了他。', '孔铉佑也这样表示。'];
    const { entities, lexicon } = findEntities(
      [readable('en/a', 'en', english), readable('zh/a', 'zh', chinese)],
      (_, exchange) => [{ transcript: 'zh/a', exchange }],
      {
        entities: [
          { id: 'kong-xuanyou', kind: 'person', names: { en: ['Kong Xuanyou'], zh: ['孔铉'] }, origin: 'table' },
        ],
        never: { en: new Set(), zh: new Set() },
      },
    );
    expect(entities.find((entity) => entity.id === 'kong-xuanyou')?.names.zh).toEqual(['孔铉佑']);
    expect(found(lexicon, chinese[1]!, 'zh')).toEqual(['kong-xuanyou:孔铉佑']);
  });

  test('make a person of a name neither language knew, found in every Chinese text', () => {
    const { entities, lexicon } = findEntities(
      [
        readable('en/a', 'en', ['Xu Chaofan, a fugitive, was returned to China.']),
        readable('zh/a', 'zh', ['外逃人员许超凡被遣返回中国。']),
        readable('zh/b', 'zh', ['许超凡案是中美执法合作的成果。']),
      ],
      (transcript, exchange) => (transcript.id === 'en/a' ? [{ transcript: 'zh/a', exchange }] : []),
      emptyTable(),
    );
    expect(entities.find((entity) => entity.id === 'xu-chaofan')).toMatchObject({
      kind: 'person',
      names: { en: ['Xu Chaofan'], zh: ['许超凡'] },
    });
    expect(found(lexicon, '许超凡案是中美执法合作的成果。', 'zh')).toContain('xu-chaofan:许超凡');
  });
});

describe('foreign names as Chinese transliterates them', () => {
  test('a transliteration and the English name it renders have one key of consonant classes', () => {
    expect(chineseKey('费尔特曼')).toBe(englishKey('Feltman'));
    expect(chineseKey('肯雅塔')).toBe(englishKey('Kenyatta'));
    expect(chineseKey('古特雷斯')).toBe(englishKey('Guterres'));
    // 钦 qin renders the ch; 加 jia the g.
    expect(keyDistance('姆努钦', 'Mnuchin')).toBe(0);
    expect(keyDistance('姆南加古瓦', 'Mnangagwa')).toBe(0);
    expect(keyDistance('马克龙', 'Emmanuel Macron')).toBe(0);
    // One class dropped, in keys of four or more: Bolsonaro's l.
    expect(keyDistance('博索纳罗', 'Jair Bolsonaro')).toBe(1);
  });

  test('short keys, and names that do not sound alike, never match', () => {
    expect(keyDistance('李', 'Li')).toBeUndefined();
    expect(keyDistance('特朗普', 'Pompeo')).toBeUndefined();
    // The whole name counts only where it agrees exactly: Marise Payne is not 莫里森.
    expect(keyDistance('莫里森', 'Marise Payne')).toBeUndefined();
    expect(keyDistance('勒德里昂', 'Le Drian')).toBe(0);
  });

  const find = (english: string[], chinese: string[], table: Entity[] = []) =>
    findEntities(
      [readable('en/a', 'en', english), readable('zh/a', 'zh', chinese)],
      (_, exchange) => [{ transcript: 'zh/a', exchange }],
      { entities: table, never: { en: new Set(), zh: new Set() } },
    ).entities;

  test('give a person the English names, and the Chinese does not, the name that sounds like theirs', () => {
    const entities = find(
      ['We noted that Mnangagwa will visit.', 'We welcome what Mnangagwa said.'],
      ['我们注意到姆南加古瓦将访华。', '我们欢迎姆南加古瓦的讲话。'],
      [{ id: 'mnangagwa', kind: 'person', names: { en: ['Mnangagwa'], zh: [] }, origin: 'table' }],
    );
    expect(entities.find((entity) => entity.id === 'mnangagwa')?.names.zh).toEqual(['姆南加古瓦']);
  });

  test('make one person of a name known only in English and one known only in Chinese', () => {
    const entities = find(
      ['We noted what James Mattis said.', 'James Mattis will visit China.', 'James Mattis met him.'],
      ['我们注意到马蒂斯的讲话。', '马蒂斯将访华。', '马蒂斯会见了他。'],
      [
        { id: 'james-mattis', kind: 'person', names: { en: ['James Mattis'], zh: [] }, origin: 'pattern' },
        { id: '马蒂斯', kind: 'person', names: { en: [], zh: ['马蒂斯'] }, origin: 'pattern' },
      ],
    );
    expect(
      entities.filter((entity) => entity.names.zh.includes('马蒂斯') || entity.names.en.includes('James Mattis')),
    ).toEqual([expect.objectContaining({ id: 'james-mattis', names: { en: ['James Mattis'], zh: ['马蒂斯'] } })]);
  });

  test('never take a place inside a candidate, nor a word jieba glued to the name', () => {
    const entities = find(
      ['Bolsonaro said so.', 'We noted that Bolsonaro said so.'],
      ['巴西总统以博索纳罗的名义表示。', '我们注意到博索纳罗说。'],
      [{ id: 'bolsonaro', kind: 'person', names: { en: ['Bolsonaro'], zh: [] }, origin: 'table' }],
    );
    expect(entities.find((entity) => entity.id === 'bolsonaro')?.names.zh).toEqual(['博索纳罗']);
  });

  test('move a Chinese name the alignment gave a body to the person whose pinyin spells it', () => {
    const entities = find(
      ['Yuan Zhiming, director of the National Biosafety Laboratory, said so.'],
      ['国家生物安全实验室主任袁志明表示。'],
      [
        {
          id: 'national-biosafety-laboratory',
          kind: 'person',
          names: { en: ['National Biosafety Laboratory'], zh: ['袁志明'] },
          origin: 'aligned',
        },
      ],
    );
    expect(entities.find((entity) => entity.names.zh.includes('袁志明'))?.names.en).toEqual(['Yuan Zhiming']);
  });
});
