import type { APIRoute, GetStaticPaths } from 'astro';
import { openData } from '../../lib/data/open-data';
import { type TranscriptDocument, transcriptDocument } from '../../lib/data/rows';
import { pageKeys } from '../../lib/page-keys';
import { allRemarks } from '../../lib/remarks';
import { siteOf } from '../../lib/site';

/** A transcript's data beside its page (/remarks/<id>.json): its row in transcripts.jsonl, with its exchanges' rows. */
export const getStaticPaths = (async () => {
  const keys = await pageKeys();
  return (await allRemarks()).map((remark) => ({ params: { id: remark.id }, cacheKey: keys.remark(remark) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const data = await openData(siteOf(site));
  const row = data.transcriptOf.get(params.id ?? '');
  if (!row) throw new Error(`/remarks/${params.id}.json: no such transcript`);
  // The schema's object types drop what the document leaves out (the row's answers, each
  // exchange's sentences and its transcript's fields), and the document is checked on the way.
  const document: TranscriptDocument = transcriptDocument.parse({
    ...row,
    exchanges: data.answersOf(row.id) ?? [],
  });
  return Response.json(document);
};
