import { allRemarks } from '../remarks.ts';
import { translations } from '../translation/translations.ts';
import { join } from 'node:path';
import { buildCache } from '../build-cache.ts';
import { answersOf, build, type FormulaArchive } from './archive.ts';
import { traceResuming } from './resume.ts';

let cache: Promise<FormulaArchive> | undefined;

/** The site's formulas, traced once per build over every transcript, counterparts from the translations' alignment. */
export function formulas(): Promise<FormulaArchive> {
  cache ??= Promise.all([allRemarks(), translations()]).then(async ([remarks, translated]) => {
    const started = performance.now();
    const answers = answersOf(remarks);
    const { tracer, resumed } = await traceResuming(answers, join(buildCache(), 'formulas', 'tracer.bin'));
    const archive = build(
      remarks,
      (remark, exchange) => {
        const counterpart = translated.counterpart(remark, exchange.id);
        return counterpart?.kind === 'paired'
          ? counterpart.exchanges.map((other) => ({ remark: counterpart.remark, exchange: other }))
          : [];
      },
      tracer,
    );
    // The build's log says what tracing cost: the benchmark (npm run bench:formulas -- --build) reads it.
    console.info(
      `[lectern-formulas] traced ${answers.length - resumed} answers (${resumed} resumed from the last build) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return archive;
  });
  return cache;
}
