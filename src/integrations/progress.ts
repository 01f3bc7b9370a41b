import process from 'node:process';
import type { AstroIntegrationLogger } from 'astro';
import { Progress } from '../lib/progress.ts';

/**
 * Progress of a long build step (src/lib/progress.ts): in a terminal, one line on stderr rewritten
 * in place; in CI and logs, a line through the integration's logger every few seconds.
 */
export function buildProgress(logger: AstroIntegrationLogger, label: string): Progress {
  const live = process.stderr.isTTY && !process.env.CI;
  return new Progress({
    label,
    live,
    summary: (line) => {
      endLiveLine();
      logger.info(line);
    },
    write: live
      ? (line) => process.stderr.write(`\r\u001b[2K[${logger.label}] ${line}`)
      : (line) => {
          logger.info(line);
        },
  });
}

/** Ends a live line, so that the next log line starts on its own. */
function endLiveLine(): void {
  if (process.stderr.isTTY && !process.env.CI) process.stderr.write('\r\u001b[2K');
}
