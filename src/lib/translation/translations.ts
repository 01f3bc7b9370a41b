import { allRemarks, type Remark } from '../remarks.ts';
import type { Exchange } from '../transcript/model.ts';
import type { Link } from './align.ts';
import { pairTranscripts, type Pair } from './pair.ts';
import { langs } from '../../schemas/transcript.ts';

/** Below this an alignment is shown as a probable counterpart, not as the counterpart. */
export const CERTAIN = 0.5;

/** An exchange's place in the other version: its counterpart, or the plain fact that there is none. */
export type Counterpart =
  | {
      kind: 'paired';
      remark: Remark;
      /** Usually one; two or three where one version asks as separate questions what the other keeps in one. */
      exchanges: Exchange[];
      confidence: number;
      pinned: boolean;
    }
  | { kind: 'missing'; remark: Remark; confidence: number; pinned: boolean };

/** A transcript's translation, as published on this site or elsewhere, and how the two differ. */
export interface Translation {
  remark?: Remark;
  /** The translation's URL where it is not published here. */
  external?: string;
  /** Exchanges only in this version and only in the other (the opening statements left out). */
  onlyHere: number;
  onlyThere: number;
  uncertain: number;
}

export interface Translations {
  of(remark: Remark): Translation | undefined;
  /** The counterpart of one exchange (`opening` for the opening statements), where the transcript is paired. */
  counterpart(remark: Remark, exchangeId: string): Counterpart | undefined;
  /** Every exchange published in one language only, newest first. */
  oneLanguageOnly: readonly Omission[];
  /** Exchanges one version splits in two or three (a follow-up asked as its own question), newest first. */
  splits: readonly Split[];
  pairs: readonly Pair[];
}

/** An exchange that the other version asks as several: the follow-up split off as a question of its own. */
export interface Split {
  remark: Remark;
  exchange: Exchange;
  other: Remark;
  parts: Exchange[];
}

/** An exchange the other version of its transcript left out. */
export interface Omission {
  remark: Remark;
  exchange: Exchange;
  /** The transcript that lacks it. */
  other: Remark;
  confidence: number;
  pinned: boolean;
}

let cache: Promise<Translations> | undefined;

/** Every transcript's translation and every exchange's counterpart, worked out once per build. */
export function translations(): Promise<Translations> {
  cache ??= allRemarks().then(build);
  return cache;
}

function build(remarks: Remark[]): Translations {
  const byId = new Map(remarks.map((remark) => [remark.id, remark]));
  const { pairs, external } = pairTranscripts(
    remarks.map((remark) => ({
      id: remark.id,
      file: remark.filePath ?? remark.id,
      lang: remark.data.lang,
      date: remark.data.date,
      kind: remark.data.kind,
      source: remark.data.source,
      translation: remark.data.translation,
      transcript: remark.data.transcript,
    })),
  );
  const pairOf = new Map<string, { pair: Pair; other: Remark }>();
  const links = new Map<string, Link[]>();
  const addLink = (key: string, link: Link) => links.set(key, [...(links.get(key) ?? []), link]);
  for (const pair of pairs) {
    pairOf.set(pair.en, { pair, other: byId.get(pair.zh)! });
    pairOf.set(pair.zh, { pair, other: byId.get(pair.en)! });
    for (const link of pair.alignment.links) {
      if (link.en) addLink(`${pair.en}#${link.en}`, link);
      if (link.zh) addLink(`${pair.zh}#${link.zh}`, link);
    }
  }
  const exchangeOf = (remark: Remark, id: string) =>
    remark.data.transcript.exchanges.find((exchange) => exchange.id === id);
  const oneLanguageOnly: Omission[] = [];
  for (const pair of pairs) {
    for (const link of pair.alignment.links) {
      const lang = link.zh === undefined ? 'en' : link.en === undefined ? 'zh' : undefined;
      const id = lang && link[lang];
      if (!lang || !id || id === 'opening') continue;
      const remark = byId.get(pair[lang])!;
      const exchange = exchangeOf(remark, id);
      const other = byId.get(pair[lang === 'en' ? 'zh' : 'en'])!;
      if (exchange) oneLanguageOnly.push({ remark, exchange, other, confidence: link.confidence, pinned: link.pinned });
    }
  }
  const splits: Split[] = [];
  for (const pair of pairs) {
    for (const lang of langs) {
      const otherLang = lang === 'en' ? 'zh' : 'en';
      const parts = new Map<string, string[]>();
      for (const link of pair.alignment.links) {
        const own = link[lang];
        const theirs = link[otherLang];
        if (own && theirs && own !== 'opening') parts.set(own, [...(parts.get(own) ?? []), theirs]);
      }
      const remark = byId.get(pair[lang])!;
      const other = byId.get(pair[otherLang])!;
      for (const [id, list] of parts) {
        const exchange = exchangeOf(remark, id);
        if (exchange && list.length > 1) {
          splits.push({ remark, exchange, other, parts: list.flatMap((each) => exchangeOf(other, each) ?? []) });
        }
      }
    }
  }
  splits.sort((a, b) => b.remark.data.date.localeCompare(a.remark.data.date) || a.remark.id.localeCompare(b.remark.id));
  oneLanguageOnly.sort(
    (a, b) =>
      b.remark.data.date.localeCompare(a.remark.data.date) ||
      a.remark.id.localeCompare(b.remark.id) ||
      a.exchange.n - b.exchange.n,
  );
  return {
    pairs,
    oneLanguageOnly,
    splits,
    of(remark) {
      const found = pairOf.get(remark.id);
      if (!found) {
        const url = external.get(remark.id);
        return url ? { external: url, onlyHere: 0, onlyThere: 0, uncertain: 0 } : undefined;
      }
      const here = remark.data.lang;
      const exchangesOnly = found.pair.alignment.links.filter((link) => link.en !== 'opening' && link.zh !== 'opening');
      return {
        remark: found.other,
        onlyHere: exchangesOnly.filter(
          (link) => link[here] !== undefined && link[here === 'en' ? 'zh' : 'en'] === undefined,
        ).length,
        onlyThere: exchangesOnly.filter((link) => link[here] === undefined).length,
        uncertain: exchangesOnly.filter((link) => link.en && link.zh && link.confidence < CERTAIN).length,
      };
    },
    counterpart(remark, exchangeId) {
      const found = pairOf.get(remark.id);
      const own = links.get(`${remark.id}#${exchangeId}`);
      if (!found || !own) return undefined;
      const otherLang = found.other.data.lang;
      const confidence = Math.min(...own.map((link) => link.confidence));
      const pinned = own.some((link) => link.pinned);
      const ids = own.flatMap((link) => (link[otherLang] === undefined ? [] : [link[otherLang]]));
      if (ids.length === 0) return { kind: 'missing', remark: found.other, confidence, pinned };
      if (ids.includes('opening')) return undefined;
      const exchanges = ids.flatMap((id) => exchangeOf(found.other, id) ?? []);
      return exchanges.length > 0 ? { kind: 'paired', remark: found.other, exchanges, confidence, pinned } : undefined;
    },
  };
}
