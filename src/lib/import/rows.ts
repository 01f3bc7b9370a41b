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

/** A record that cannot be read, with whatever of its fields could be (to tell its transcript). */
export interface BrokenRow {
  line: number;
  error: ImportError;
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
 *
 * A transcript is imported whole or not at all: one broken row fails its transcript, reported with
 * the row's line, because a transcript short of a row would give its later answers the wrong ids
 * (q3 published as q2) and fixing the row would move them back. The other transcripts still import.
 */
export function draftsFromRows(rows: (Row | BrokenRow)[], input: string): (Draft | ImportError)[] {
  const groups = new Map<string, { rows: Row[]; broken: BrokenRow[] }>();
  const results: (Draft | ImportError)[] = [];
  const groupOf = (key: string) => {
    const group = groups.get(key) ?? { rows: [], broken: [] };
    groups.set(key, group);
    return group;
  };
  for (const [i, row] of rows.entries()) {
    const key = keyOf(row.fields);
    if ('error' in row) {
      results.push(row.error);
      // A line too broken to name its transcript: datasets list a transcript's rows together, so
      // it belongs to the transcript of the row before it or of the row after it; both wait for it.
      const neighbours = key ? [key] : [rows[i - 1], rows[i + 1]].flatMap((near) => (near ? [keyOf(near.fields)] : []));
      for (const near of neighbours.filter(Boolean)) groupOf(near).broken.push(row);
      continue;
    }
    if (!key) {
      results.push(
        new ImportError(`${input}:${row.line}`, 'the row has no url, link or date to place it in a transcript.'),
      );
      continue;
    }
    groupOf(key).rows.push(row);
  }
  for (const group of groups.values()) {
    const where = `${input}:${(group.rows[0] ?? group.broken[0])!.line}`;
    if (group.broken.length > 0) {
      if (group.rows.length === 0) continue;
      const lines = group.broken.map((row) => row.line).join(', ');
      results.push(
        new ImportError(
          where,
          `not imported: line ${lines} of the file may hold one of this transcript's rows and cannot be read. Fix it and import again; a transcript is never imported short of a row.`,
        ),
      );
      continue;
    }
    try {
      results.push(draftOf(group.rows, input));
    } catch (error) {
      results.push(error instanceof ImportError ? error : new ImportError(where, String(error)));
    }
  }
  return results;
}

const keyOf = (fields: Record<string, unknown>) => str(fields.url) || str(fields.link) || str(fields.date);

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
    // The row says where a question and its answer start: a later paragraph of either that opens
    // like a label ("First: …") is text, and is written so that the site reads it as text.
    const rest = (texts: string[]) =>
      texts.map((text) => ({ text, line, ...(readLabel(text, spokesperson) && { notLabel: true }) }));
    paragraphs.push({ text: label + question[0]!, line }, ...rest(question.slice(1)));
    paragraphs.push({ text: a + answer[0]!, line }, ...rest(answer.slice(1)));
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
