import { entities } from '../entities/entities.ts';
import { formulas } from '../formulas/formulas.ts';
import { allRemarks } from '../remarks.ts';
import { translations } from '../translation/translations.ts';
import {
  answerRows,
  type AnswerRow,
  entityRows,
  type EntityRow,
  formulaRows,
  type FormulaRow,
  transcriptRowOf,
  type TranscriptRow,
} from './rows.ts';

export interface OpenData {
  /** Newest transcript first, each transcript's exchanges in order. */
  answers: AnswerRow[];
  transcripts: TranscriptRow[];
  /** Formulas said in two answers or more, English then Chinese, each in the order first said. */
  formulas: FormulaRow[];
  /** Every entity found, as the finder lists them (the editors' table first, then the countries, then the rest). */
  entities: EntityRow[];
  /** A transcript's row, by its id. */
  transcriptOf: Map<string, TranscriptRow>;
  /** A transcript's exchanges' rows, by transcript id. */
  answersOf: Map<string, AnswerRow[]>;
}

let cache: Promise<OpenData> | undefined;

/** Every row of the open data, made once per build for the files that publish it. */
export function openData(site: URL): Promise<OpenData> {
  cache ??= (async () => {
    const [remarks, translated, traced, found] = await Promise.all([
      allRemarks(),
      translations(),
      formulas(),
      entities(),
    ]);
    const answersOf = new Map(
      remarks.map((remark) => [remark.id, answerRows(remark, site, translated, traced, found)]),
    );
    const transcripts = remarks.map((remark) => transcriptRowOf(remark, site, translated));
    return {
      answers: [...answersOf.values()].flat(),
      transcripts,
      formulas: formulaRows(traced, site),
      entities: entityRows(found, site),
      transcriptOf: new Map(transcripts.map((row) => [row.id, row])),
      answersOf,
    };
  })();
  return cache;
}
