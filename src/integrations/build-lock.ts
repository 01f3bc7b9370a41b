import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * One build at a time in a checkout. A build whose output is outside the project (LECTERN_OUT,
 * as tests and benchmarks use) renders its pages from server chunks Astro writes to the project's
 * own `.astro/.prerender/`, whatever the output: two such builds at once overwrite each other's
 * chunks, and one fails halfway with "Cannot find module …/.astro/.prerender/chunks/…" (it
 * happened to a 10x build, 38 minutes in, when a 1x build was started beside it). A second build
 * waits here for the first, and says so; a lock left by a build that died is taken over.
 */
export default function buildLock(): AstroIntegration {
  let held: string | undefined;
  const release = () => {
    if (held && ownerOf(held) === process.pid) rmSync(held, { force: true });
    held = undefined;
  };
  return {
    name: 'lectern-build-lock',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        if (command !== 'build') return;
        const lock = join(fileURLToPath(config.root), '.astro', 'build.lock');
        mkdirSync(dirname(lock), { recursive: true });
        let said = false;
        for (;;) {
          if (take(lock)) break;
          const owner = ownerOf(lock);
          if (owner === undefined || owner === process.pid || !alive(owner)) {
            rmSync(lock, { force: true });
            continue;
          }
          if (!said) {
            logger.warn(
              `another build (process ${owner}) is running in this checkout: waiting for it to end, since two builds at once break each other (.astro/.prerender/). To build side by side, build from another clone.`,
            );
            said = true;
          }
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
        held = lock;
        process.once('exit', release);
      },
      'astro:build:done': () => {
        release();
      },
    },
  };
}

/** Creates the lock with this process's id, unless it exists. */
function take(lock: string): boolean {
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function ownerOf(lock: string): number | undefined {
  try {
    const pid = Number(readFileSync(lock, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process is running: signal 0 checks without sending anything. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
