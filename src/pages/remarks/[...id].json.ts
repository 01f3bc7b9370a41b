import type { APIRoute, GetStaticPaths } from 'astro';
import { openData } from '../../lib/data/open-data';
import type { AnswerRow, TranscriptDocument } from '../../lib/data/rows';
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
  const document: TranscriptDocument = {
    ...row,
    exchanges: (data.answersOf.get(row.id) ?? []).map((exchange) => withoutSentences(exchange)),
  };
  return Response.json(document);
};

/** An exchange's row as a transcript's JSON holds it: without its sentences (transcriptDocument). */
function withoutSentences(row: AnswerRow): Omit<AnswerRow, 'sentences'> {
  const copy: Partial<AnswerRow> = { ...row };
  delete copy.sentences;
  return copy as Omit<AnswerRow, 'sentences'>;
}
