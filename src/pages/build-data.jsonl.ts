import type { APIRoute } from 'astro';
import { publishRecords } from '../integrations/build-data.ts';
import { entities } from '../lib/entities/entities.ts';
import { formulas } from '../lib/formulas/formulas.ts';
import { allRemarks } from '../lib/remarks.ts';
import { searchRecords } from '../lib/search/records.ts';
import { cardData } from '../lib/share/card-data.ts';
import { answerInTranscriptPath, transcriptPath } from '../lib/transcript/addresses.ts';
import { translations } from '../lib/translation/translations.ts';

/**
 * What the build steps need from the transcript model. The search records are handed to the index
 * in memory (src/integrations/pagefind.ts), which is built while the pages render; every transcript
 * and every answer page with its share card is written here, for the steps after the pages
 * (permalink guard, share cards), then removed from the output (src/integrations/build-data.ts).
 */
export const GET: APIRoute = async () => {
  const remarks = await allRemarks();
  const translated = await translations();
  const counterpartOf = (remark: (typeof remarks)[number], exchangeId: string) => {
    const counterpart = translated.counterpart(remark, exchangeId);
    return counterpart?.kind === 'paired'
      ? answerInTranscriptPath(counterpart.remark.id, counterpart.exchanges[0]!.id)
      : undefined;
  };
  const traced = await formulas();
  // An answer whose every followed sentence was said before is pure formula: its result says so.
  const formulaOnly = (
    remark: (typeof remarks)[number],
    exchange: (typeof remarks)[number]['data']['transcript']['exchanges'][number],
  ) => {
    const marks = traced.marks(remark, exchange);
    return marks.length > 0 && marks.every((mark) => mark.before > 0);
  };
  const named = await entities();
  // An answer is found by the entities with a page it names, question or answer (archive.ts).
  const entitiesOf = (remark: (typeof remarks)[number], exchange: Parameters<typeof formulaOnly>[1]) => [
    ...new Set(named.mentionsIn(remark, exchange).flatMap((mention) => named.page(mention.entity)?.filter ?? [])),
  ];
  publishRecords({
    records: remarks.flatMap((remark) => searchRecords(remark, { counterpartOf, formulaOnly, entitiesOf })),
    // Most named first: the search makes the likeliest searches ready (src/lib/search/likely-queries.ts).
    names: {
      en: named.pages.flatMap(({ entity }) => entity.names.en.slice(0, 1)),
      zh: named.pages.flatMap(({ entity }) => entity.names.zh.slice(0, 1)),
    },
  });
  // A line per answer, as bytes: the 10x archive's data as one JSON string was beyond the longest
  // string JavaScript holds (RangeError: Invalid string length).
  const lines: Buffer[] = [];
  for (const remark of remarks) {
    lines.push(line({ transcript: { path: transcriptPath(remark.id), date: remark.data.date } }));
    for (const answer of cardData(remark)) lines.push(line({ answer }));
  }
  return new Response(Buffer.concat(lines));
};

function line(item: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(item)}\n`);
}
