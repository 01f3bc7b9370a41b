import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './paths.ts';

export interface BuildResult {
  code: number | null;
  output: string;
  outDir: string;
}

/**
 * The build's Node flags, as package.json's `build` script sets them (a test holds the two the
 * same). A heap of its own size, whatever the machine: Node sizes its heap from the machine's
 * memory, 4 GiB here (24 GiB) but about 1.75 GiB on a 7 GB CI runner, and a bigger heap is not
 * collected until full. Measured on the 10x archive, cards skipped: its build needs at most
 * 1,792 MiB (it ran out at that size while the search records were carried as bigrams); with a
 * 4 GiB heap its process tree peaked at 5.9–6.2 GiB; at 1,792 MiB, 4.1 GiB; at this 2,048 MiB, 5.0 GiB
 * (bench/results/build.md).
 */
export const BUILD_NODE_ARGS = ['--max-old-space-size=2048'];

/**
 * Runs `astro build` as `npm run build` does, on `content` (a folder of transcripts; default the
 * project's own `content/remarks`), into a fresh temporary folder.
 */
export async function buildSite(content?: string, extraEnv: Record<string, string> = {}): Promise<BuildResult> {
  const work = await mkdtemp(join(tmpdir(), 'lectern-build-'));
  const outDir = join(work, 'dist');
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    LECTERN_OUT: outDir,
    LECTERN_CACHE: join(work, 'cache'),
    ...(content !== undefined && { LECTERN_CONTENT: content }),
    ...extraEnv,
  };
  const child = spawn(
    process.execPath,
    [...BUILD_NODE_ARGS, join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'],
    {
      cwd: projectRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, output, outDir };
}
