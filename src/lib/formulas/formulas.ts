import { allRemarks } from '../remarks.ts';
import { translations } from '../translation/translations.ts';
import { type FormulaArchive, build } from './archive.ts';

let cache: Promise<FormulaArchive> | undefined;

/** The site's formulas, traced once per build over every transcript, counterparts from the translations' alignment. */
export function formulas(): Promise<FormulaArchive> {
  cache ??= Promise.all([allRemarks(), translations()]).then(([remarks, translated]) =>
    build(remarks, (remark, exchange) => {
      const counterpart = translated.counterpart(remark, exchange.id);
      return counterpart?.kind === 'paired'
        ? counterpart.exchanges.map((other) => ({ remark: counterpart.remark, exchange: other }))
        : [];
    }),
  );
  return cache;
}
