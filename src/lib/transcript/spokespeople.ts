import { slugOf } from '../slug.ts';

/**
 * The ministry's spokespeople, in both languages. A label naming one of them marks an answer in
 * the 2020+ style ("Zhao Lijian: ..."), and their pages gather transcripts of both languages.
 */
export interface Spokesperson {
  /** URL slug of their page. */
  slug: string;
  en: string;
  zh: string;
}

export const spokespeople: readonly Spokesperson[] = [
  { slug: 'lu-kang', en: 'Lu Kang', zh: '陆慷' },
  { slug: 'hua-chunying', en: 'Hua Chunying', zh: '华春莹' },
  { slug: 'geng-shuang', en: 'Geng Shuang', zh: '耿爽' },
  { slug: 'zhao-lijian', en: 'Zhao Lijian', zh: '赵立坚' },
  { slug: 'wang-wenbin', en: 'Wang Wenbin', zh: '汪文斌' },
  { slug: 'mao-ning', en: 'Mao Ning', zh: '毛宁' },
  { slug: 'lin-jian', en: 'Lin Jian', zh: '林剑' },
  { slug: 'guo-jiakun', en: 'Guo Jiakun', zh: '郭嘉昆' },
  { slug: 'hong-lei', en: 'Hong Lei', zh: '洪磊' },
  { slug: 'qin-gang', en: 'Qin Gang', zh: '秦刚' },
  { slug: 'jiang-yu', en: 'Jiang Yu', zh: '姜瑜' },
  { slug: 'ma-zhaoxu', en: 'Ma Zhaoxu', zh: '马朝旭' },
  { slug: 'liu-weimin', en: 'Liu Weimin', zh: '刘为民' },
];

const byName = new Map<string, Spokesperson>(
  spokespeople.flatMap((person) => [
    [person.en.toLowerCase(), person],
    [person.zh, person],
  ]),
);

/** The known spokesperson a name refers to, in either language, ignoring case. */
export function findSpokesperson(name: string): Spokesperson | undefined {
  return byName.get(name.trim().toLowerCase());
}

/**
 * The slug of a spokesperson's page. Names not in the list get a slug of their own, so a new
 * spokesperson is published without a code change (and can be added above to join languages).
 */
export function spokespersonSlug(name: string): string {
  const known = findSpokesperson(name)?.slug;
  return known ?? slugOf(name);
}
