import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import nearSource from './near.ts?raw';
import sentencesSource from './sentences.ts?raw';
import traceSource from './trace.ts?raw';
import { langs } from '../../schemas/transcript.ts';
import { type Formula, type Trace, type TracedAnswer, Tracer, type Wording } from './trace.ts';

/**
 * The tracer's state kept between builds: an answer's trace depends only on the answers said
 * before it, so when this build's chronology begins with every answer the last build traced
 * (today's transcript added after them), the last state is restored and only the new answers are
 * traced. Anything else (an edited or back-filled transcript, a changed tracer) traces from the
 * start, as a build without a cache does.
 */
interface Saved {
  /** The tracer's code the state was made with. */
  code: string;
  /** Per answer traced, in order: a digest of its language and text. */
  answers: string[];
  state: Packed;
}

/**
 * A tracer as a few flat arrays: restoring it is a matter of a second where an object graph of
 * every sentence took longer than tracing the new answers.
 */
interface Packed {
  /** Per formula, its language (an index into `langs`); its answers, flat, ending at `formulaEnds`. */
  formulaLangs: Uint8Array;
  formulaAnswers: Int32Array;
  formulaEnds: Int32Array;
  /** Per wording, in the order first said: its key, its tokens (joined by NUL), and WORDING fields. */
  wordingKeys: string[];
  wordingTokens: string[];
  wordings: Int32Array;
  /** Per sentence followed, TRACED fields; per answer, where its sentences end. */
  traced: Int32Array;
  traceEnds: Int32Array;
}

const WORDING = 6; // formula, first answer, first sentence, origin answer, origin sentence, count
const TRACED = 7; // at, formula, origin answer, origin sentence, before, uses, near

/** The tracer's own source: a state made by other code is not resumed. */
const CODE = digest(`${traceSource}\n${nearSource}\n${sentencesSource}`);

/** Traces `answers` (oldest first), resuming from `file` where it holds a prefix of them; keeps the result there. */
export async function traceResuming(
  answers: readonly TracedAnswer[],
  file: string,
): Promise<{ tracer: Tracer; resumed: number }> {
  const digests = answers.map((answer) => digest(`${answer.lang}\n${answer.text}`));
  const saved = await load(file);
  const resumable =
    saved !== undefined &&
    saved.code === CODE &&
    saved.answers.length <= answers.length &&
    saved.answers.every((each, i) => each === digests[i]);
  const tracer = resumable ? unpack(saved.state) : new Tracer();
  const resumed = tracer.traces.length;
  for (const answer of answers.slice(resumed)) tracer.add(answer);
  if (!resumable || resumed < answers.length) await store(file, { code: CODE, answers: digests, state: pack(tracer) });
  return { tracer, resumed };
}

function pack(tracer: Tracer): Packed {
  const formulaEnds = new Int32Array(tracer.formulas.length);
  const formulaAnswers = new Int32Array(tracer.formulas.reduce((sum, formula) => sum + formula.answers.length, 0));
  let end = 0;
  tracer.formulas.forEach((formula, i) => {
    formulaAnswers.set(formula.answers, end);
    formulaEnds[i] = end += formula.answers.length;
  });
  const wordings = new Int32Array(tracer.wordings.length * WORDING);
  tracer.wordings.forEach(({ key, formula, first, origin }, i) => {
    const count = formula.wordings.get(key)!.count;
    wordings.set([formula.n, first.answer, first.sentence, origin.answer, origin.sentence, count], i * WORDING);
  });
  const traceEnds = new Int32Array(tracer.traces.length);
  end = 0;
  tracer.traces.forEach((trace, i) => (traceEnds[i] = end += trace.length));
  const traced = new Int32Array(end * TRACED);
  let at = 0;
  for (const trace of tracer.traces) {
    for (const each of trace) {
      traced.set(
        [each.at, each.formula.n, each.origin.answer, each.origin.sentence, each.before, each.uses, each.near ? 1 : 0],
        at,
      );
      at += TRACED;
    }
  }
  return {
    formulaLangs: Uint8Array.from(tracer.formulas, (formula) => langs.indexOf(formula.lang)),
    formulaAnswers,
    formulaEnds,
    wordingKeys: tracer.wordings.map((wording) => wording.key),
    wordingTokens: tracer.wordings.map((wording) => wording.tokens.join('\0')),
    wordings,
    traced,
    traceEnds,
  };
}

function unpack(packed: Packed): Tracer {
  const formulas: Formula[] = [];
  let start = 0;
  packed.formulaEnds.forEach((end, n) => {
    const answers = Array.from(packed.formulaAnswers.subarray(start, end));
    formulas.push({ n, lang: langs[packed.formulaLangs[n]!]!, answers, wordings: new Map() });
    start = end;
  });
  const w = packed.wordings;
  const wordings: Wording[] = packed.wordingKeys.map((key, i) => {
    const o = i * WORDING;
    const first = { answer: w[o + 1]!, sentence: w[o + 2]! };
    const formula = formulas[w[o]!]!;
    formula.wordings.set(key, { ...first, count: w[o + 5]! });
    const tokens = packed.wordingTokens[i]!.split('\0');
    return { key, formula, tokens, first, origin: { answer: w[o + 3]!, sentence: w[o + 4]! } };
  });
  const t = packed.traced;
  const traces: Trace[] = [];
  start = 0;
  for (const end of packed.traceEnds) {
    const trace: Trace = [];
    for (let o = start * TRACED; o < end * TRACED; o += TRACED) {
      trace.push({
        at: t[o]!,
        formula: formulas[t[o + 1]!]!,
        origin: { answer: t[o + 2]!, sentence: t[o + 3]! },
        before: t[o + 4]!,
        uses: t[o + 5]!,
        near: t[o + 6] === 1,
      });
    }
    traces.push(trace);
    start = end;
  }
  return Tracer.from(traces, formulas, wordings);
}

async function load(file: string): Promise<Saved | undefined> {
  try {
    return deserialize(await readFile(file)) as Saved;
  } catch {
    // None yet, or unreadable (a build stopped while writing it is not: see store): trace from the start.
    return undefined;
  }
}

/** Written aside, then moved into place: a build stopped halfway leaves the last state, not half of one. */
async function store(file: string, saved: Saved): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  try {
    await writeFile(partial, serialize(saved));
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}
