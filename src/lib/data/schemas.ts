import { z } from 'astro/zod';
import {
  answerRow,
  type AnswerRow,
  DATA_VERSION,
  entityRow,
  formulaRow,
  transcriptDocument,
  transcriptRow,
} from './rows.ts';

/** The CSV has the JSONL's columns; `turns`, a list of objects there, is one "Label: text" paragraph per turn here. */
export const CSV_COLUMNS = Object.keys(answerRow.shape) as (keyof AnswerRow)[];

/** The JSON Schemas, by their file name under /data/. */
export const schemas = {
  'answers.schema.json': answerRow,
  'transcripts.schema.json': transcriptRow,
  'transcript.schema.json': transcriptDocument,
  'formulas.schema.json': formulaRow,
  'entities.schema.json': entityRow,
} as const;

/**
 * A row's JSON Schema. Objects leave `additionalProperties` open: within a version new columns may
 * be added (rows.ts, DATA_VERSION), and a consumer validating with today's schema must accept
 * tomorrow's rows. Zod closes every object of its output by default.
 */
export function jsonSchema(name: keyof typeof schemas, site: URL): object {
  return {
    $id: new URL(`/data/${name}`, site).href,
    ...z.toJSONSchema(schemas[name], {
      override: ({ jsonSchema: schema }) => {
        if (schema.additionalProperties === false) delete schema.additionalProperties;
      },
    }),
    $comment: `Data version ${DATA_VERSION}: columns may be added without a new version, so ignore properties you do not know; a column changes meaning or goes away only with a new version.`,
  };
}

/** The CSV's own description (W3C CSV on the Web): its columns, each a text cell as written. */
export const CSV_METADATA = 'answers.csv-metadata.json';

export function csvMetadata(site: URL): object {
  const shape = answerRow.shape;
  return {
    '@context': 'http://www.w3.org/ns/csvw',
    url: new URL('/data/answers.csv.gz', site).href,
    'dc:description': `Data version ${DATA_VERSION}. One row per exchange, every cell quoted text (RFC 4180, UTF-8, header row); lists joined with "; ", follow-ups and turns with a blank line. A cell that opens with =, +, -, @, a tab or a carriage return is written after a single quote (') so that spreadsheets show it as text: the JSON Lines hold the text exactly. Columns may be added within a version.`,
    tableSchema: {
      columns: CSV_COLUMNS.map((column) => ({
        name: column,
        titles: column,
        datatype: 'string',
        ...(shape[column].description !== undefined && { 'dc:description': shape[column].description }),
        null: '',
      })),
    },
  };
}
