import { z } from 'astro/zod';
import { transcriptFrontmatter } from './transcript.ts';

/** Where the front matter's JSON Schema is published for editors, beside the transcripts. */
export const FRONTMATTER_SCHEMA_FILE = 'content/transcript.schema.json';

/**
 * The front matter's JSON Schema, made from the zod schema, for editors' YAML tools (the YAML
 * language server: completion and errors as one types). What JSON Schema cannot say (a day on the
 * calendar, ids the page itself uses) the site's check still catches: `npm run check:content`.
 */
export function frontmatterJsonSchema(): object {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Lectern transcript front matter',
    description:
      'The YAML between the --- lines of a transcript under content/remarks. Made from src/schemas/transcript.ts by npm run new; npm run check:content checks the rest.',
    ...z.toJSONSchema(transcriptFrontmatter, { io: 'input', unrepresentable: 'any' }),
  };
}
