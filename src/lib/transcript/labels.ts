import type { Role, TurnKind } from './model.ts';
import { isKnownOutlet } from './outlets.ts';
import { findSpokesperson } from './spokespeople.ts';

/**
 * Speaker labels as the ministry writes them at the start of a paragraph: `Q:`, `A:`, `Q:What`
 * (no space), `Reuters:`, `Zhao Lijian:`, `Follow-up:`, `Journalist:`, `问：`, `答：`,
 * `法新社记者：`, `汪文斌：`, `追问：`.
 */
const labelAtStart = /^([^:：\n]{1,80}?)\s*[:：][ \t\u3000]*/;
/** How far into a paragraph a label can end: 80 characters of label, its colon and some spaces. */
const LABEL_REACH = 120;

export interface Label {
  /** The label as written, without its colon. */
  label: string;
  role: Role;
  kind: TurnKind;
  /** The outlet or spokesperson the label names, if it names one. */
  speaker?: string;
  /** Length of the label with its colon and the spaces after it. */
  length: number;
  /**
   * Whether the label is one the ministry's transcripts use by name (Q:, 问：, a spokesperson, a
   * known outlet, a Chinese "…记者"), rather than one that only has the shape of an outlet's name.
   */
  known: boolean;
}

const fixed: Record<string, Pick<Label, 'role' | 'kind'>> = {
  q: { role: 'question', kind: 'question' },
  question: { role: 'question', kind: 'question' },
  问: { role: 'question', kind: 'question' },
  有记者问: { role: 'question', kind: 'question' },
  记者问: { role: 'question', kind: 'question' },
  a: { role: 'answer', kind: 'answer' },
  answer: { role: 'answer', kind: 'answer' },
  答: { role: 'answer', kind: 'answer' },
  'follow-up': { role: 'question', kind: 'follow-up' },
  'follow up': { role: 'question', kind: 'follow-up' },
  followup: { role: 'question', kind: 'follow-up' },
  'follow-up question': { role: 'question', kind: 'follow-up' },
  追问: { role: 'question', kind: 'follow-up' },
  记者追问: { role: 'question', kind: 'follow-up' },
  journalist: { role: 'question', kind: 'interjection' },
  'journalist adds': { role: 'question', kind: 'interjection' },
  'journalist asks': { role: 'question', kind: 'interjection' },
  reporter: { role: 'question', kind: 'interjection' },
  记者: { role: 'question', kind: 'interjection' },
};

/** Questions put after the briefing: "After the press conference, the following question was raised", "会后，有记者问及". */
const afterwards =
  /^(after the (press )?conference,? the following questions? (is|was|were) (raised|asked)|会后[，,]?有记者问及?)$/i;

// Words that may stay lower-case inside an outlet's name ("Associated Press of Pakistan").
const connectors = new Set(['of', 'and', 'the', 'de', 'for', 'du', 'la', 'del', 'y', 'news']);

/**
 * An English outlet name ("Reuters", "CCTV4"): one to six words, each capitalised or a connector. Answers
 * often open with a clause and a colon ("Our position is clear: ..."); those have lower-case words
 * and are not labels.
 */
function isOutletEn(label: string): boolean {
  const words = label.split(/\s+/);
  if (words.length > 6) return false;
  return words.every((word, i) =>
    /^[A-Z&]/.test(word) ? /^[\p{L}\d&.'’-]+$/u.test(word) : i > 0 && connectors.has(word),
  );
}

/** A Chinese outlet: "法新社记者", "《北京青年报》记者", "彭博社", "澎湃新闻", "总台央视记者提问". */
function isOutletZh(label: string): boolean {
  return /^[\p{Script=Han}A-Za-z0-9·&《》“”（）() ]{1,24}(记者|社|台|报|网|新闻)(提问)?$/u.test(label);
}

/**
 * The speaker label that opens `text`, or undefined when it opens with none. `spokesperson` is
 * the transcript's spokesperson, whose name marks an answer even when not in the known list.
 */
export function readLabel(text: string, spokesperson?: string): Label | undefined {
  // The pattern runs on the paragraph's first characters only: on a paragraph of 12,000 spaces a
  // pattern over the whole text took seconds (its spaces can match two parts of it in many ways).
  const lead = text.length - text.trimStart().length;
  const match = labelAtStart.exec(text.slice(lead, lead + LABEL_REACH));
  if (!match) return undefined;
  const label = match[1]!;
  const length = lead + match[0].length;
  // "（记者：日本媒体。）": an interjection in brackets is still an interjection.
  const bare = label.replace(/^[（(]\s*/, '');
  const fixedLabel = fixed[bare.toLowerCase()] ?? (afterwards.test(bare) ? fixed.q : undefined);
  if (fixedLabel) return { label, ...fixedLabel, length, known: true };
  const isSpokesperson =
    findSpokesperson(label) !== undefined ||
    (spokesperson !== undefined && label.toLowerCase() === spokesperson.trim().toLowerCase());
  if (isSpokesperson) return { label, role: 'answer', kind: 'answer', speaker: label, length, known: true };
  if (bare === label && (isOutletEn(label) || isOutletZh(label))) {
    const known = isKnownOutlet(label) || /记者(提问)?$/.test(label);
    return { label, role: 'question', kind: 'question', speaker: label, length, known };
  }
  return undefined;
}

/**
 * Whether a label opens a turn where it stands. A label the transcripts use by name always does.
 * One that only looks like an outlet ("First:", "Note:") opens a question only where its
 * paragraph asks one (a question mark): otherwise it is a sentence of the text, and an answer's
 * "First: stop interfering." stays in the answer, with the ids of the answers after it.
 */
export function opensTurn(label: Label, paragraph: string): boolean {
  return label.known || /[?？]/.test(paragraph);
}

/**
 * Whether a paragraph's source escapes the colon of what would be its label, so that it stays
 * text: `First\: …` (a Markdown escape) or a colon written as a character reference (`First&#58;`,
 * `首先&#65306;`: a full-width colon has no Markdown escape). The importer writes these where
 * the source's text opens like a label (escape.ts).
 */
export function escapesLabel(source: string, labelLength: number): boolean {
  const head = source.slice(0, labelLength + 16);
  const colon = /[:：]|\\[:：]|&(?:#0*58|#x0*3a|colon|#0*65306|#x0*ff1a);/i.exec(head);
  return colon !== null && colon[0].length > 1;
}
