import { z } from 'astro/zod';
import type { EntityArchive } from '../entities/archive.ts';
import { entityKinds } from '../entities/entity.ts';
import { type FormulaArchive, formulaPath } from '../formulas/archive.ts';
import { sentencesOf } from '../formulas/sentences.ts';
import type { Remark } from '../remarks.ts';
import { answerTopics } from '../topics.ts';
import { answerText, questionTurn } from '../transcript/exchange.ts';
import { answerPath, transcriptPath } from '../transcript/addresses.ts';
import type { Translations } from '../translation/translations.ts';
import { langs } from '../../schemas/transcript.ts';

/**
 * The open data: one row per exchange (answers.jsonl.gz, answers.csv.gz) and one per transcript
 * (transcripts.jsonl.gz, and each transcript's own JSON), made from the transcript model as the
 * pages are. The zod schemas below are the one definition of the rows: their types, the JSON
 * Schemas published beside the files, and the check the tests run on every row.
 *
 * Columns that mean what a column of the CMFA PressCon corpus (Mochtak & Turcsanyi) means carry
 * its name — id, link, date, spokesperson, question, answer, who_asked — so that code written for
 * that corpus reads these files.
 */

/** Bump when a column changes meaning or goes away (adding one is not a break). */
export const DATA_VERSION = 1;

const turnRow = z.object({
  role: z.enum(['question', 'answer']).describe("The journalist's side or the spokesperson's."),
  kind: z
    .enum(['question', 'follow-up', 'interjection', 'answer'])
    .describe('question opens the exchange; follow-up and interjection are later turns of the journalist.'),
  label: z.string().describe('The label as the transcript writes it: "Q", "A", "Reuters", "问", "汪文斌".'),
  text: z.string(),
});

const sentenceRow = z.object({
  start: z
    .int()
    .nonnegative()
    .describe('Where the sentence starts in `answer`, in code points (as Python slices a str).'),
  end: z.int().positive().describe('Where it ends in `answer`, in code points.'),
  formula: z
    .string()
    .describe(
      'Its formula: the wordings the tracer takes for the same sentence, exact or with a name, a date or a word changed ("en-3f2a9c1b"; formulas.jsonl.gz lists those said twice or more).',
    ),
  before: z
    .int()
    .nonnegative()
    .describe('How many earlier answers used the formula: 0 where the sentence is said here first.'),
  first: z.string().describe("The answer that first said it, by id (this answer's own id where `before` is 0)."),
});

export const answerRow = z
  .object({
    id: z.string().describe("The answer's id: its transcript's id and its exchange's, \"en/2020/2020-03-12/q3\"."),
    link: z.url().describe("The answer's own page: its permalink."),
    transcript_id: z.string().describe("The transcript's id: its file's path under content/remarks, without .md."),
    transcript_link: z.url().describe("The transcript's page."),
    n: z.int().positive().describe("The exchange's place in its transcript, from 1."),
    date: z.iso.date().describe('The day of the remarks (YYYY-MM-DD).'),
    lang: z.enum(langs).describe('The language of the transcript: en or zh.'),
    spokesperson: z
      .string()
      .nullable()
      .describe('The spokesperson, as the transcript names them; null where it does not.'),
    kind: z.string().describe('The kind of transcript: press-conference, briefing, remarks, answers, statement.'),
    who_asked: z.string().nullable().describe('The outlet that asked, where the transcript names it.'),
    topics: z.array(z.string()).describe('The topics editors gave the transcript and the exchange.'),
    question: z.string().describe('The question that opens the exchange.'),
    answer: z.string().describe("The spokesperson's side: every answer turn, paragraphs apart."),
    follow_ups: z.array(z.string()).describe("The journalist's later turns (follow-ups and interjections), in order."),
    turns: z
      .array(turnRow)
      .nullable()
      .describe(
        'Every turn of the exchange in order, as the answer page shows them, where it has more than its question and one answer (follow-ups, interjections, an answer in several turns); null where question and answer are all of it.',
      ),
    counterpart: z
      .array(z.string())
      .describe(
        'The same exchange in the other language, by answer id: usually one, two or three where one version asks a follow-up as a question of its own; empty where the other version leaves it out or there is none.',
      ),
    source: z.url().describe("The ministry's page the transcript was taken from."),
    sentences: z
      .array(sentenceRow)
      .describe(
        "The answer's sentences whose formula is said in two answers or more (formulas.jsonl.gz), in order: what was said before and when first, or said here first and again later (see /formulas/). Sentences said once only are not listed.",
      ),
    entities: z
      .array(z.string())
      .describe(
        'The places, people and organisations the question or answer names, by id (entities.jsonl.gz), in the order first named.',
      ),
  })
  .describe(`One exchange of a press remark: a question and its answer. Version ${DATA_VERSION}.`);

export const entityRow = z
  .object({
    id: z.string().describe('Its id, as `entities` in answers.jsonl names it: a slug of its English name ("huawei").'),
    kind: z.enum(entityKinds).describe('place, person or organisation.'),
    names_en: z.array(z.string()).describe('Its English names as the texts write them, the one the site shows first.'),
    names_zh: z.array(z.string()).describe('Its Chinese names, likewise.'),
    origin: z
      .enum(['iso-3166', 'table', 'spokespeople', 'aligned', 'pattern'])
      .describe(
        "Where it comes from: a country of ISO 3166 (i18n-iso-countries' names), the editors' table (content/entities.yaml), the ministry's own spokespeople (the site's list of them, in both languages), names found in the aligned translations, or a name one language writes with a title or an organisation's head word (pattern).",
      ),
    mentions: z.int().nonnegative().describe('How often questions and answers name it.'),
    answers: z.int().nonnegative().describe('How many exchanges name it.'),
    answers_en: z.int().nonnegative(),
    answers_zh: z.int().nonnegative(),
    first: z.iso.date().nullable().describe('The day it was first named; null where no answer names it.'),
    last: z.iso.date().nullable().describe('The day it was last named.'),
    link: z.url().nullable().describe('Its page, for an entity named in five answers or more; null for the others.'),
  })
  .describe(
    `A place, person or organisation the spokesperson's remarks name, in both languages. Version ${DATA_VERSION}.`,
  );

export const transcriptRow = z
  .object({
    id: z.string().describe("The transcript's id: its file's path under content/remarks, without .md."),
    link: z.url().describe("The transcript's page."),
    title: z.string().describe('Its title, as the ministry gave it.'),
    date: z.iso.date().describe('The day of the remarks (YYYY-MM-DD).'),
    lang: z.enum(langs).describe('Its language: en or zh.'),
    spokesperson: z.string().nullable().describe('The spokesperson; null where the transcript names none.'),
    kind: z.string().describe('press-conference, briefing, remarks, answers or statement.'),
    topics: z.array(z.string()).describe('The topics editors gave the transcript.'),
    source: z.url().describe("The ministry's page it was taken from."),
    translation: z.string().nullable().describe("The other language's transcript: its id here, or its URL elsewhere."),
    opening: z.string().nullable().describe('Opening statements, before the first question.'),
    answers: z.array(z.string()).describe('Its answers, by id, in order.'),
  })
  .describe(`One transcript: a press conference, remarks or statement on one day. Version ${DATA_VERSION}.`);

export const formulaRow = z
  .object({
    id: z
      .string()
      .describe(
        "The formula's id, as `sentences[].formula` in answers.jsonl names it: its language and a digest of its first wording.",
      ),
    lang: z.enum(langs).describe('Its language: en or zh.'),
    wording: z.string().describe('Its most used wording, as first written.'),
    wordings: z.int().positive().describe('How many wordings it has: exact, or with a name, a date or a word changed.'),
    answers: z.array(z.string()).describe('The answers that use it, by id, oldest first.'),
    first: z.iso.date().describe('The day it was first said.'),
    last: z.iso.date().describe('The day it was last said.'),
    link: z.url().nullable().describe('Its page, for a formula used in five answers or more; null for the others.'),
    counterpart: z
      .string()
      .nullable()
      .describe("The other language's formula that the translations of its answers use, by id, where they show one."),
  })
  .describe(`A formula: a sentence said in two answers or more. Version ${DATA_VERSION}.`);

/** What an exchange's row repeats of its transcript's: a transcript's own JSON says it once, at the top. */
const transcriptFields = {
  transcript_id: true,
  transcript_link: true,
  date: true,
  lang: true,
  spokesperson: true,
  kind: true,
  source: true,
} as const;

/**
 * A transcript's own JSON, beside its page: its row, with its exchanges' rows as answers.jsonl has
 * them but for what the transcript says once (transcriptFields) and their sentences: traced over
 * the whole archive, those would add a tenth to the site's bytes (one JSON per transcript), and
 * answers.jsonl.gz holds them once. Its exchanges list its answers: the row's `answers` is left out.
 */
export const transcriptDocument = transcriptRow
  .omit({ answers: true })
  .extend({ exchanges: z.array(answerRow.omit({ sentences: true, entities: true, ...transcriptFields })) })
  .describe(
    `One transcript with its exchanges, as answers.jsonl has them but for their sentences and entities (answers.jsonl.gz lists those) and the transcript's fields, given once at the top. Version ${DATA_VERSION}.`,
  );

export type AnswerRow = z.infer<typeof answerRow>;
export type FormulaRow = z.infer<typeof formulaRow>;
export type EntityRow = z.infer<typeof entityRow>;
export type TranscriptRow = z.infer<typeof transcriptRow>;
export type TranscriptDocument = z.infer<typeof transcriptDocument>;

/** The text of every turn of a row's exchange, in order: its turns, or its question and answer where those are all. */
export function turnTexts(row: AnswerRow): string[] {
  return row.turns ? row.turns.map((turn) => turn.text) : [row.question, row.answer];
}

/** An answer's id in the open data. */
export function answerId(transcriptId: string, exchangeId: string): string {
  return `${transcriptId}/${exchangeId}`;
}

export function answerRows(
  remark: Remark,
  site: URL,
  translated: Translations,
  traced: FormulaArchive,
  found: EntityArchive,
): AnswerRow[] {
  const { data } = remark;
  return data.transcript.exchanges.map((exchange) => {
    const counterpart = translated.counterpart(remark, exchange.id);
    const answer = answerText(exchange);
    const sentences = sentencesOf(answer, data.lang);
    const codePoints = (offset: number) => [...answer.slice(0, offset)].length;
    return {
      id: answerId(remark.id, exchange.id),
      link: new URL(answerPath(remark.id, exchange.id), site).href,
      transcript_id: remark.id,
      transcript_link: new URL(transcriptPath(remark.id), site).href,
      n: exchange.n,
      date: data.date,
      lang: data.lang,
      spokesperson: data.spokesperson ?? null,
      kind: data.kind,
      who_asked: exchange.asker ?? null,
      topics: answerTopics(remark, exchange),
      question: questionTurn(exchange).text,
      answer,
      follow_ups: exchange.turns.filter((turn, i) => i > 0 && turn.role === 'question').map((turn) => turn.text),
      // Most exchanges are a question and its answer: their turns would repeat those two columns.
      turns:
        exchange.turns.length > 2
          ? exchange.turns.map(({ role, kind, label, text }) => ({ role, kind, label, text }))
          : null,
      counterpart:
        counterpart?.kind === 'paired'
          ? counterpart.exchanges.map((other) => answerId(counterpart.remark.id, other.id))
          : [],
      source: data.source,
      // A sentence said once and never again links nothing: only those of formulas.jsonl are listed.
      sentences: traced
        .marks(remark, exchange)
        .filter((mark) => mark.repeated)
        .map((mark) => ({
          start: codePoints(sentences[mark.at]!.start),
          end: codePoints(sentences[mark.at]!.end),
          formula: mark.formula,
          before: mark.before,
          first: answerId(mark.first.remark.id, mark.first.exchange.id),
        })),
      entities: [...new Set(found.mentionsIn(remark, exchange).map((mention) => mention.entity))],
    };
  });
}

export function transcriptRowOf(remark: Remark, site: URL, translated: Translations): TranscriptRow {
  const { data } = remark;
  const translation = translated.of(remark);
  return {
    id: remark.id,
    link: new URL(transcriptPath(remark.id), site).href,
    title: data.title,
    date: data.date,
    lang: data.lang,
    spokesperson: data.spokesperson ?? null,
    kind: data.kind,
    topics: data.topics,
    source: data.source,
    translation: translation?.remark?.id ?? translation?.external ?? null,
    opening: data.transcript.opening?.text ?? null,
    answers: data.transcript.exchanges.map((exchange) => answerId(remark.id, exchange.id)),
  };
}

export function formulaRows(traced: FormulaArchive, site: URL): FormulaRow[] {
  return langs.flatMap((lang) =>
    traced.repeated(lang).map(({ id, formula, uses, page, wording }) => ({
      id,
      lang,
      wording,
      wordings: formula.wordings.size,
      answers: uses.map(({ remark, exchange }) => answerId(remark.id, exchange.id)),
      first: uses[0]!.remark.data.date,
      last: uses.at(-1)!.remark.data.date,
      link: page ? new URL(formulaPath(page), site).href : null,
      counterpart: page?.counterpart?.id ?? null,
    })),
  );
}

export function entityRows(found: EntityArchive, site: URL): EntityRow[] {
  return found.entities.map((entity) => {
    const page = found.page(entity.id);
    const stats = found.stats(entity.id);
    return {
      id: entity.id,
      kind: entity.kind,
      names_en: entity.names.en,
      names_zh: entity.names.zh,
      origin: entity.origin,
      mentions: stats.mentions,
      answers: stats.answers.en + stats.answers.zh,
      answers_en: stats.answers.en,
      answers_zh: stats.answers.zh,
      first: stats.first ?? null,
      last: stats.last ?? null,
      link: page ? new URL(`/entities/${entity.id}/`, site).href : null,
    };
  });
}
