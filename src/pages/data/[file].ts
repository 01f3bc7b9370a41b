import type { APIRoute, GetStaticPaths } from 'astro';
import { bulkFiles, dataIndex } from '../../lib/data/files';
import { CSV_METADATA, csvMetadata, jsonSchema, schemas } from '../../lib/data/schemas';
import { siteOf } from '../../lib/site';

/**
 * The open data's files under /data/: the bulk rows (gzip), their JSON Schemas and index.json.
 * Their names are fixed here (they are the data's published addresses), their bytes made in
 * src/lib/data/files.ts.
 */
const BULK = ['answers.jsonl.gz', 'answers.csv.gz', 'transcripts.jsonl.gz', 'formulas.jsonl.gz', 'entities.jsonl.gz'];

export const getStaticPaths = (() =>
  [...BULK, ...Object.keys(schemas), CSV_METADATA, 'index.json'].map((file) => ({
    params: { file },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const url = siteOf(site);
  const file = params.file!;
  if (file === 'index.json') return Response.json(await dataIndex(url));
  if (file === CSV_METADATA) return Response.json(csvMetadata(url));
  if (file in schemas) return Response.json(jsonSchema(file as keyof typeof schemas, url));
  const bulk = (await bulkFiles(url)).find((candidate) => candidate.name === file);
  if (!bulk) throw new Error(`/data/${file}: no such data file`);
  return new Response(new Uint8Array(bulk.bytes));
};
