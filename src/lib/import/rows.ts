import type { ExchangeData } from '../../schemas/exchange.ts';
import type { Kind } from '../../schemas/kind.ts';
import type { Lang } from '../../schemas/transcript.ts';
import { readLabel } from '../transcript/labels.ts';
import { ImportError, type Draft, type SourceParagraph } from './draft.ts';
import { oneLine } from './escape.ts';
import { isChinese } from './lang.ts';
import { readTitle } from './title.ts';

/** One record of a dataset, with the line it starts on. */
export interface Row {
  line: number;
  fields: Record<string, unknown>;
}

const docTypes: Record<string, Kind> = {
  regular_press_conference: 'press-conference',
  press_conference: 'press-conference',
  daily_briefing_online: 'briefing',
  remarks: 'remarks',
  answers: 'answers',
  answers_to_journalists: 'answers',
  statement: 'statement',
};

const str = (value: unknown) =>
  typeof value === 'string'
    ? value.trim()
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : '';

/**
 * Transcripts from dataset rows (`.jsonl`, `.csv`) in the columns of the CMFA PressCon corpus
 * (`id, link, spokesperson, date, question, answer, who_asked`) or of the shared reference
 * extraction (`… ordinal, kind, follow_up, title, url, lang, spokesperson_zh`). Rows are grouped
 * into transcripts by document (url/link, else date) and kept in order (`ordinal`, else file order).
 * A broken row fails its transcript, reported with the row's line; the others still import.
 */
export function draftsFromRows(rows: Row[], input: string): (Draft | ImportError)[] {
  const groups = new Map<string, Row[]>();
  const results: (Draft | ImportError)[] = [];
  for (const row of rows) {
    const key = str(row.fields.url) || str(row.fields.link) || str(row.fields.date);
    if (!key) {
      results.push(
        new ImportError(`${input}:${row.line}`, 'the row has no url, link or date to place it in a transcript.'),
      );
      continue;
    }
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  for (const group of groups.values()) {
    try {
      results.push(draftOf(group, input));
    } catch (error) {
      results.push(error instanceof ImportError ? error : new ImportError(`${input}:${group[0]!.line}`, String(error)));
    }
  }
  return results;
}

function draftOf(group: Row[], input: string): Draft {
  const rows = group.some((row) => row.fields.ordinal !== undefined)
    ? [...group].sort((a, b) => Number(a.fields.ordinal ?? 0) - Number(b.fields.ordinal ?? 0))
    : group;
  const first = rows[0]!;
  const where = `${input}:${first.line}`;
  const f = first.fields;
  const text = rows.map((row) => str(row.fields.question) + str(row.fields.answer)).join('');
  const lang: Lang = str(f.lang) === 'zh' || (str(f.lang) === '' && isChinese(text)) ? 'zh' : 'en';
  const date = str(f.date);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
    throw new ImportError(where, `no date (YYYY-MM-DD) in the row's "date" column ("${date}").`);
  const source = str(f.url) || str(f.link);
  if (!/^https?:\/\//.test(source)) throw new ImportError(where, 'no source URL in the row\'s "url" or "link" column.');
  const spokesperson = (lang === 'zh' ? str(f.spokesperson_zh) : '') || str(f.spokesperson) || undefined;
  const warnings: string[] = [];
  let title = str(f.title);
  if (!title) {
    title = madeUpTitle(date, lang, spokesperson);
    warnings.push(`${where}: the rows give no title; titled "${title}" from the date and spokesperson.`);
  }
  const facts = readTitle(title, lang);
  const kind = facts.kind ?? docTypes[str(f.doc_type)] ?? 'press-conference';

  const paragraphs: SourceParagraph[] = [];
  const exchanges: Partial<ExchangeData>[] = [];
  const [q, a] = lang === 'zh' ? ['问：', '答：'] : ['Q: ', 'A: '];
  for (const row of rows) {
    const question = split(str(row.fields.question));
    const answer = split(str(row.fields.answer));
    const line = row.line;
    if (str(row.fields.kind) === 'statement' || question.length === 0) {
      if (answer.length === 0) throw new ImportError(`${input}:${line}`, 'the row has neither question nor answer.');
      if (exchanges.length > 0)
        warnings.push(
          `${input}:${line}: a statement after the questions is published as part of the answer before it.`,
        );
      paragraphs.push(...answer.map((text) => ({ text, line })));
      continue;
    }
    if (answer.length === 0) throw new ImportError(`${input}:${line}`, 'the row has a question but no answer.');
    const followUp = row.fields.follow_up === true && exchanges.length > 0;
    const label = followUp ? (lang === 'zh' ? '追问：' : 'Follow-up: ') : q;
    paragraphs.push({ text: label + question[0]!, line }, ...question.slice(1).map((text) => ({ text, line })));
    paragraphs.push({ text: a + answer[0]!, line }, ...answer.slice(1).map((text) => ({ text, line })));
    for (const text of [...question.slice(1), ...answer.slice(1)]) {
      if (readLabel(text, spokesperson))
        warnings.push(
          `${input}:${line}: a paragraph opens like a speaker label ("${text.slice(0, 30)}…"): check the imported exchange.`,
        );
    }
    if (!followUp) {
      const asker = str(row.fields.who_asked);
      exchanges.push(asker ? { asker } : {});
    }
  }
  return {
    input: where,
    title,
    date,
    ...(spokesperson && { spokesperson }),
    kind,
    lang,
    source,
    paragraphs,
    ...(exchanges.some((entry) => entry.asker) && { exchanges }),
    ...(/\/(t\d+)\.s?html?$/.exec(source)?.[1] && { docId: /\/(t\d+)\.s?html?$/.exec(source)![1] }),
    warnings,
  };
}

function split(text: string): string[] {
  return text
    .split(/\n\s*\n|\n/)
    .map(oneLine)
    .filter((paragraph) => paragraph !== '');
}

function madeUpTitle(date: string, lang: Lang, spokesperson: string | undefined): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (lang === 'zh') return `${year}年${month}月${day}日外交部发言人${spokesperson ?? ''}主持例行记者会`;
  const monthName = new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' }).format(
    Date.UTC(year, month - 1, day),
  );
  const who = spokesperson ? `Foreign Ministry Spokesperson ${spokesperson}'s` : "Foreign Ministry Spokesperson's";
  return `${who} Regular Press Conference on ${monthName} ${day}, ${year}`;
}
