/**
 * `npm run new -- --lang en --date YYYY-MM-DD [--kind press-conference] [--spokesperson NAME]`:
 * writes a transcript skeleton at its path under content/remarks (never over an existing file),
 * and the front matter's JSON Schema beside the transcripts for editors' YAML tools.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { kinds, type Kind } from '../src/schemas/kind.ts';
import { FRONTMATTER_SCHEMA_FILE, frontmatterJsonSchema } from '../src/schemas/json-schema.ts';
import { langs, type Lang } from '../src/schemas/transcript.ts';
import { skeletonPath, transcriptSkeleton } from '../src/lib/transcript/skeleton.ts';
import { contentPaths } from '../src/lib/paths.ts';
import { projectRoot } from './support/paths.ts';

const usage = `npm run new -- --lang ${langs.join('|')} --date YYYY-MM-DD [--kind ${kinds.join('|')}] [--spokesperson NAME]`;

function main(): number {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        lang: { type: 'string' },
        date: { type: 'string' },
        kind: { type: 'string', default: 'press-conference' },
        spokesperson: { type: 'string' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { lang, date, kind, spokesperson } = values;
  if (!langs.includes(lang as Lang)) return fail(`--lang must be ${langs.join(' or ')}`);
  if (date === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(date))
    return fail('--date must be YYYY-MM-DD, e.g. 2019-03-12');
  if (!kinds.includes(kind as Kind)) return fail(`--kind must be one of ${kinds.join(', ')}`);
  const { remarks } = contentPaths();
  const path = skeletonPath(lang as Lang, date, kind as Kind);
  const file = join(remarks, path);
  if (existsSync(file))
    return fail(`${relative(process.cwd(), file)} exists already: edit it, or pass another --kind.`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    transcriptSkeleton({
      lang: lang as Lang,
      date,
      kind: kind as Kind,
      path,
      ...(spokesperson !== undefined && { spokesperson }),
    }),
  );
  writeFileSync(join(projectRoot, FRONTMATTER_SCHEMA_FILE), `${JSON.stringify(frontmatterJsonSchema(), null, 2)}\n`);
  console.log(
    `${relative(process.cwd(), file)}: written. Fill in the title, spokesperson and source, replace the first exchange, then run npm run check:content.`,
  );
  return 0;
}

function fail(why: string): number {
  console.error(`${why}.\n\n${usage}`);
  return 2;
}

process.exitCode = main();
