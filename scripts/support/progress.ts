import { Progress } from '../../src/lib/progress.ts';

/**
 * Progress of a command-line step on stderr: a live line in a terminal, a line every few seconds
 * elsewhere (CI logs, a file), and its summary.
 */
export function progress(label: string): {
  update: (done: number, total: number) => void;
  done: (what?: string) => void;
} {
  const live = process.stderr.isTTY && !process.env.CI;
  let total = 0;
  let last = 0;
  const tracker = new Progress({
    label,
    live,
    write: (line) => process.stderr.write(live ? `\r\u001b[2K${line}` : `${line}\n`),
  });
  return {
    update: (done, of) => {
      total = of;
      last = done;
      tracker.update(done, of);
    },
    done: (what) => {
      if (live) process.stderr.write('\r\u001b[2K');
      if (total > 0) tracker.finish(last, what);
      if (live) process.stderr.write('\n');
    },
  };
}
