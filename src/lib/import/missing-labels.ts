import type { Lang } from '../../schemas/transcript.ts';
import { readLabel } from '../transcript/labels.ts';
import { spokespeople } from '../transcript/spokespeople.ts';
import type { SourceParagraph } from './draft.ts';

/**
 * The ministry sets questions in bold and sometimes leaves out a label: an answer that follows its
 * (bold) question with no "A:", or a bold question with no "Q:". Without a label the answer would
 * read as more of the question, or the question as more of the previous answer, and a question or
 * answer would vanish into another. Where bold and plain text show the turn plainly, the label is
 * added (and a warning names the line); so is it for an answer in reported speech ("华春莹表示，…")
 * after a question. Elsewhere the text is left as it is, for the site's checks to flag.
 */
export function addMissingLabels(
  paragraphs: SourceParagraph[],
  lang: Lang,
  spokesperson: string | undefined,
  input: string,
): string[] {
  const warnings: string[] = [];
  const [q, a] = lang === 'zh' ? ['问：', '答：'] : ['Q: ', 'A: '];
  let role: 'question' | 'answer' | undefined;
  let questionBold = false;
  for (const paragraph of paragraphs) {
    const label = readLabel(paragraph.text, spokesperson);
    if (label) {
      role = label.role;
      // A question is "bold" even where its label is not: 会后，有记者问及：<b>…</b>
      questionBold = label.role === 'question' && (paragraph.bold ?? 0) >= 0.6;
      continue;
    }
    const answers = (questionBold && (paragraph.bold ?? 1) < 0.2) || reportedSpeech(paragraph.text);
    if (role === 'question' && answers) {
      paragraph.text = a + paragraph.text;
      role = 'answer';
      warnings.push(
        `${input}:${paragraph.line ?? '?'}: an answer with no label in the source; published under "${a.trim()}".`,
      );
    } else if (role === 'answer' && (paragraph.bold ?? 0) >= 0.9 && /[?？]\s*[)）]?$/.test(paragraph.text)) {
      paragraph.text = q + paragraph.text;
      role = 'question';
      questionBold = true;
      warnings.push(
        `${input}:${paragraph.line ?? '?'}: a question with no label in the source; published under "${q.trim()}".`,
      );
    }
  }
  return warnings;
}

/** An answer told in reported speech: "华春莹表示，……", "Hua Chunying said ...". */
function reportedSpeech(text: string): boolean {
  return spokespeople.some(
    (person) =>
      new RegExp(`^${person.zh}(表示|指出|说|称)`).test(text) ||
      new RegExp(`^(Spokesperson )?${person.en} (said|stated|noted)\\b`).test(text),
  );
}
