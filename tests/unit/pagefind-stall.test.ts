import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { PagefindApi } from '../../src/lib/search/pagefind/answered.ts';
import { indexPiece } from '../../src/lib/search/pagefind/write-bundles.ts';
import type { SearchRecord } from '../../src/lib/search/records.ts';

/**
 * Pagefind's service once left a request unanswered and the build waited for ever. A service
 * that never answers the first `stalls` indexes it is given stands in for it here; the stall is
 * declared after 20 ms, and the answers that do come come at once, so no figure here is a speed.
 */
function stallingApi(stalls: number) {
  const seen = { created: 0, closed: 0, added: 0 };
  const api = {
    createIndex: () => {
      const stalled = seen.created++ < stalls;
      return Promise.resolve({
        errors: [],
        index: {
          addCustomRecord: () => {
            if (stalled) return new Promise<never>(() => undefined);
            seen.added++;
            return Promise.resolve({ errors: [] });
          },
          writeFiles: ({ outputPath }: { outputPath: string }) => {
            mkdirSync(outputPath, { recursive: true });
            writeFileSync(join(outputPath, 'pagefind-entry.json'), '{}');
            return Promise.resolve({ errors: [], outputPath });
          },
          deleteIndex: () => Promise.resolve(null),
        },
      });
    },
    close: () => {
      seen.closed++;
      return Promise.resolve(null);
    },
  } as unknown as PagefindApi;
  return { api, seen };
}

const records: SearchRecord[] = Array.from(
  { length: 3 },
  (_, i) =>
    ({
      url: `/en/2020/2020-01-0${i + 1}-press-conference/#q1`,
      text: { answer: `Answer ${i + 1}.`, question: 'A question?' },
      language: 'en',
      meta: {},
      filters: {},
    }) as unknown as SearchRecord,
);

describe("a stalled Pagefind service doesn't hang the build", () => {
  test('a piece whose service stops answering is indexed again in a new one, each record counted once', async () => {
    const { api, seen } = stallingApi(1);
    const dir = join(mkdtempSync(join(tmpdir(), 'lectern-stall-')), 'en');
    const counts: number[] = [];
    await indexPiece(records, dir, (count) => counts.push(count), api, 20);
    expect(seen).toEqual({ created: 2, closed: 1, added: 3 });
    expect(counts.reduce((a, b) => a + b, 0)).toBe(records.length);
    expect(existsSync(join(dir, 'pagefind-entry.json'))).toBe(true);
  });

  test('a second stall ends the build with an error that says what happened and what to do', async () => {
    const { api } = stallingApi(2);
    const dir = join(mkdtempSync(join(tmpdir(), 'lectern-stall-')), 'en');
    await expect(indexPiece(records, dir, () => undefined, api, 20)).rejects.toThrow(
      /did not answer a batch of 3 records in 0 s, twice, while indexing en: .*Run the build again/,
    );
  });
});
