import { entities } from '../entities/entities.ts';
import { formulas } from '../formulas/formulas.ts';
import { allRemarks, type Remark } from '../remarks.ts';
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
  /**
   * Every answer's row, newest transcript first, each transcript's exchanges in order: made a
   * transcript at a time as the caller reads them. Held all at once, with their texts, the rows
   * were what the 10x build ran out of memory on (docs/performance.md).
   */
  answers: () => Iterable<AnswerRow>;
  /** A transcript's exchanges' rows, made when asked for. */
  answersOf: (id: string) => AnswerRow[] | undefined;
  transcripts: TranscriptRow[];
  /** Formulas said in two answers or more, English then Chinese, each in the order first said. */
  formulas: FormulaRow[];
  /** Every entity found, as the finder lists them (the editors' table first, then the countries, then the rest). */
  entities: EntityRow[];
  /** A transcript's row, by its id. */
  transcriptOf: Map<string, TranscriptRow>;
}

let cache: Promise<OpenData> | undefined;

/** The open data, made once per build for the files that publish it; the answers' rows as they are read. */
export function openData(site: URL): Promise<OpenData> {
  cache ??= (async () => {
    const [remarks, translated, traced, found] = await Promise.all([
      allRemarks(),
      translations(),
      formulas(),
      entities(),
    ]);
    const byId = new Map(remarks.map((remark) => [remark.id, remark]));
    const rowsOf = (remark: Remark) => answerRows(remark, site, translated, traced, found);
    const transcripts = remarks.map((remark) => transcriptRowOf(remark, site, translated));
    return {
      *answers() {
        for (const remark of remarks) yield* rowsOf(remark);
      },
      answersOf: (id) => {
        const remark = byId.get(id);
        return remark && rowsOf(remark);
      },
      transcripts,
      formulas: formulaRows(traced, site),
      entities: entityRows(found, site),
      transcriptOf: new Map(transcripts.map((row) => [row.id, row])),
    };
  })();
  return cache;
}
