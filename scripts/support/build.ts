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
  const child = spawn(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, output, outDir };
}
