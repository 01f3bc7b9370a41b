import { createHash } from 'node:crypto';
import type { Use } from './formulas/archive.ts';
import { entities } from './entities/entities.ts';
import { formulas } from './formulas/formulas.ts';
import { allRemarks, topicsExist, type Remark } from './remarks.ts';
import { translations } from './translation/translations.ts';
import type { Pair } from './translation/pair.ts';

/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose key and code
 * are both unchanged since the last build is copied from that build instead of rendered again.
 * Astro tracks the code; the key must cover every piece of data the page shows, or the site keeps
 * a stale page. So keys are made from the very values pages read, never from file dates or names:
 * a transcript's data as loaded (its model, so a change in how Markdown is read counts too), and
 * its translation: the pairing, the alignment, and the other version's data, which counterparts
 * quote; its sentences said before (which depend only on earlier answers, so today's
 * transcript leaves older keys as they were); and the names its answers link to entity pages.
 */
export interface PageKeys {
  /** A transcript's data and its translation's: what its answer pages and its JSON show. */
  remark(remark: Remark): string;
}

let cache: Promise<PageKeys> | undefined;

export function pageKeys(): Promise<PageKeys> {
  cache ??= (async () => {
    const [remarks, translated, topics, traced, found] = await Promise.all([
      allRemarks(),
      translations(),
      topicsExist(),
      formulas(),
      entities(),
    ]);
    const use = ({ remark, exchange }: Use) => [remark.id, exchange.id, remark.data.date, remark.data.spokesperson];
    const said = (remark: Remark) =>
      remark.data.transcript.exchanges.map((exchange) =>
        traced
          .marks(remark, exchange)
          .map((mark) => [mark.at, mark.before, use(mark.first), mark.earlier.map(use), mark.page?.slug ?? null]),
      );
    // What every page's chrome shows of the whole archive: the footer links topics once there are any.
    const chrome = keyOf({ topics });
    const own = new Map(remarks.map((remark) => [remark.id, keyOf(remark.data)]));
    const saidIn = new Map(remarks.map((remark) => [remark.id, keyOf(said(remark))]));
    const namedIn = (remark: Remark) =>
      keyOf(
        remark.data.transcript.exchanges.map((exchange) =>
          found.linksIn(remark, exchange).map(({ page, name }) => [page.entity.id, name]),
        ),
      );
    const pairOf = new Map<string, Pair>();
    for (const pair of translated.pairs) {
      pairOf.set(pair.en, pair);
      pairOf.set(pair.zh, pair);
    }
    const keys = new Map(
      remarks.map((remark) => {
        const pair = pairOf.get(remark.id);
        const other = pair && (pair.en === remark.id ? pair.zh : pair.en);
        const translation = translated.of(remark);
        return [
          remark.id,
          keyOf([
            own.get(remark.id),
            saidIn.get(remark.id),
            namedIn(remark),
            pair,
            other && own.get(other),
            translation?.external ?? null,
            chrome,
          ]),
        ] as const;
      }),
    );
    return {
      remark(remark) {
        const key = keys.get(remark.id);
        if (key === undefined) throw new Error(`page-keys: ${remark.id} is not among this build's transcripts`);
        return key;
      },
    };
  })();
  return cache;
}

/** A digest of any JSON value: what a page shows, in the order it was built. */
export function keyOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}
