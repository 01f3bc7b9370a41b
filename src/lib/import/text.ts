import type { Lang } from '../../schemas/transcript.ts';
import { ImportError, type Draft, type SourceParagraph } from './draft.ts';
import { oneLine } from './escape.ts';
import { readTitle } from './title.ts';
import { isChinese } from './lang.ts';

/** Breadcrumbs pasted from the top of a ministry page: "Home > Spokesperson's Remarks", "首页 > 发言人表态". */
const breadcrumb = /^(Home|首页)\s*[>＞›»]/;
/** A publication date-time line under the title: "2019-03-13 23:10". */
const dateLine = /^(\d{4}-\d{2}-\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
/** Page chrome after the text; everything from the first such line on is dropped. */
const trailer =
  /^(Suggest to a friend[:：]?|Print|\[?Print\]?|Close|分享到[:：]?|【?打印】?|【?关闭】?|关闭窗口|推荐给朋友[:：]?)/i;

/**
 * A transcript pasted from a ministry page (`.txt`): breadcrumbs, title, an optional date-time
 * line, then the text, one paragraph per line (blank lines between them or not), then chrome.
 */
export function readPastedText(text: string, input: string): Draft {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const paragraphs: SourceParagraph[] = [];
  let title: string | undefined;
  let date: string | undefined;
  for (const [i, raw] of lines.entries()) {
    const line = oneLine(raw);
    if (line === '') continue;
    if (title === undefined) {
      if (!breadcrumb.test(line)) title = line;
      continue;
    }
    const dated = paragraphs.length === 0 && date === undefined ? dateLine.exec(line) : null;
    if (dated) {
      date = dated[1];
      continue;
    }
    if (trailer.test(line)) break;
    paragraphs.push({ text: line, line: i + 1 });
  }
  if (title === undefined) throw new ImportError(input, 'no title: the pasted text is empty or has only breadcrumbs.');
  if (paragraphs.length === 0) throw new ImportError(input, 'no text under the title.');
  const lang: Lang = isChinese(paragraphs.map((p) => p.text).join('') + title) ? 'zh' : 'en';
  const facts = readTitle(title, lang);
  return {
    input,
    title,
    ...((date ?? facts.date) && { date: date ?? facts.date }),
    ...(facts.spokesperson && { spokesperson: facts.spokesperson }),
    kind: facts.kind ?? 'remarks',
    lang,
    paragraphs,
    warnings: facts.kind ? [] : [`${input}: the title names no kind; imported as "remarks".`],
  };
}
