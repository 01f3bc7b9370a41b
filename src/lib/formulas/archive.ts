import { createHash } from 'node:crypto';
import type { Lang } from '../../schemas/transcript.ts';
import type { Remark } from '../remarks.ts';
import { slugOf } from '../slug.ts';
import { answerText } from '../transcript/exchange.ts';
import type { Exchange } from '../transcript/model.ts';
import { sentencesOf, withoutLeadIn } from './sentences.ts';
import { type Formula, positionOf, type Trace, type TracedAnswer, type Tracer, trace } from './trace.ts';

/**
 * The archive's formulas, traced once per build over every answer (trace.ts), with what pages
 * show of them: a page for each formula used in RECURRING answers or more, and for each answer the
 * marks of its sentences said before.
 *
 * What an answer shows depends only on what was said before it: when it was first said, by whom,
 * how many answers used it before, and a link to the formula's page once the formula had
 * RECURRING uses by this answer's day. So today's transcript changes no earlier answer's page;
 * it adds to its formulas' pages and feeds.
 */
export const RECURRING = 5;

export interface Use {
  remark: Remark;
  exchange: Exchange;
}

export interface FormulaPage {
  /** Its id in the open data (formulaId). */
  id: string;
  /** Its address under /formulas/: "<lang>/<first words>-<hash of its first wording>". */
  slug: string;
  lang: Lang;
  formula: Formula;
  /** The answers that use it, oldest first. */
  uses: Use[];
  /** Its wordings, most used first (the first is the formula's name), each with its first use. */
  wordings: { text: string; count: number; first: Use }[];
  /** Who said it, most often first. */
  spokespeople: { name: string; count: number }[];
  /** The formula the other language's versions of these answers use, where the aligned answers show one. */
  counterpart?: FormulaPage;
}

/** A sentence of an answer that the tracer follows. */
export interface SentenceMark {
  /** Its position among `sentencesOf(answerText(exchange))`. */
  at: number;
  /** Its formula's id (formulaId), whether or not the formula has a page. */
  formula: string;
  /** Answers that used its formula since it was first said, before this one: 0 for a sentence said here first. */
  before: number;
  /** Whether its formula is said in two answers or more, this one or later ones included (`repeated`). */
  repeated: boolean;
  /** Where it was first said (this answer itself when `before` is 0): the earliest use of a wording found the same. */
  first: Use;
  /** The sentence's position in that first answer. */
  firstAt: number;
  /** The earlier uses, when too few for a page of their own (before < RECURRING - 1). */
  earlier: Use[];
  /** The formula's page, when the formula had RECURRING uses by this answer. */
  page?: FormulaPage;
}

export interface FormulaArchive {
  /** Formulas with a page, in one language, most used first. */
  recurring(lang: Lang): FormulaPage[];
  /** The marks of an answer's followed sentences, in order (none for a too-short answer). */
  marks(remark: Remark, exchange: Exchange): SentenceMark[];
  /** Every formula said in two answers or more, in the order each was first said: the open data's list. */
  repeated(lang: Lang): { id: string; formula: Formula; uses: Use[]; page: FormulaPage | undefined; wording: string }[];
}

/**
 * A formula's id: its language and a digest of its first wording, so it stays the same as
 * answers are added after it (and changes only if an earlier transcript brings an older wording).
 */
export function formulaId(formula: Formula): string {
  let id = ids.get(formula);
  if (!id) {
    const [first] = formula.wordings.keys();
    id = `${formula.lang}-${createHash('sha256').update(`${formula.lang}\n${first}`).digest('hex').slice(0, 8)}`;
    ids.set(formula, id);
  }
  return id;
}

const ids = new WeakMap<Formula, string>();

/** The order answers were said in: by day, then transcript, then place in it. */
function chronological(remarks: readonly Remark[]): Use[] {
  return [...remarks]
    .sort((a, b) => a.data.date.localeCompare(b.data.date) || a.id.localeCompare(b.id))
    .flatMap((remark) => remark.data.transcript.exchanges.map((exchange) => ({ remark, exchange })));
}

/** Every answer as the tracer reads it, in the order they were said. */
export function answersOf(remarks: readonly Remark[]): TracedAnswer[] {
  return chronological(remarks).map(({ remark, exchange }) => ({ lang: remark.data.lang, text: answerText(exchange) }));
}

/** The archive of `remarks`, from their trace (traced here unless given: formulas.ts resumes the last build's). */
export function build(
  remarks: readonly Remark[],
  counterparts: (remark: Remark, exchange: Exchange) => Use[],
  traced: Pick<Tracer, 'traces' | 'formulas'> = trace(answersOf(remarks)),
): FormulaArchive {
  const uses = chronological(remarks);
  const { traces, formulas } = traced;
  const traceOf = new Map<Exchange, Trace>(uses.map((use, i) => [use.exchange, traces[i]!]));
  const pages = new Map<Formula, FormulaPage>();
  for (const formula of formulas) {
    if (formula.answers.length < RECURRING) continue;
    pages.set(formula, pageFor(formula, uses));
  }
  linkCounterparts(pages, traceOf, counterparts);
  const byLang = (lang: Lang) =>
    [...pages.values()]
      .filter((page) => page.lang === lang)
      .sort((a, b) => b.uses.length - a.uses.length || a.formula.n - b.formula.n);
  const recurring = { en: byLang('en'), zh: byLang('zh') };
  return {
    recurring: (lang) => recurring[lang],
    marks(_remark, exchange) {
      return (traceOf.get(exchange) ?? []).map(({ at, formula, origin, before, uses: had }) => {
        const first = uses[origin.answer]!;
        const page = had >= RECURRING ? pages.get(formula) : undefined;
        const from = positionOf(formula.answers, origin.answer);
        const earlier = page ? [] : formula.answers.slice(from, from + before).map((i) => uses[i]!);
        return {
          at,
          formula: formulaId(formula),
          before,
          repeated: formula.answers.length > 1,
          first,
          firstAt: origin.sentence,
          earlier,
          ...(page && { page }),
        };
      });
    },
    repeated(lang) {
      return formulas
        .filter((formula) => formula.lang === lang && formula.answers.length > 1)
        .map((formula) => ({
          id: formulaId(formula),
          formula,
          uses: formula.answers.map((i) => uses[i]!),
          page: pages.get(formula),
          wording: wordingsOf(formula, uses)[0]!.text,
        }));
    },
  };
}

function wordingsOf(formula: Formula, uses: Use[]): FormulaPage['wordings'] {
  return [...formula.wordings.values()]
    .map((wording) => ({
      text: wordingText(formula, wording, uses),
      count: wording.count,
      first: uses[wording.answer]!,
    }))
    .sort((a, b) => b.count - a.count);
}

/** A wording as its first use wrote it, without the lead-in its speaker gave it ("First, I need to point out that …"). */
function wordingText(
  formula: Formula,
  { answer, sentence }: { answer: number; sentence: number },
  uses: Use[],
): string {
  const text = answerText(uses[answer]!.exchange);
  const written = sentencesOf(text, formula.lang)[sentence]!;
  const core = withoutLeadIn(text.slice(written.start, written.end), formula.lang);
  return core.charAt(0).toUpperCase() + core.slice(1);
}

function pageFor(formula: Formula, uses: Use[]): FormulaPage {
  const wordings = wordingsOf(formula, uses);
  const id = formulaId(formula);
  // The address is made of its first wording, which later uses never change (the most used one can).
  const name = wordingText(formula, formula.wordings.values().next().value!, uses);
  const words =
    formula.lang === 'zh'
      ? [...name.replace(/[^\p{L}\p{N}]/gu, '')].slice(0, 12).join('')
      : name.split(/\s+/).slice(0, 6).join(' ');
  const spoken = new Map<string, number>();
  const answers = formula.answers.map((i) => uses[i]!);
  for (const { remark } of answers) {
    const name = remark.data.spokesperson;
    if (name) spoken.set(name, (spoken.get(name) ?? 0) + 1);
  }
  return {
    id,
    slug: `${formula.lang}/${slugOf(words)}-${id.slice(3)}`,
    lang: formula.lang,
    formula,
    uses: answers,
    wordings,
    spokespeople: [...spoken].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count),
  };
}

/**
 * A formula's counterpart is the other language's formula found most often in the translations
 * of its answers, where each is the other's best match and they share at least three answers
 * (a cosine over the aligned answers of 0.4 or more): common formulas (我们注意到有关报道) come
 * with many others, and only a pair that keeps turning up together is the same wording.
 */
function linkCounterparts(
  pages: Map<Formula, FormulaPage>,
  traceOf: Map<Exchange, Trace>,
  counterparts: (remark: Remark, exchange: Exchange) => Use[],
): void {
  const aligned = new Map<FormulaPage, number>();
  const together = new Map<FormulaPage, Map<FormulaPage, number>>();
  for (const page of pages.values()) {
    for (const use of page.uses) {
      const others = counterparts(use.remark, use.exchange);
      if (others.length === 0) continue;
      aligned.set(page, (aligned.get(page) ?? 0) + 1);
      const found = new Set<FormulaPage>();
      for (const other of others) {
        for (const { formula } of traceOf.get(other.exchange) ?? []) {
          const otherPage = pages.get(formula);
          if (otherPage) found.add(otherPage);
        }
      }
      let counts = together.get(page);
      if (!counts) together.set(page, (counts = new Map<FormulaPage, number>()));
      for (const otherPage of found) counts.set(otherPage, (counts.get(otherPage) ?? 0) + 1);
    }
  }
  const best = new Map<FormulaPage, FormulaPage>();
  for (const [page, counts] of together) {
    let choice: FormulaPage | undefined;
    let score = 0.4;
    for (const [other, count] of counts) {
      if (count < 3) continue;
      const cosine = count / Math.sqrt(aligned.get(page)! * (aligned.get(other) ?? Infinity));
      if (cosine >= score) {
        choice = other;
        score = cosine;
      }
    }
    if (choice) best.set(page, choice);
  }
  for (const [page, other] of best) if (best.get(other) === page) page.counterpart = other;
}

export function formulaPath(page: FormulaPage): string {
  return `/formulas/${page.slug}/`;
}
