import type { APIRoute } from 'astro';
import { allRemarks } from '../../lib/remarks.ts';
import { searchRecords } from '../../lib/search/records.ts';

/**
 * The search records of every transcript, handed from the build to the Pagefind step
 * (src/integrations/pagefind.ts), which indexes them and removes this file from the output.
 */
export const GET: APIRoute = async () => {
  const records = (await allRemarks()).flatMap(searchRecords);
  return new Response(JSON.stringify(records));
};
