import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { splitSource } from '../transcript/frontmatter.ts';
import { loadTranscript, type RenderTranscript } from '../transcript/load.ts';
import { transcriptFiles } from '../transcript/files.ts';
import { pairTranscripts, type PairInput } from '../translation/pair.ts';
import { DIGEST_KEY, isAsImported, stringifyWithDigest } from './markdown.ts';
import { writeInside } from './write.ts';

/**
 * After an import: each transcript written is paired with its translation (the same way the site
 * pairs them: src/lib/translation/pair.ts), among what was imported and what the folder already
 * holds on the same days, and both files get `translation:` naming the other. A file edited by hand
 * since its import is left as it is (the site pairs it all the same); one that already names a
 * translation keeps it.
 *
 * Returns the files it linked, as paths relative to `out`.
 */
export async function linkTranslations(out: string, written: string[], render: RenderTranscript): Promise<string[]> {
  if (written.length === 0) return [];
  const all = await transcriptFiles(out);
  const read = new Map<string, { text: string; input: PairInput }>();
  const load = async (name: string) => {
    if (read.has(name)) return;
    const text = await readFile(join(out, name), 'utf-8');
    try {
      const { frontmatter, transcript } = await loadTranscript(text, join(out, name), render);
      read.set(name, {
        text,
        input: { id: name.replace(/\.md$/, ''), file: join(out, name), ...frontmatter, transcript },
      });
    } catch {
      // A file that does not load is the site's to report; it pairs with nothing here.
    }
  };
  for (const name of written) await load(name);
  const days = new Set([...read.values()].map(({ input }) => input.date));
  // Other files of the same days: their names start with the day (transcriptFilePath), in any folder.
  for (const name of all) {
    const day = /(\d{4}-\d{2}-\d{2})[^/]*\.md$/.exec(name)?.[1];
    if (day && days.has(day)) await load(name);
  }
  let pairs;
  try {
    ({ pairs } = pairTranscripts([...read.values()].map(({ input }) => input)));
  } catch {
    // Pins that cannot hold: the site reports them with their files; the import leaves them be.
    return [];
  }
  const writtenIds = new Set(written.map((name) => name.replace(/\.md$/, '')));
  const linked: string[] = [];
  for (const pair of pairs) {
    if (!writtenIds.has(pair.en) && !writtenIds.has(pair.zh)) continue;
    for (const [id, other] of [
      [pair.en, pair.zh],
      [pair.zh, pair.en],
    ] as const) {
      const name = `${id}.md`;
      const entry = read.get(name)!;
      if (entry.input.translation !== undefined || !isAsImported(entry.text, name)) continue;
      await writeInside(out, name, withTranslation(entry.text, name, other));
      linked.push(relative(out, join(out, name)));
    }
  }
  return linked;
}

/** The file with `translation:` set, its import digest renewed: it still reads as imported. */
function withTranslation(text: string, file: string, translation: string): string {
  const { data, body } = splitSource(text, file);
  const rest = Object.fromEntries(Object.entries(data).filter(([key]) => key !== DIGEST_KEY));
  return stringifyWithDigest(body, withKeyAfter(rest, 'source', 'translation', translation));
}

function withKeyAfter(
  data: Record<string, unknown>,
  after: string,
  key: string,
  value: unknown,
): Record<string, unknown> {
  const entries = Object.entries(data);
  const at = entries.findIndex(([name]) => name === after);
  entries.splice(at < 0 ? entries.length : at + 1, 0, [key, value]);
  return Object.fromEntries(entries);
}
