import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * An archive `times` the size of a real one, made at bench time from it: each copy moves every
 * transcript back by five years per copy (2016 → 2011 → … → 1971), keeping its text, language and
 * length, under a file name of its own, paired with the same copy of its translation. Nothing of
 * it is kept in the repository.
 *
 * Within its year, each copy also moves a transcript to another day (`shuffledDay`, the same for
 * both languages): copied in the same order, the answers' lengths repeated every few thousand
 * records, and gzip found the repeats in the search metadata's length table (measured: Chinese at
 * 10x, 4 KiB in copies against 37 KiB in a shuffled order), a saving no real archive gives.
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
        (_, year: string, month: string, day: string) =>
          `date: '${copy === 0 ? `${year}-${month}-${day}` : shuffledDay(Number(year) - shift, month, day, copy)}'`,
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

/**
 * The day of year `year` that copy `copy` puts a transcript of month-day on: days are numbered
 * 0–364 and moved by (a·d + b) mod 365, a different one-to-one map per copy (a coprime to 365), so
 * that transcripts of one day stay on one day and no two days meet.
 */
function shuffledDay(year: number, month: string, day: string, copy: number): string {
  const multipliers = [2, 3, 4, 6, 7, 8, 9, 11, 12, 13, 14, 16, 17, 18, 19];
  const a = multipliers[(copy - 1) % multipliers.length]!;
  const start = Date.UTC(2001, 0, 1);
  // Day of a common year (2001): 29 February shares 28 February's.
  const d = Math.round(
    (Date.UTC(2001, Number(month) - 1, month === '02' && day === '29' ? 28 : Number(day)) - start) / 864e5,
  );
  const moved = (a * d + 37 * copy) % 365;
  const date = new Date(Date.UTC(year, 0, 1) + moved * 864e5);
  return date.toISOString().slice(0, 10);
}
