import { allRemarks } from '../remarks.ts';
import { translations } from '../translation/translations.ts';
import { type FormulaArchive, build } from './archive.ts';

let cache: Promise<FormulaArchive> | undefined;

/** The site's formulas, traced once per build over every transcript, counterparts from the translations' alignment. */
export function formulas(): Promise<FormulaArchive> {
  cache ??= Promise.all([allRemarks(), translations()]).then(([remarks, translated]) => {
    const started = performance.now();
    const archive = build(remarks, (remark, exchange) => {
      const counterpart = translated.counterpart(remark, exchange.id);
      return counterpart?.kind === 'paired'
        ? counterpart.exchanges.map((other) => ({ remark: counterpart.remark, exchange: other }))
        : [];
    });
    const answers = remarks.reduce((sum, remark) => sum + remark.data.transcript.exchanges.length, 0);
    // The build's log says what tracing cost: the benchmark (npm run bench:formulas -- --build) reads it.
    console.info(
      `[lectern-formulas] traced ${answers} answers in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return archive;
  });
  return cache;
}
