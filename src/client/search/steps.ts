/**
 * Where a search's time goes, as User Timing measures: `lectern:search:<step>`, each from the end
 * of the step before, with the search's number in `detail.run`. The browser's Performance panel
 * shows them beside the network, and the search benchmark reads them (per step, in its report).
 */
export class Steps {
  private readonly run: number;
  private last: number;

  constructor(run: number) {
    this.run = run;
    this.last = performance.now();
  }

  /** Ends `step`, begun when the one before it ended. */
  done(step: string): void {
    const now = performance.now();
    performance.measure(`lectern:search:${step}`, { start: this.last, end: now, detail: { run: this.run } });
    this.last = now;
  }
}
