/**
 * Progress of long work (drawing cards, indexing, importing, checking, benchmarks): count, rate
 * and time left, at most every few seconds as lines of their own in a log (CI), or as one line
 * rewritten in place in a terminal; a summary at the end. Without it a cold build's 20 minutes of
 * cards looked hung in CI logs.
 */
export interface ProgressOptions {
  /** What is being done, as the line's start: "drawing share cards". */
  label: string;
  /** Rewrite one line in place (a terminal), rather than a line each time (a log). */
  live: boolean;
  /** Where lines go: a log line, or the live line's new text. */
  write: (line: string) => void;
  /** Where the summary goes (default: `write`): a live line's owner ends it first. */
  summary?: (line: string) => void;
  /** The least time between two lines in a log (default 5 s); a live line is redrawn at most every 0.1 s. */
  every?: number;
  /** The clock, in ms (tests give their own). */
  now?: () => number;
}

export class Progress {
  readonly #options: Required<ProgressOptions>;
  readonly #started: number;
  #last = -Infinity;

  constructor(options: ProgressOptions) {
    this.#options = { every: 5_000, now: () => performance.now(), summary: options.write, ...options };
    this.#started = this.#options.now();
    this.#last = this.#started;
  }

  /** `done` of `total` finished: a line if it is time for one. */
  update(done: number, total: number): void {
    const now = this.#options.now();
    if (now - this.#last < (this.#options.live ? 100 : this.#options.every) || done >= total) return;
    this.#last = now;
    this.#options.write(progressLine(this.#options.label, done, total, now - this.#started));
  }

  /** The summary: how many, in how long, how fast. */
  finish(done: number, what = ''): void {
    const ms = this.#options.now() - this.#started;
    const rate = ms > 0 ? ` (${rateOf(done, ms)})` : '';
    this.#options.summary(`${this.#options.label}: ${count(done)}${what ? ` ${what}` : ''} in ${duration(ms)}${rate}`);
  }
}

/** "drawing share cards: 3,200 of 11,851 (27%), 31.2 a second, about 4 min 39 s left". */
export function progressLine(label: string, done: number, total: number, ms: number): string {
  const share = total > 0 ? Math.floor((done / total) * 100) : 0;
  const left = done > 0 ? `, about ${duration(((total - done) * ms) / done)} left` : '';
  return `${label}: ${count(done)} of ${count(total)} (${share}%)${done > 0 ? `, ${rateOf(done, ms)}` : ''}${left}`;
}

const count = (n: number) => n.toLocaleString('en');

function rateOf(done: number, ms: number): string {
  const perSecond = (done * 1000) / ms;
  return `${perSecond >= 10 ? Math.round(perSecond).toLocaleString('en') : perSecond.toFixed(1)} a second`;
}

/** "48 s", "4 min 39 s", "1 h 3 min". */
export function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${ms < 10_000 ? (ms / 1000).toFixed(1) : seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
