import type { Remark } from '../remarks.ts';
import { answerTopics } from '../topics.ts';
import { publicationOrder } from '../share/permalink-manifest.ts';
import { answerText, questionText } from '../transcript/exchange.ts';
import type { Exchange } from '../transcript/model.ts';
import { answerInTranscriptPath } from '../transcript/addresses.ts';
import { findSpokesperson } from '../transcript/spokespeople.ts';
import { kindName } from '../../i18n/ui.ts';
import { toBigramText, weighted } from './cjk.ts';
import { crossings } from './words.ts';

/**
 * One search record per answer (and one for a transcript's opening statements): the answer is
 * what readers look for, so it is what Pagefind indexes, with its own filters and metadata. Its
 * place in date order is its rank in its bundle (page-id.ts), so it carries no sort key. Its
 * result opens the answer inside its transcript.
 */
export interface SearchRecord {
  url: string;
  /**
   * What the record is found by, as plain text; Pagefind is given `indexedContent` of it. Carried
   * as text, not as what Pagefind indexes: Chinese as weighted bigrams is about twelve times its
   * text, which the build would hold until the index is written.
   */
  text: SearchText;
  /**
   * Pagefind's language for the record. Each language has its own bundle. Chinese is given as
   * "und" (undetermined), so that Pagefind neither splits its bigrams again nor stems them, and
   * its bundle takes Pagefind's smallest WebAssembly (no stemmer: less on a first query).
   */
  language: 'en' | 'und';
  meta: {
    /** The question (or "Opening statements"), as shown in a result. */
    question: string;
    date: string;
    spokesperson: string;
    transcript: string;
    lang: string;
    /** The same answer in the other language: its place in its transcript, where the two are aligned. */
    counterpart?: string | undefined;
    /** "all" where every sentence of the answer the tracer follows was said before (formulas/). */
    said?: 'all' | undefined;
  };
  filters: Record<string, string[]>;
  /**
   * Its transcript's place in the order the site first published its transcripts
   * (publicationOrder, src/lib/share/permalink-manifest.ts), set by the index's integration: a transcript
   * published after the newest week began joins that week's segment, whatever its date
   * (pagefind/write-bundles.ts). Without it, a record's date alone decides.
   */
  published?: number;
}

/**
 * Gives each record its transcript's place in the order the site published its transcripts, by
 * the permalink manifest's lines (publicationOrder): a transcript the manifest does not list yet
 * is placed where the build will append it.
 */
export function placeByPublication(records: SearchRecord[], manifest: string[]): void {
  const transcriptOf = (record: SearchRecord) => record.url.split('#')[0]!;
  const order = publicationOrder(
    manifest,
    records.map((record) => ({ path: transcriptOf(record), date: record.meta.date })),
  );
  for (const record of records) record.published = order.get(transcriptOf(record))!;
}

/** The label a spokesperson's filter value has: one value for both languages where the person is known. */
export function spokespersonFilter(name: string | undefined): string {
  if (!name) return 'Unnamed';
  const known = findSpokesperson(name);
  return known ? `${known.en} ${known.zh}` : name;
}

/** Where an exchange's counterpart in the other language is (its URL in its transcript), if anywhere. */
export type CounterpartOf = (remark: Remark, exchangeId: string) => string | undefined;

/** How much more a word of the question weighs than a word of the answer. */
const QUESTION_WEIGHT = 2;

export interface SearchText {
  answer: string;
  /** The question (and the journalist's later turns): none for opening statements. */
  question?: string | undefined;
}

/**
 * What Pagefind indexes for a record: the answer, then the question at twice the weight (an
 * answer whose question names the query is about it); Han runs as bigrams, those across a word
 * boundary weighted down (cjk.ts, words.ts). `fromBigramText` reads it back into `shownText`.
 */
export function indexedContent({ answer, question }: SearchText): string {
  const text = toBigramText(answer, crossings);
  return question === undefined ? text : `${text}\n${weighted(toBigramText(question, crossings), QUESTION_WEIGHT)}`;
}

/** The record's text as a result quotes it: its answer, then its question. */
export function shownText({ answer, question }: SearchText): string {
  return question === undefined ? answer : `${answer}\n${question}`;
}

/** What the build knows of an answer beyond its transcript, for its search record. */
export interface RecordContext {
  counterpartOf?: CounterpartOf;
  /** Whether every sentence of the answer the tracer follows was said before (formulas/). */
  formulaOnly?: (remark: Remark, exchange: Exchange) => boolean;
  /** The entities with a page the exchange names, as their filter labels (entityFilter). */
  entitiesOf?: (remark: Remark, exchange: Exchange) => string[];
}

/**
 * The label an entity's filter value has: its names in both languages, as a spokesperson's is, so
 * that a chosen filter reads the same in a link, in the URL and beside its box.
 */
export function entityFilter(names: { en: readonly string[]; zh: readonly string[] }): string {
  return [names.en[0], names.zh[0]].filter(Boolean).join(' ');
}

export function searchRecords(
  remark: Remark,
  { counterpartOf = () => undefined, formulaOnly = () => false, entitiesOf = () => [] }: RecordContext = {},
): SearchRecord[] {
  const { data } = remark;
  const base = (topicsHere: string[], named: string[] = []) => ({
    filters: {
      spokesperson: [spokespersonFilter(data.spokesperson)],
      year: [data.date.slice(0, 4)],
      // Not offered as a filter of its own: the chart chooses a month, and the counts beside the
      // filters then count that month's answers (src/client/search/searches.ts).
      month: [data.date.slice(0, 7)],
      kind: [kindName(data.kind, 'en')],
      ...(topicsHere.length > 0 && { topic: topicsHere }),
      // Opening statements are not read for entities (src/lib/entities/archive.ts): none here.
      ...(named.length > 0 && { entity: named }),
    },
    language: data.lang === 'zh' ? ('und' as const) : ('en' as const),
  });
  const meta = (question: string, exchangeId: string, said = false) => {
    const counterpart = counterpartOf(remark, exchangeId);
    return {
      question: question.length > 400 ? `${question.slice(0, 400)}…` : question,
      date: data.date,
      spokesperson: data.spokesperson ?? '',
      transcript: data.title,
      lang: data.lang,
      ...(counterpart !== undefined && { counterpart }),
      ...(said && { said: 'all' as const }),
    };
  };
  const records: SearchRecord[] = [];
  const { opening, exchanges } = data.transcript;
  if (opening) {
    const question = data.lang === 'zh' ? '开场发布' : 'Opening statements';
    records.push({
      url: answerInTranscriptPath(remark.id, 'opening'),
      text: { answer: opening.text },
      meta: meta(question, 'opening'),
      ...base([...new Set(data.topics)]),
    });
  }
  for (const exchange of exchanges) {
    const question = questionText(exchange);
    const answer = answerText(exchange);
    records.push({
      url: answerInTranscriptPath(remark.id, exchange.id),
      text: { answer, question },
      meta: meta(question, exchange.id, formulaOnly(remark, exchange)),
      ...base(answerTopics(remark, exchange), entitiesOf(remark, exchange)),
    });
  }
  return records;
}
