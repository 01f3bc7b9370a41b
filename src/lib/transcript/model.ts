/**
 * The transcript model: what the remark plugin makes of a transcript's body, and what every page,
 * the search index, the importer and the tests read. Defined here once.
 *
 * A transcript is an optional block of opening statements followed by exchanges. An exchange is a
 * run of turns: it opens with a question and holds at least one answer; follow-ups and
 * interjections ("Journalist: Yes.") stay inside it.
 */

/** Who speaks in a turn: the journalist's side or the spokesperson's. */
export type Role = 'question' | 'answer';

/**
 * What a turn is within its exchange. `question` opens the exchange; `follow-up` and
 * `interjection` are later turns of the journalist's side.
 */
export type TurnKind = 'question' | 'follow-up' | 'interjection' | 'answer';

export interface Turn {
  role: Role;
  kind: TurnKind;
  /** The label as the source writes it, without the colon: "Q", "A", "Reuters", "问", "汪文斌". */
  label: string;
  /** The named speaker, where the label names one (an outlet or a spokesperson), else undefined. */
  speaker?: string;
  /** Rendered, sanitised HTML of the turn's text (label removed). */
  html: string;
  /** Plain text of the turn (label removed), for excerpts, search and share cards. */
  text: string;
  /** Line in the source file where the turn starts. */
  line: number;
}

export interface Exchange {
  /** Stable anchor id, unique within the transcript: pinned in front matter, else `q<n>`. */
  id: string;
  /** Position among the transcript's exchanges, from 1. */
  n: number;
  /** The outlet that asked, from front matter or the question's label. */
  asker?: string;
  /** Topics given for this exchange in front matter. */
  topics: string[];
  turns: Turn[];
  /** The counterpart exchange's id in the translation, or `none`, where front matter pins it. */
  translation?: string;
  /** Line in the source file where the exchange starts. */
  line: number;
}

/** Opening statements: everything before the first question, kept as one block. */
export interface Opening {
  html: string;
  text: string;
  line: number;
}

export interface TranscriptBody {
  opening?: Opening;
  exchanges: Exchange[];
}
