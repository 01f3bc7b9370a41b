import type { APIRoute } from 'astro';
import { allRemarks } from '../lib/remarks.ts';
import { searchRecords } from '../lib/search/records.ts';
import { cardData } from '../lib/share/card-data.ts';

/**
 * What the build steps after the pages need from the transcript model: the search records
 * (Pagefind), and every answer page with its share card (permalink guard, share cards). Read by
 * src/integrations/*, then removed from the output (src/integrations/build-data.ts).
 */
export const GET: APIRoute = async () => {
  const remarks = await allRemarks();
  return new Response(JSON.stringify({ records: remarks.flatMap(searchRecords), answers: remarks.flatMap(cardData) }));
};
