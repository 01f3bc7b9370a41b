import { existsSync, readFileSync } from 'node:fs';
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import { z } from 'astro/zod';
import { entityKinds, type Entity } from './entity.ts';
import { langs } from '../../schemas/transcript.ts';

/**
 * The editors' table of entities (content/entities.yaml): entities the finder misses, corrections
 * of those it makes, and words that are never entities. Read with js-yaml's safe schema (no
 * code in it is ever run); a mistake is reported with the file, the line and what to write.
 */
const names = z
  .object({ en: z.array(z.string().min(1)).default([]), zh: z.array(z.string().min(1)).default([]) })
  .strict()
  .refine((n) => n.en.length + n.zh.length > 0, { message: 'give at least one name, in en or zh' });

const entry = z
  .object({
    id: z
      .string()
      .regex(/^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u, 'an id is lower-case words joined by "-"'),
    kind: z.enum(entityKinds, { error: `kind is one of ${entityKinds.join(', ')}` }),
    names,
    source: z.string().min(1, 'say where the names come from'),
  })
  .strict();

const table = z
  .object({
    entities: z.array(entry).default([]),
    never: z
      .object({ en: z.array(z.string()).default([]), zh: z.array(z.string()).default([]) })
      .strict()
      .default({ en: [], zh: [] }),
  })
  .strict();

export interface EntityTable {
  entities: Entity[];
  never: Record<(typeof langs)[number], Set<string>>;
}

export const emptyTable = (): EntityTable => ({ entities: [], never: { en: new Set(), zh: new Set() } });

export class EntityTableError extends Error {
  constructor(file: string, line: number | undefined, message: string) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${message}`);
    this.name = 'EntityTableError';
  }
}

export function readEntityTable(file: string): EntityTable {
  if (!existsSync(file)) return emptyTable();
  const text = readFileSync(file, 'utf-8');
  let raw: unknown;
  try {
    raw = load(text, { filename: file, schema: CORE_SCHEMA }) ?? {};
  } catch (error) {
    if (error instanceof YAMLException)
      throw new EntityTableError(
        file,
        error.mark === undefined ? undefined : error.mark.line + 1,
        `${error.reason}: fix the YAML`,
      );
    throw error;
  }
  const parsed = table.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new EntityTableError(file, lineOf(text, issue.path), `${issue.path.join('.')}: ${issue.message}`);
  }
  const seen = new Map<string, string>();
  const entities = parsed.data.entities.map((each, i) => {
    for (const name of [each.id, ...each.names.en, ...each.names.zh]) {
      const other = seen.get(name);
      if (other && other !== each.id) {
        throw new EntityTableError(
          file,
          lineOf(text, ['entities', i]),
          `"${name}" is given to both ${other} and ${each.id}: a name belongs to one entity, so keep it in one entry`,
        );
      }
      seen.set(name, each.id);
    }
    return { id: each.id, kind: each.kind, names: each.names, origin: 'table' as const };
  });
  return { entities, never: { en: new Set(parsed.data.never.en), zh: new Set(parsed.data.never.zh) } };
}

/** The line of an entry or field, found by walking the YAML's lines: js-yaml keeps no positions. */
function lineOf(text: string, path: PropertyKey[]): number | undefined {
  const lines = text.split('\n');
  const [section, index] = path;
  const start = lines.findIndex((line) => line.startsWith(`${String(section)}:`));
  if (start < 0) return undefined;
  if (typeof index !== 'number') return start + 1;
  let seen = -1;
  for (let i = start + 1; i < lines.length; i++) {
    if (/^\S/.test(lines[i]!)) break;
    if (/^\s*-\s/.test(lines[i]!) && /^(\s*)-/.exec(lines[i]!)![1]!.length <= 2 && ++seen === index) return i + 1;
  }
  return start + 1;
}
