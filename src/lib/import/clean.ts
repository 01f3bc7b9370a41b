import { withoutUnsafeCharacters } from '../transcript/characters.ts';
import { type Draft, lineOf } from './draft.ts';

/**
 * A draft without the control characters and non-characters a transcript may not hold
 * (characters.ts): a saved page with `&#8;`, a raw BEL or U+FFFE in its text imports with them
 * removed, each removal a warning naming the input's line. Nothing else of the text changes.
 */
export function withoutControlCharacters(draft: Draft): { draft: Draft; removed: number } {
  const warnings: string[] = [];
  let count = 0;
  const clean = (text: string, where: string): string => {
    const { text: cleaned, removed } = withoutUnsafeCharacters(text);
    count += removed.length;
    if (removed.length > 0) {
      warnings.push(
        `${where}: removed ${removed.length} control character${removed.length === 1 ? '' : 's'} (${[...new Set(removed)].join(', ')}), which feeds and data cannot carry.`,
      );
    }
    return cleaned;
  };
  const cleaned: Draft = {
    ...draft,
    title: clean(draft.title, `${draft.input} (title)`),
    ...(draft.spokesperson !== undefined && {
      spokesperson: clean(draft.spokesperson, `${draft.input} (spokesperson)`),
    }),
    paragraphs: draft.paragraphs
      .map((paragraph) => ({
        ...paragraph,
        text: clean(paragraph.text, lineOf(draft, paragraph.line)),
      }))
      // A paragraph of control characters alone held no text: its warning says what was removed.
      .filter((paragraph, i) => paragraph.text.trim() !== '' || draft.paragraphs[i]!.text.trim() === ''),
    ...(draft.exchanges && {
      exchanges: draft.exchanges.map((exchange) =>
        exchange.asker === undefined
          ? exchange
          : { ...exchange, asker: clean(exchange.asker, `${draft.input} (asker)`) },
      ),
    }),
    warnings: [...draft.warnings, ...warnings],
  };
  return { draft: cleaned, removed: count };
}
