import type { Kind } from '../../schemas/kind.ts';
import type { Lang } from '../../schemas/transcript.ts';
import { kindName } from '../../i18n/ui.ts';

export interface SkeletonOptions {
  lang: Lang;
  /** YYYY-MM-DD. */
  date: string;
  kind: Kind;
  spokesperson?: string;
  /** The file's path under content/remarks, to point the YAML language server at the schema. */
  path: string;
}

/** Where a new transcript goes: `<lang>/<yyyy>/<date>-<kind>.md`, as the importer names a day's transcript. */
export function skeletonPath(lang: Lang, date: string, kind: Kind): string {
  return `${lang}/${date.slice(0, 4)}/${date}-${kind}.md`;
}

/**
 * A new transcript, ready to fill in: front matter with every key an editor gives (the title as
 * the ministry writes it, when the spokesperson is known), and a first exchange to overwrite.
 * `source:` is left empty on purpose: until the editor gives the ministry's address, the content
 * check and the build say at its line what to write, so a skeleton is never published by mistake.
 */
export function transcriptSkeleton({ lang, date, kind, spokesperson, path }: SkeletonOptions): string {
  const depth = path.split('/').length;
  const schema = `${'../'.repeat(depth)}transcript.schema.json`;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const who = spokesperson ?? (lang === 'zh' ? '（发言人）' : '(spokesperson)');
  const title =
    lang === 'zh'
      ? kind === 'press-conference'
        ? `${year}年${month}月${day}日外交部发言人${who}主持例行记者会`
        : `外交部发言人${who}${kindName(kind, 'zh')}`
      : kind === 'press-conference'
        ? `Foreign Ministry Spokesperson ${who}'s Regular Press Conference on ${usDay(year, month, day)}`
        : `Foreign Ministry Spokesperson ${who}'s ${kindName(kind, 'en')}`;
  const [question, answer] = lang === 'zh' ? ['问：', '答：'] : ['Q: ', 'A: '];
  return `---
# yaml-language-server: $schema=${schema}
title: ${JSON.stringify(title)}
date: ${date}
${spokesperson ? `spokesperson: ${JSON.stringify(spokesperson)}` : `# spokesperson: ${lang === 'zh' ? '汪文斌' : 'Wang Wenbin'}`}
kind: ${kind}
lang: ${lang}
source: # the ministry's address of this transcript, https://…
---

${question}${lang === 'zh' ? '（第一个问题）' : '(the first question)'}

${answer}${lang === 'zh' ? '（答复）' : '(the answer)'}
`;
}

/** "March 12, 2019", as the ministry's English titles write a day. */
function usDay(year: number, month: number, day: number): string {
  return new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}
