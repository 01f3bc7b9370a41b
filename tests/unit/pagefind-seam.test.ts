import { describe, expect, test } from 'vitest';
import { CROSSING_WEIGHT } from '../../src/lib/search/cjk.ts';
import { CborReader, encodeCbor, headSize, headValue, itemsEnd } from '../../src/lib/search/pagefind/cbor.ts';
import { crossedIn } from '../../src/lib/search/pagefind/crossed.ts';
import { BASE_WEIGHT, weightMarkers, weightedBlock } from '../../src/lib/search/pagefind/markup.ts';
import { fragmentPath, pageId } from '../../src/lib/search/pagefind/page-id.ts';
import { prepareQuery } from '../../src/lib/search/pagefind/query.ts';
import { lastAtOrBefore } from '../../src/lib/search/pagefind/sorted.ts';

/** The pieces of the Pagefind folder that need no bundle: each small enough to check by hand. */

describe("Pagefind's query preparation, as its script does it", () => {
  test('lower case, punctuation dropped, diacritics folded; the typed form kept beside', () => {
    expect(prepareQuery('  Café,  “Win-Win”!  ', new Set())).toEqual({
      term: 'cafe winwin',
      original: 'café winwin',
      exact: false,
    });
  });

  test('a quoted query is a phrase; characters the bundle keeps are kept', () => {
    expect(prepareQuery('"C++ rules"', new Set(['+']))).toEqual({
      term: 'c++ rules',
      original: 'c++ rules',
      exact: true,
    });
    expect(prepareQuery('"', new Set())).toEqual({ term: '', original: '', exact: false });
  });

  test('Japanese voicing marks survive folding', () => {
    expect(prepareQuery('ガ', new Set()).term).toBe('ガ');
  });
});

describe('ranking Chinese matches by the word boundaries they cross', () => {
  const whole = BASE_WEIGHT;
  const crossing = CROSSING_WEIGHT;
  test('text without down-weighted bigrams crosses nothing', () => {
    expect(crossedIn([{ l: 0, s: 1, w: whole }], 1)).toBe(0);
  });
  test('one word: 0 if any match is whole, else 1', () => {
    expect(
      crossedIn(
        [
          { l: 3, s: 1, w: crossing },
          { l: 9, s: 1, w: whole },
        ],
        1,
      ),
    ).toBe(0);
    expect(crossedIn([{ l: 3, s: 1, w: crossing }], 1)).toBe(1);
  });
  test('a phrase: the fewest crossing bigrams among its runs of consecutive positions', () => {
    const locations = [
      { l: 1, s: 1, w: crossing },
      { l: 2, s: 1, w: whole },
      { l: 7, s: 1, w: whole },
      { l: 8, s: 1, w: whole },
    ];
    expect(crossedIn(locations, 2)).toBe(0);
    // A position matched both ways counts at its least weight.
    expect(crossedIn([...locations, { l: 8, s: 1, w: crossing }], 2)).toBe(1);
    expect(crossedIn(locations.slice(0, 2), 2)).toBe(1);
    expect(
      crossedIn(
        [
          { l: 1, s: 1, w: crossing },
          { l: 5, s: 1, w: whole },
        ],
        2,
      ),
    ).toBe(2);
  });
});

describe('one binary search', () => {
  test('finds the last start at or before a place, 0 before all', () => {
    const starts = [0, 10, 20, 20, 35];
    const at = (place: number) => lastAtOrBefore(starts.length, (i) => starts[i]!, place);
    expect([at(-1), at(0), at(9), at(10), at(20), at(34), at(35), at(99)]).toEqual([0, 0, 0, 1, 3, 3, 4, 4]);
    expect(lastAtOrBefore(0, () => 0, 5)).toBe(0);
  });
  test('names a record’s fragment by its folder', () => {
    const groups: [number, string][] = [
      [0, 'aaa'],
      [64, 'bbb'],
    ];
    expect(fragmentPath(pageId(70), groups)).toBe(`bbb/${pageId(6)}.pf_fragment`);
    expect(fragmentPath(pageId(0), [[3, 'ccc']])).toBeUndefined();
  });
});

describe('one CBOR head parser', () => {
  test('reads every head size Pagefind writes, and refuses the others', () => {
    for (const n of [0, 23, 24, 255, 256, 65_535, 65_536, 2 ** 32 - 1]) {
      const bytes = encodeCbor(n);
      expect(headSize(bytes[0]!)).toBe(bytes.length);
      expect(headValue(bytes, 0)).toBe(n);
      expect(new CborReader(bytes).value()).toBe(n);
    }
    expect(() => headSize(0x1f)).toThrow(/unsupported CBOR length 31/);
  });
  test('finds where items end, whatever they hold', () => {
    const bytes = encodeCbor([['华为', new Uint8Array([1, 2])], 300, 'x']);
    expect(itemsEnd(bytes, 0)).toBe(bytes.length);
    expect(itemsEnd(bytes, 1, 3)).toBe(bytes.length);
    expect(() => {
      new CborReader(bytes.subarray(0, 5)).skip();
    }).toThrow(/ends early/);
  });
});

describe('weight markers', () => {
  test('a weighted block reads back to its text once the markers are removed', () => {
    const block = weightedBlock('华为 为公', 0.25, '\u2009');
    expect(block).toContain('___PAGEFIND_WEIGHT___0.25');
    expect(block.replace(weightMarkers('\u2009'), ' ').trim()).toBe('华为 为公');
  });
});
