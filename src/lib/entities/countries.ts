import { createRequire } from 'node:module';
import type { Entity } from './entity.ts';
import { slugOf } from '../slug.ts';

/**
 * Countries and territories with their English and Chinese names, from i18n-iso-countries (ISO
 * 3166-1 and the CLDR's names). Formal names that the ministry's texts never write ("Korea,
 * Republic of", with a comma) are left out; short names the list keeps as aliases ("US", "UK")
 * stay. Names shared by two entries ("Congo") are left to the table (content/entities.yaml):
 * a name that could be either is neither.
 */
export function countryEntities(): Entity[] {
  const require = createRequire(import.meta.url);
  const countries = require('i18n-iso-countries') as typeof import('i18n-iso-countries');
  type LocaleData = Parameters<typeof countries.registerLocale>[0];
  countries.registerLocale(require('i18n-iso-countries/langs/en.json') as LocaleData);
  countries.registerLocale(require('i18n-iso-countries/langs/zh.json') as LocaleData);
  const codes = Object.keys(countries.getAlpha2Codes()).sort();
  const entries = codes.map((code) => {
    const en = usable(countries.getName(code, 'en', { select: 'all' }) ?? []);
    const zh = usable(countries.getName(code, 'zh', { select: 'all' }) ?? []);
    // The short name first: "United States" rather than "United States of America".
    const display = en.find((name) => name.length <= 20 && !/^[A-Z.]+$/.test(name)) ?? en[0];
    return { code, en: order(en, display), zh };
  });
  const seen = new Map<string, number>();
  for (const { en, zh } of entries) for (const name of [...en, ...zh]) seen.set(name, (seen.get(name) ?? 0) + 1);
  return entries
    .map(({ code, en, zh }) => ({
      id: slugOf(en.find((name) => seen.get(name) === 1) ?? code),
      kind: 'place' as const,
      names: { en: en.filter((name) => seen.get(name) === 1), zh: zh.filter((name) => seen.get(name) === 1) },
      origin: 'iso-3166' as const,
    }))
    .filter((entity) => entity.names.en.length > 0 || entity.names.zh.length > 0);
}

function usable(names: string[]): string[] {
  return names.filter((name) => !name.includes(',') && !/[()（）]/.test(name));
}

function order(names: string[], first: string | undefined): string[] {
  return first && names.includes(first) ? [first, ...names.filter((name) => name !== first)] : names;
}
