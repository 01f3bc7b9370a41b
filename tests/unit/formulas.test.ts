import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { RECURRING, build, type Use } from '../../src/lib/formulas/archive.ts';
import { markTurns } from '../../src/lib/formulas/mark.ts';
import { NearIndex, editDistance } from '../../src/lib/formulas/near.ts';
import { keyOf, sentencesOf, withoutLeadIn } from '../../src/lib/formulas/sentences.ts';
import { traceResuming } from '../../src/lib/formulas/resume.ts';
import { type TracedAnswer, type Tracer, trace } from '../../src/lib/formulas/trace.ts';
import type { Remark } from '../../src/lib/remarks.ts';
import type { Exchange } from '../../src/lib/transcript/model.ts';
import { renderTranscript } from '../../src/plugins/render.ts';

const written = (text: string, lang: 'en' | 'zh') => sentencesOf(text, lang).map((s) => text.slice(s.start, s.end));

describe('sentences', () => {
  test('English ends a sentence at . ! ? before a capital, not after Mr., U.S. or an initial', () => {
    const text =
      'We urge the U.S. side to stop. Mr. Pompeo said so on Jan. 3 to J. Smith! Is that "right?" Yes.\nA new paragraph, no stop';
    expect(written(text, 'en')).toEqual([
      'We urge the U.S. side to stop.',
      'Mr. Pompeo said so on Jan. 3 to J. Smith!',
      'Is that "right?"',
      'Yes.',
      'A new paragraph, no stop',
    ]);
  });

  test('Chinese ends a sentence at 。！？； and follows a long one clause by clause', () => {
    const text =
      '台湾是中国领土不可分割的一部分。我们敦促美方恪守一个中国原则和中美三个联合公报规定，停止与台湾进行任何形式的官方往来，慎重妥善处理涉台问题，以免损害中美关系。谢谢！';
    expect(written(text, 'zh')).toEqual([
      '台湾是中国领土不可分割的一部分。',
      '我们敦促美方恪守一个中国原则和中美三个联合公报规定，',
      '停止与台湾进行任何形式的官方往来，',
      '慎重妥善处理涉台问题，以免损害中美关系。',
      '谢谢！',
    ]);
  });

  test('a lead-in is not part of the formula: the sentence is keyed without it, and kept whole where too little is left', () => {
    expect(withoutLeadIn('On your third question, I have nothing to update you at the moment.', 'en')).toBe(
      'I have nothing to update you at the moment.',
    );
    expect(withoutLeadIn('Third, I would like to stress once again that cyber security matters to all.', 'en')).toBe(
      'cyber security matters to all.',
    );
    expect(withoutLeadIn('China, Russia and India are all major countries in the region.', 'en')).toBe(
      'China, Russia and India are all major countries in the region.',
    );
    expect(withoutLeadIn('关于第二个问题，中国长期以来为解决半岛问题作出了巨大努力，', 'zh')).toBe(
      '中国长期以来为解决半岛问题作出了巨大努力，',
    );
    expect(withoutLeadIn('我愿重申，中国政府一贯反对单边制裁。', 'zh')).toBe('中国政府一贯反对单边制裁。');
    expect(withoutLeadIn('第三，我们不接受。', 'zh')).toBe('第三，我们不接受。');
    // A numeral is a lead-in only as an enumeration, with its comma: 三国 and 一带一路 are words.
    expect(withoutLeadIn('三国领导人就朝鲜半岛局势深入交换了意见。', 'zh')).toBe(
      '三国领导人就朝鲜半岛局势深入交换了意见。',
    );
    const [sentence] = sentencesOf('As I just said, our position is very clear.', 'en');
    expect([sentence!.start, sentence!.end, sentence!.key]).toEqual([0, 43, 'our position is very clear']);
  });

  test('a clause never ends inside a number', () => {
    const text = '明天上午10:00，外交部将在蓝厅举行中外媒体吹风会，介绍李克强总理出访相关情况，欢迎各位记者朋友参加。';
    expect(written(text, 'zh')[0]).toBe('明天上午10:00，');
  });

  test('a key ignores spacing, punctuation, case and full or half width', () => {
    expect(keyOf('Our position is  CLEAR.', 'en')).toBe(keyOf('our position is clear', 'en'));
    expect(keyOf('中方对此表示强烈不满，坚决反对！', 'zh')).toBe(keyOf('中方对此表示强烈不满, 坚决反对!', 'zh'));
    expect(keyOf('Ｇ２０峰会', 'zh')).toBe(keyOf('g20峰会', 'zh'));
    expect(keyOf('We oppose it.', 'en')).not.toBe(keyOf('We support it.', 'en'));
  });
});

describe('near-exact matching', () => {
  test('edit distance counts tokens and gives up past its limit', () => {
    expect(editDistance(['a', 'b', 'c'], ['a', 'x', 'c'], 2)).toBe(1);
    expect(editDistance(['a', 'b', 'c'], ['a', 'c'], 2)).toBe(1);
    expect(editDistance(['a', 'b', 'c', 'd'], ['w', 'x', 'y', 'z'], 2)).toBe(Infinity);
  });

  test('a sentence with a name changed shares a bucket with the original; an unrelated one does not', () => {
    const index = new NearIndex<string>();
    const original = sentencesOf(
      'We urge Secretary Pompeo to respect the facts and stop spreading rumours about China.',
      'en',
    )[0]!;
    index.add(index.signature(original.tokens), 'original');
    const changed = sentencesOf(
      'We urge Secretary Blinken to respect the facts and stop spreading rumours about China.',
      'en',
    )[0]!;
    const other = sentencesOf(
      'The weather in Beijing will be fine for the visit of the delegation next week.',
      'en',
    )[0]!;
    expect(index.candidates(index.signature(changed.tokens))).toEqual(['original']);
    expect(index.candidates(index.signature(other.tokens))).toEqual([]);
  });
});

/** Seven answers in two languages: exact and near-exact repeats, a language kept apart, a sentence too short to follow. */
const sample: TracedAnswer[] = [
  { lang: 'en', text: 'We have noted relevant reports. China firmly opposes the sale of arms to Taiwan.' },
  { lang: 'zh', text: '我们注意到有关报道。台湾是中国领土不可分割的一部分。' },
  { lang: 'en', text: 'We have noted the relevant reports! The weather is fine today in the capital city.' },
  { lang: 'en', text: 'China firmly opposes the sale of arms to Taiwan. Thank you.' },
  { lang: 'zh', text: '我们注意到有关报道。台湾是中国领土不可分割的一部分。中方欢迎各方为此作出的努力。' },
  { lang: 'en', text: 'We held talks on 3 March 2019 with the delegation of the European Union in Beijing.' },
  { lang: 'en', text: 'We held talks on 14 April 2020 with the delegation of the European Union in Beijing.' },
];

describe('the tracer', () => {
  const answers = sample;
  const { traces, formulas } = trace(answers);

  test('each sentence is found in the earlier answers of its language: exact, or with a word or a date changed', () => {
    const said = traces.map((each) => each.map((traced) => [traced.at, traced.before, traced.near]));
    expect(said).toEqual([
      [
        [0, 0, false],
        [1, 0, false],
      ],
      [
        [0, 0, false],
        [1, 0, false],
      ],
      // "the relevant reports": one word added, a near-exact wording of answer 1's first sentence.
      [
        [0, 1, true],
        [1, 0, false],
      ],
      // "Thank you." is too short to follow.
      [[0, 1, false]],
      [
        [0, 1, false],
        [1, 1, false],
        [2, 0, false],
      ],
      [[0, 0, false]],
      // Only the date differs: numbers are one token, the month is a word changed.
      [[0, 1, true]],
    ]);
    // The English "We have noted" and the Chinese 我们注意到 are apart: a language is traced on its own.
    expect(traces[1]![0]!.formula).not.toBe(traces[0]![0]!.formula);
    expect(traces[2]![0]!.formula).toBe(traces[0]![0]!.formula);
    expect(formulas[0]!.wordings.size).toBe(2);
  });

  test("adding a later answer leaves every earlier answer's trace as it was", () => {
    const shorter = trace(answers.slice(0, 4)).traces;
    const strip = (list: typeof traces) =>
      list.map((each) => each.map((t) => [t.at, t.before, t.near, t.formula.n, t.formula.lang]));
    expect(strip(traces.slice(0, 4))).toEqual(strip(shorter));
  });
});

describe("resuming the last build's trace", () => {
  const answers = sample;
  /** Everything a page reads of a trace, formulas by number. */
  const seen = ({ traces, formulas }: Pick<Tracer, 'traces' | 'formulas'>) => ({
    traces: traces.map((each) => each.map((t) => ({ ...t, formula: t.formula.n }))),
    formulas: formulas.map((f) => ({ ...f, wordings: [...f.wordings] })),
  });
  const file = () => join(mkdtempSync(join(tmpdir(), 'lectern-tracer-')), 'formulas', 'tracer.bin');

  test("today's answers added after the last build's: only they are traced, and the trace is the one from the start", async () => {
    const kept = file();
    expect((await traceResuming(answers.slice(0, 4), kept)).resumed).toBe(0);
    const { tracer, resumed } = await traceResuming(answers, kept);
    expect(resumed).toBe(4);
    expect(seen(tracer)).toEqual(seen(trace(answers)));
    // Once more with nothing new: all of it resumed, and still the same.
    const again = await traceResuming(answers, kept);
    expect(again.resumed).toBe(answers.length);
    expect(seen(again.tracer)).toEqual(seen(trace(answers)));
  });

  test('an earlier answer edited, or a kept state that cannot be read, traces from the start', async () => {
    const kept = file();
    await traceResuming(answers, kept);
    const edited = answers.map((each, i) => (i === 2 ? { ...each, text: 'We have noted relevant reports.' } : each));
    const { tracer, resumed } = await traceResuming(edited, kept);
    expect(resumed).toBe(0);
    expect(seen(tracer)).toEqual(seen(trace(edited)));
    writeFileSync(kept, 'not a tracer');
    expect((await traceResuming(answers, kept)).resumed).toBe(0);
  });
});

/** A transcript as the content collection gives it, made from Markdown through the site's plugin. */
async function remarkOf(id: string, date: string, lang: 'en' | 'zh', body: string, spokesperson = 'Lu Kang') {
  const transcript = await renderTranscript(`---\ntitle: t\n---\n\n${body}`);
  return { id, data: { date, lang, spokesperson, transcript } } as unknown as Remark;
}

describe('an answer marked where it stands', () => {
  test('a sentence said before is wrapped in its paragraph, across emphasis and links, the markup kept', async () => {
    const remark = await remarkOf(
      'en/2019/x',
      '2019-03-01',
      'en',
      'Q: Any comment?\n\nA: We have _noted_ the [relevant](https://example.org) reports. This sentence is new to the archive.\n\nA second paragraph says nothing new at all today.',
    );
    const exchange = remark.data.transcript.exchanges[0]!;
    const [question, answer] = markTurns(
      exchange,
      'en',
      new Map([
        [0, { className: 'said', title: 'Said before' }],
        [2, { className: 'said' }],
      ]),
    );
    expect(question).toBe(exchange.turns[0]!.html);
    expect(answer).toBe(
      '<p><span class="said" title="Said before">We have </span><em><span class="said" title="Said before">noted</span></em><span class="said" title="Said before"> the </span><a href="https://example.org"><span class="said" title="Said before">relevant</span></a><span class="said" title="Said before"> reports.</span> This sentence is new to the archive.</p>\n' +
        '<p><span class="said">A second paragraph says nothing new at all today.</span></p>',
    );
  });
});

describe('the archive of formulas', () => {
  test(`a formula has a page from ${RECURRING} answers; an answer links it only once it had them, else lists the earlier uses`, async () => {
    const formula = 'China firmly opposes any interference in its internal affairs.';
    const remarks = await Promise.all(
      Array.from({ length: RECURRING + 1 }, (_, i) =>
        remarkOf(
          `en/2019/day-${i}`,
          `2019-03-0${i + 1}`,
          'en',
          `Q: Question ${i}?\n\nA: ${formula} Answer number ${i} says its own thing today.`,
        ),
      ),
    );
    const archive = build(remarks, () => []);
    const marks = remarks.map((remark) => archive.marks(remark, remark.data.transcript.exchanges[0]!)[0]!);
    expect(marks.map((mark) => mark.before)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(marks.map((mark) => mark.first.remark.id)).toEqual(Array(RECURRING + 1).fill('en/2019/day-0'));
    expect(marks[3]!.earlier.map((use) => use.remark.id)).toEqual(['en/2019/day-0', 'en/2019/day-1', 'en/2019/day-2']);
    expect(marks.map((mark) => mark.page !== undefined)).toEqual([false, false, false, false, true, true]);
    const [page] = archive.recurring('en');
    expect(page!.uses).toHaveLength(RECURRING + 1);
    expect(page!.wordings[0]!.text).toBe(formula);
    expect(page!.slug).toMatch(/^en\/china-firmly-opposes-any-interference-in-[0-9a-f]{8}$/);
    expect(archive.recurring('zh')).toEqual([]);
  });

  test("a formula's address stays the same as later uses make another of its wordings the most used", async () => {
    const first = 'China firmly opposes any interference in its internal affairs.';
    const later = 'China firmly opposes any foreign interference in its internal affairs.';
    const remarks = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        remarkOf(`en/2019/d${i}`, `2019-03-0${i + 1}`, 'en', `Q: Question ${i}?\n\nA: ${i === 0 ? first : later}`),
      ),
    );
    const slugWith = (n: number) => build(remarks.slice(0, n), () => []).recurring('en')[0]!;
    expect(slugWith(5).wordings[0]!.text).toBe(later);
    expect(slugWith(5).slug).toMatch(/^en\/china-firmly-opposes-any-interference-in-/);
    expect(slugWith(8).slug).toBe(slugWith(5).slug);
  });

  test('a formula and the other language’s one that its answers’ translations keep using are counterparts', async () => {
    const en = 'Taiwan is an inalienable part of China’s territory.';
    const zh = '台湾是中国领土不可分割的一部分。';
    const pairs = await Promise.all(
      Array.from({ length: RECURRING }, async (_, i) => [
        await remarkOf(`en/2019/d${i}`, `2019-03-0${i + 1}`, 'en', `Q: Question ${i}?\n\nA: ${en}`),
        await remarkOf(`zh/2019/d${i}`, `2019-03-0${i + 1}`, 'zh', `问：问题${i}？\n\n答：${zh}`),
      ]),
    );
    const other = new Map<Exchange, Use>();
    for (const [a, b] of pairs) {
      const [x, y] = [a!.data.transcript.exchanges[0]!, b!.data.transcript.exchanges[0]!];
      other.set(x, { remark: b!, exchange: y });
      other.set(y, { remark: a!, exchange: x });
    }
    const archive = build(pairs.flat(), (_remark, exchange) => [other.get(exchange)!]);
    const [english] = archive.recurring('en');
    const [chinese] = archive.recurring('zh');
    expect(english!.counterpart).toBe(chinese);
    expect(chinese!.counterpart).toBe(english);
  });
});

describe('a negation', () => {
  test('keeps two otherwise near-exact wordings apart', () => {
    const { traces } = trace([
      { lang: 'zh', text: '这符合国际社会的共同利益。' },
      { lang: 'zh', text: '这不符合国际社会的共同利益。' },
      { lang: 'en', text: 'This is in line with the common interest of the world.' },
      { lang: 'en', text: 'This is not in line with the common interest of the world.' },
    ]);
    expect(traces.map((each) => each.map((traced) => traced.before))).toEqual([[0], [0], [0], [0]]);
  });
});

describe('wordings of one formula the edits miss', () => {
  test('a lead-in or an added clause, and a date with its weekday, still find the earlier sentence', () => {
    const { traces } = trace([
      { lang: 'en', text: 'I have nothing to update you at the moment.' },
      { lang: 'en', text: 'On your third question, I have nothing to update you at the moment.' },
      { lang: 'en', text: 'The press conference will be resumed on September 25 (Tuesday).' },
      { lang: 'en', text: 'The press conference will be resumed on October 8 (Monday).' },
      { lang: 'zh', text: '中方在中印边界问题上的立场是一贯和明确的。' },
      { lang: 'zh', text: '首先，我要指出，中方在中印边界问题上的立场是一贯和明确的。' },
      // A short formula quoted in a much longer sentence: that sentence is its own.
      { lang: 'en', text: 'No foreign country has any right to interfere.' },
      {
        lang: 'en',
        text: 'This matter concerns the security of the region and its people, and no foreign country has any right to interfere with it at all.',
      },
    ]);
    expect(traces.map((each) => each.map((traced) => traced.before))).toEqual([[0], [1], [0], [1], [0], [1], [0], [0]]);
  });
});

describe('a chain of wordings', () => {
  test('an answer says a sentence was first said where a wording near it was, not at the far end of its formula', () => {
    const { traces } = trace([
      { lang: 'en', text: 'We hope the two sides will keep talking and settle the dispute peacefully.' },
      { lang: 'en', text: 'We hope the two sides will keep talking and settle the dispute peacefully soon.' },
      { lang: 'en', text: 'We hope the two sides will keep talking and settle their differences peacefully soon.' },
      { lang: 'en', text: 'We hope both sides will keep talking and settle their differences peacefully soon.' },
    ]);
    const [a, b, c, d] = traces.map((each) => each[0]!);
    // One formula, its wordings drifting apart a word at a time.
    expect(new Set([a, b, c, d].map((t) => t!.formula)).size).toBe(1);
    // Each was first said where the nearest earlier wordings were: the third is two words from the
    // first, the fourth four.
    expect([a, b, c, d].map((t) => t!.origin.answer)).toEqual([0, 0, 1, 2]);
    // The last counts the answers since its origin: one, not three.
    expect(d!.before).toBe(1);
  });
});
