import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkedPairs, pairInputs, scoreChecked } from '../../scripts/support/alignment.ts';
import { hasShared, sharedDir } from '../../scripts/support/paths.ts';
import { importFiles } from '../../src/lib/import/run.ts';
import { loadTranscript } from '../../src/lib/transcript/load.ts';
import { anchorsOf } from '../../src/lib/translation/anchors.ts';
import { align, PinError, type Unit } from '../../src/lib/translation/align.ts';
import { pairTranscripts, PairingError, unitsOf, type PairInput } from '../../src/lib/translation/pair.ts';
import { renderTranscript } from '../../src/plugins/render.ts';

// Each folder holds a transcript in both languages (en.md, zh.md), written for these tests, and the
// alignment a reader would give them (expected.json: English and Chinese ids, null for none).
const root = new URL('../fixtures/translation/', import.meta.url);
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

async function input(name: string, lang: 'en' | 'zh'): Promise<PairInput> {
  const file = `${name}/${lang}.md`;
  const { frontmatter, transcript } = await loadTranscript(
    readFileSync(new URL(file, root), 'utf-8'),
    file,
    renderTranscript,
  );
  return { id: `${lang}/${name}`, file, ...frontmatter, transcript };
}

describe('pairing and aligning the fixtures', () => {
  test.each(cases)('%s', async (name) => {
    const en = await input(name, 'en');
    const zh = await input(name, 'zh');
    const { pairs } = pairTranscripts([en, zh]);
    expect(pairs.map((pair) => [pair.en, pair.zh])).toEqual([[en.id, zh.id]]);
    const links = pairs[0]!.alignment.links.map((link) => [link.en ?? null, link.zh ?? null]);
    const expected = JSON.parse(readFileSync(new URL(`${name}/expected.json`, root), 'utf-8')) as { links: unknown };
    expect(links).toEqual(expected.links);
  });

  test('an editor pin is certain; found alignments carry a confidence between 0 and 1', async () => {
    const { pairs } = pairTranscripts([await input('pinned', 'en'), await input('pinned', 'zh')]);
    const [first, second, third] = pairs[0]!.alignment.links;
    expect(second).toMatchObject({ en: 'q2', pinned: true, confidence: 1 });
    expect(third).toMatchObject({ en: 'q3', zh: 'q2', pinned: true, confidence: 1 });
    expect(first!.pinned).toBe(false);
    expect(first!.confidence).toBeGreaterThanOrEqual(0);
    expect(first!.confidence).toBeLessThanOrEqual(1);
  });
});

describe('anchors', () => {
  test('numbers, dates, table names and outlets read the same in both languages', () => {
    const en = anchorsOf('Reuters: On March 12, Huawei said 1,500 staff in the US and 5G were affected.', 'en');
    const zh = anchorsOf('路透社记者：3月12日，华为称在美国的1500名员工和5G受到影响。', 'zh');
    for (const key of ['d:3-12', 't:huawei', 't:us', 'n:1500', 'l:5G', 't:o:reuters']) {
      expect(en.has(key), `en ${key}`).toBe(true);
      expect(zh.has(key), `zh ${key}`).toBe(true);
    }
  });

  test('a word inside another word is no name: "us" is not the US, 台风 is not Taiwan', () => {
    expect(anchorsOf('Let us see.', 'en').has('t:us')).toBe(false);
    expect(anchorsOf('台风过境。', 'zh').has('t:taiwan')).toBe(false);
  });
});

describe('alignment', () => {
  const units = (texts: string[], pins: Record<number, string> = {}): Unit[] =>
    texts.map((text, i) => ({ id: `q${i + 1}`, text, ...(pins[i] !== undefined && { pin: pins[i] }) }));
  const en = ['The G20 met on June 11 in Osaka.', 'Huawei and ZTE: any comment?', 'Kenya visit, May 10 to 12?'];
  const zh = ['二十国集团6月11日在大阪开会。', '华为和中兴，有何评论？', '肯尼亚外长5月10日至12日访华？'];

  test('one with one, in order, where nothing is missing', () => {
    expect(align(units(en), units(zh)).links.map((link) => `${link.en}:${link.zh}`)).toEqual([
      'q1:q1',
      'q2:q2',
      'q3:q3',
    ]);
  });

  test('a pin naming an exchange the other version lacks is an error that names both', () => {
    expect(() => align(units(en, { 1: 'q9' }), units(zh))).toThrow(
      new PinError('exchange "q2" pins translation "q9", which the other version does not have'),
    );
  });

  test('pins that cross cannot hold in order', () => {
    expect(() => align(units(en, { 0: 'q3', 2: 'q1' }), units(zh))).toThrow(/cannot all hold in order/);
  });

  test('opening statements pair only with opening statements', () => {
    const links = align([{ id: 'opening', text: 'Wang Yi will visit.' }, ...units(en)], units(zh)).links;
    expect(links[0]).toMatchObject({ en: 'opening' });
    expect(links[0]!.zh).toBeUndefined();
  });
});

describe('pairing transcripts', () => {
  const base = async (name: string, lang: 'en' | 'zh', extra: Partial<PairInput> = {}) => ({
    ...(await input(name, lang)),
    ...extra,
  });

  test('the same day and kind pair; another day does not', async () => {
    const en = await base('omitted', 'en');
    const zh = await base('omitted', 'zh');
    const other = await base('follow-up-split', 'zh');
    expect(pairTranscripts([en, zh, other]).pairs.map((pair) => pair.zh)).toEqual([zh.id]);
  });

  test('translation: none refuses a pairing', async () => {
    const en = await base('omitted', 'en', { translation: 'none' });
    expect(pairTranscripts([en, await base('omitted', 'zh')]).pairs).toEqual([]);
  });

  test("translation: a URL no transcript here has is the translation's address elsewhere", async () => {
    const en = await base('omitted', 'en', { translation: 'https://example.org/zh/elsewhere.shtml' });
    const result = pairTranscripts([en, await base('omitted', 'zh')]);
    expect(result.pairs).toEqual([]);
    expect(result.external.get(en.id)).toBe('https://example.org/zh/elsewhere.shtml');
  });

  test('translation: the source URL of a transcript here pairs with it', async () => {
    const zh = await base('follow-up-split', 'zh');
    const en = await base('omitted', 'en', { translation: zh.source });
    expect(pairTranscripts([en, zh]).pairs.map((pair) => [pair.en, pair.zh, pair.pinned])).toEqual([
      [en.id, zh.id, true],
    ]);
  });

  test('a pin naming no transcript, or one in the same language, is an error naming the file', async () => {
    const en = await base('omitted', 'en', { translation: 'zh/nowhere' });
    expect(() => pairTranscripts([en])).toThrow(PairingError);
    expect(() => pairTranscripts([en])).toThrow(/omitted\/en\.md: translation "zh\/nowhere" is not a transcript here/);
    const same = await base('omitted', 'en', { id: 'en/other', translation: 'en/omitted' });
    expect(() => pairTranscripts([en, same])).toThrow(/is in the same language/);
  });

  test('two transcripts that name different translations are reported', async () => {
    const en = await base('omitted', 'en', { translation: 'zh/omitted' });
    const zh = await base('omitted', 'zh', { translation: 'en/other' });
    const other = await base('follow-up-split', 'en', { id: 'en/other' });
    expect(() => pairTranscripts([en, zh, other])).toThrow(/make the two agree/);
  });
});

// The hand-checked pairs of the shared corpus (ids only; the texts stay in ../shared): the pages of
// their days imported as an editor would, paired and aligned as the site does it.
describe.runIf(hasShared)('alignment of real pairs, checked by hand', () => {
  test('at least 98% of exchanges of the checked pairs align as checked', { timeout: 0 }, async () => {
    const checked = checkedPairs();
    const days = new Set(checked.map((pair) => /(\d{4}-\d{2}-\d{2})/.exec(pair.en)![1]));
    const urls = new Set(
      readFileSync(join(sharedDir, 'corpus/transcripts.jsonl'), 'utf-8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { date: string; url: string })
        .filter((row) => days.has(row.date))
        .map((row) => row.url),
    );
    const pages = join(sharedDir, 'corpus/mfa-pages');
    const files = readFileSync(join(pages, 'index.jsonl'), 'utf-8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { file: string; url: string })
      .filter((row) => urls.has(row.url))
      .map((row) => join(sharedDir, 'corpus', row.file));
    const out = mkdtempSync(join(tmpdir(), 'lectern-translation-'));
    const report = await importFiles(files, { render: renderTranscript, out });
    // (Two pages of the corpus cannot be imported, for reasons of their own: neither is of a checked pair.)
    const { pairs } = pairTranscripts(await pairInputs(out));
    const score = scoreChecked(checked, pairs);
    expect(score.pairsFound, score.errors.join('\n')).toBe(checked.length);
    expect(score.correct / score.exchanges, score.errors.join('\n')).toBeGreaterThanOrEqual(0.98);
    // The importer wrote translation: into both files of each pair it found.
    expect(report.linked.length).toBe(2 * pairs.length);
  });
});

test('unitsOf gives the aligner each exchange with its follow-ups counted', async () => {
  const zh = await input('follow-up-split', 'zh');
  const en = await input('follow-up-split', 'en');
  const exchanges = unitsOf(en.transcript).filter((unit) => unit.id !== 'opening');
  expect(exchanges.map((unit) => unit.followUps)).toEqual([0, 1, 0]);
  expect(unitsOf(zh.transcript).find((unit) => unit.id === 'q3')!.followUp).toBe(true);
});
