import type { Kind } from '../../schemas/kind.ts';
import type { Lang } from '../../schemas/transcript.ts';
import { spokespeople } from '../transcript/spokespeople.ts';
import { englishMonths as months } from '../transcript/months.ts';

/** What a ministry title says of its transcript. */
export interface TitleFacts {
  /** YYYY-MM-DD where the title gives a full date. */
  date?: string;
  /** MM-DD where the title gives a day without its year (14 English titles of 2018 do). */
  monthDay?: string;
  spokesperson?: string;
  kind?: Kind;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function readTitle(title: string, lang: Lang): TitleFacts {
  return { ...titleDate(title), ...spokespersonOf(title, lang), ...kindOf(title) };
}

function titleDate(title: string): Pick<TitleFacts, 'date' | 'monthDay'> {
  const zh = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(title);
  if (zh) return { date: `${zh[1]}-${pad(Number(zh[2]))}-${pad(Number(zh[3]))}` };
  const en = new RegExp(`\\b(${months.join('|')})\\s*(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?`, 'i').exec(title);
  if (!en) return {};
  const monthDay = `${pad(months.indexOf(en[1]!.toLowerCase() as (typeof months)[number]) + 1)}-${pad(Number(en[2]))}`;
  return en[3] ? { date: `${en[3]}-${monthDay}` } : { monthDay };
}

function spokespersonOf(title: string, lang: Lang): Pick<TitleFacts, 'spokesperson'> {
  const pattern =
    lang === 'zh'
      ? /发言人([\p{Script=Han}]{2,3}?)(?:主持|就|答|发表|在|谈|表示|应询)/u
      : /Spokesperson\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}?)(?:'s|’s|\s+on\b|\s+Answers|\s+Remarks|\s*$)/;
  const named = pattern.exec(title)?.[1];
  if (named) return { spokesperson: named };
  const known = spokespeople.find((person) => title.includes(person[lang]));
  return known ? { spokesperson: known[lang] } : {};
}

const kinds: [RegExp, Kind][] = [
  [/Daily Briefing Online|网上例行记者会/i, 'briefing'],
  [/Regular Press Conference|例行记者会|Press Conference/i, 'press-conference'],
  [/Answers? to (?:a )?Journalists?'?’?s?'? Questions?|答记者问|答问/i, 'answers'],
  [/\bStatement\b|声明/i, 'statement'],
  [/\bRemarks?\b|谈话|表态|\bComments?\b/i, 'remarks'],
];

function kindOf(title: string): Pick<TitleFacts, 'kind'> {
  const found = kinds.find(([pattern]) => pattern.test(title));
  return found ? { kind: found[1] } : {};
}
