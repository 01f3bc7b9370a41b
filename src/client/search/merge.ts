import { type Fragment, type Hit, byRelevance } from '../../lib/search/pagefind/read.ts';
import type { Shown } from '../../lib/search/result-html.ts';

/**
 * Results of one or two languages' indexes in one order: by score for relevance, by date
 * otherwise, taken a page at a time. An answer's fragment is fetched when its page of results is
 * shown, all of that page's at once.
 */
export class ResultMerge {
  private readonly heads: { hit: Hit; data?: Promise<Fragment> }[][];
  private readonly byDate: 'asc' | 'desc' | undefined;

  /** `lists` are each already in order (by relevance, or by date if `byDate`). */
  constructor(lists: Hit[][], byDate: 'asc' | 'desc' | undefined) {
    this.heads = lists.map((hits) => hits.map((hit) => ({ hit })));
    this.byDate = byDate;
  }

  get remaining(): number {
    return this.heads.reduce((sum, hits) => sum + hits.length, 0);
  }

  /**
   * The places of the next `n` results (Hit.place), nothing fetched: the results a page already
   * shows (ready results, src/lib/search/ready.ts) are checked against them. By relevance, or one
   * list's order.
   */
  peek(n: number): (string | undefined)[] {
    return this.next(n).map(([list, at]) => this.heads[list]![at]!.hit.place);
  }

  /** Passes over the next `n` results (a page already shown), nothing fetched. */
  skip(n: number): void {
    for (const [list] of this.next(n)) this.heads[list]!.shift();
  }

  /** Where each of the next `n` results is, list and place in it, nothing fetched; not for several lists by date. */
  private next(n: number): [list: number, at: number][] {
    if (this.byDate && this.heads.filter((hits) => hits.length > 0).length > 1)
      throw new Error('results of several languages by date are merged by their fragments: take them');
    const at = this.heads.map(() => 0);
    const picked: [number, number][] = [];
    while (picked.length < n) {
      let best = -1;
      this.heads.forEach((hits, list) => {
        const hit = hits[at[list]!]?.hit;
        if (hit && (best < 0 || byRelevance(hit, this.heads[best]![at[best]!]!.hit) < 0)) best = list;
      });
      if (best < 0) break;
      picked.push([best, at[best]!]);
      at[best]!++;
    }
    return picked;
  }

  /** The next `n` results, their fragments fetched. */
  async take(n: number): Promise<Shown[]> {
    // In flight together: one after another, ten results took ten round trips. Sorting two
    // languages by date needs their dates, so the next n of each are fetched.
    for (const hits of this.heads) for (const head of hits.slice(0, n)) head.data ??= head.hit.data();
    const taken: { hit: Hit; data: Promise<Fragment> }[] = [];
    while (taken.length < n && this.remaining > 0) {
      const live = this.heads.filter((hits) => hits.length > 0);
      if (this.byDate && live.length > 1) {
        const dates = new Map(
          await Promise.all(live.map(async (hits) => [hits, (await hits[0]!.data!).meta.date ?? ''] as const)),
        );
        const sign = this.byDate === 'asc' ? 1 : -1;
        live.sort((a, b) => sign * dates.get(a)!.localeCompare(dates.get(b)!));
      } else if (!this.byDate) live.sort((a, b) => byRelevance(a[0]!.hit, b[0]!.hit));
      const next = live[0]!.shift()!;
      taken.push({ hit: next.hit, data: next.data ?? next.hit.data() });
    }
    return Promise.all(taken.map(async ({ hit, data }) => ({ hit, fragment: await data })));
  }
}
