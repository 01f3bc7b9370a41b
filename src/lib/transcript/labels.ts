import type { Role, TurnKind } from './model.ts';
import { findSpokesperson } from './spokespeople.ts';

/**
 * Speaker labels as the ministry writes them at the start of a paragraph: `Q:`, `A:`, `Q:What`
 * (no space), `Reuters:`, `Zhao Lijian:`, `Follow-up:`, `Journalist:`, `问：`, `答：`,
 * `法新社记者：`, `汪文斌：`, `追问：`.
 */
const labelAtStart = /^\s*([^:：\n]{1,40}?)\s*[:：][ \t\u3000]*/;

export interface Label {
  /** The label as written, without its colon. */
  label: string;
  role: Role;
  kind: TurnKind;
  /** The outlet or spokesperson the label names, if it names one. */
  speaker?: string;
  /** Length of the label with its colon and the spaces after it. */
  length: number;
}

const fixed: Record<string, Pick<Label, 'role' | 'kind'>> = {
  q: { role: 'question', kind: 'question' },
  question: { role: 'question', kind: 'question' },
  问: { role: 'question', kind: 'question' },
  a: { role: 'answer', kind: 'answer' },
  answer: { role: 'answer', kind: 'answer' },
  答: { role: 'answer', kind: 'answer' },
  'follow-up': { role: 'question', kind: 'follow-up' },
  'follow up': { role: 'question', kind: 'follow-up' },
  followup: { role: 'question', kind: 'follow-up' },
  'follow-up question': { role: 'question', kind: 'follow-up' },
  追问: { role: 'question', kind: 'follow-up' },
  journalist: { role: 'question', kind: 'interjection' },
  记者: { role: 'question', kind: 'interjection' },
};

// Words that may stay lower-case inside an outlet's name ("Associated Press of Pakistan").
const connectors = new Set(['of', 'and', 'the', 'de', 'for', 'du', 'la', 'del', 'y', 'news']);

/**
 * An English outlet name: one to six words, each capitalised (or a connector), no digits. Answers
 * often open with a clause and a colon ("Our position is clear: ..."); those have lower-case words
 * and are not labels.
 */
function isOutletEn(label: string): boolean {
  const words = label.split(/\s+/);
  if (words.length > 6 || /\d/.test(label)) return false;
  return words.every((word, i) =>
    /^[A-Z&]/.test(word) ? /^[\p{L}&.'’-]+$/u.test(word) : i > 0 && connectors.has(word),
  );
}

/** A Chinese outlet: "法新社记者", "总台央视记者", "彭博社", "澎湃新闻". */
function isOutletZh(label: string): boolean {
  return /^[\p{Script=Han}A-Za-z·&]{1,20}(记者|社|台|报|网|新闻)$/u.test(label) && label.length <= 22;
}

/**
 * The speaker label that opens `text`, or undefined when it opens with none. `spokesperson` is
 * the transcript's spokesperson, whose name marks an answer even when not in the known list.
 */
export function readLabel(text: string, spokesperson?: string): Label | undefined {
  const match = labelAtStart.exec(text);
  if (!match) return undefined;
  const label = match[1]!;
  const length = match[0].length;
  const known = fixed[label.toLowerCase()];
  if (known) return { label, ...known, length };
  const isSpokesperson =
    findSpokesperson(label) !== undefined ||
    (spokesperson !== undefined && label.toLowerCase() === spokesperson.trim().toLowerCase());
  if (isSpokesperson) return { label, role: 'answer', kind: 'answer', speaker: label, length };
  if (isOutletEn(label) || isOutletZh(label)) {
    return { label, role: 'question', kind: 'question', speaker: label, length };
  }
  return undefined;
}
