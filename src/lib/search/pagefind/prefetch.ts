/**
 * The files a search of a known query opens a language's index with, fetched before anything can
 * search them: the search page's head script calls this for a search opened from a link
 * (`/search/?q=…`), and the page's script, once it has arrived and run, opens the index from what
 * was fetched (src/client/search/early.ts). Everything the opening asks for first, each as soon as
 * its name is known: the WebAssembly and segments.json at once, then each segment's metadata, then
 * the index chunks the query needs. Only a head start: the opening checks what it is given and
 * reports any failure, so nothing fails here.
 */
import type { Load } from './bundle.ts';
import { SEGMENTS_FILE, WASM_FILE } from './entry-files.ts';
import { inflate } from './inflate.ts';
import { checkedEntry, fetchExpected, metaPathOf } from './opening.ts';
import { NAMES } from './page-id.ts';
import { prepareQuery } from './query.ts';
import type { Segment } from './segments.ts';

export function prefetchIndex(load: Load, expected: string): void {
  const ignore = () => undefined;
  load(WASM_FILE).catch(ignore);
  load(`${SEGMENTS_FILE}?ts=${Date.now()}`)
    .then((file) => {
      const listed = JSON.parse(new TextDecoder().decode(file)) as Segment[];
      for (const { name, entry: given } of listed) {
        const entry = checkedEntry(given);
        const metaPath = metaPathOf(entry);
        const loadIn = (path: string) => load(`${name}/${path}`);
        loadIn(metaPath)
          .then(async (meta) => {
            const term = prepareQuery(expected, new Set(entry.include_characters ?? [])).term;
            fetchExpected(await inflate(meta, metaPath), term, entry[NAMES], loadIn);
          })
          .catch(ignore);
      }
    })
    .catch(ignore);
}
