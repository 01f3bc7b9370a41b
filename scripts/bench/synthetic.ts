import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * An archive `times` the size of a real one, made at bench time from it: each copy moves every
 * transcript back by five years per copy (2016 → 2011 → … → 1971), keeping its text, language and
 * length, under a file name of its own, paired with the same copy of its translation. Nothing of
 * it is kept in the repository.
 */
export function syntheticArchive(real: string, out: string, times: number): number {
  let count = 0;
  const files = readdirSync(real, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.md'));
  for (let copy = 0; copy < times; copy++) {
    for (const name of files) {
      const text = readFileSync(join(real, name), 'utf-8');
      const shift = copy * 5;
      const moved = text.replace(
        /^date: '?(\d{4})-(\d{2})-(\d{2})'?$/m,
        (_, year: string, month: string, day: string) => {
          const y = Number(year) - shift;
          const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
          return `date: '${y}-${month}-${month === '02' && day === '29' && !leap ? '28' : day}'`;
        },
      );
      const [lang, , file] = name.split('/') as [string, string, string];
      const year = /^date: '(\d{4})/m.exec(moved)?.[1] ?? 'x';
      const target = join(out, lang, year, copy === 0 ? file : file.replace(/\.md$/, `-c${copy}.md`));
      mkdirSync(dirname(target), { recursive: true });
      // A copy's translation is the same copy of the other language's transcript.
      const paired = moved.replace(
        /^translation: (en|zh)\/(\d{4})\/(.+)$/m,
        (_, other: string, pinnedYear: string, pinned: string) =>
          `translation: ${other}/${Number(pinnedYear) - shift}/${copy === 0 ? pinned : `${pinned}-c${copy}`}`,
      );
      writeFileSync(target, paired.replace(/^importDigest: .*\n/m, ''));
      count++;
    }
  }
  return count;
}
