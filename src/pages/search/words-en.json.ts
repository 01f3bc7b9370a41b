import type { APIRoute } from 'astro';
import { allRemarks } from '../../lib/remarks';
import { searchRecords } from '../../lib/search/records';
import { vocabularyOf } from '../../lib/search/vocabulary';

/**
 * The words of the English answers and questions, most used first (src/lib/search/vocabulary.ts):
 * the search page fetches it only when a query finds nothing, to say "did you mean".
 */
export const GET: APIRoute = async () => {
  const texts = function* (records: ReturnType<typeof searchRecords>) {
    for (const { text } of records) {
      yield text.answer;
      if (text.question) yield text.question;
    }
  };
  const english = (await allRemarks()).filter((remark) => remark.data.lang === 'en').flatMap((r) => searchRecords(r));
  return new Response(JSON.stringify(vocabularyOf(texts(english))), {
    headers: { 'content-type': 'application/json' },
  });
};
