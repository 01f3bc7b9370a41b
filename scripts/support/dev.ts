import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from './paths.ts';

export interface DevServer {
  url: string;
  /** Seconds from start until the server said it was ready. */
  ready: number;
  output: () => string;
  close: () => Promise<void>;
}

/** A free loopback port. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * `astro dev` as `npm run dev` runs it, on `content` (a folder of transcripts), with `out` as the
 * output folder whose search index it serves; resolves once it listens. Ended with `close`, or
 * when the process that started it exits.
 */
export async function startDev(env: { content: string; out: string; cache: string }): Promise<DevServer> {
  const port = await freePort();
  // Run from a test, the environment says NODE_ENV=test and VITEST=…: astro dev would take them.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')),
  );
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: projectRoot,
      env: {
        ...inherited,
        ASTRO_TELEMETRY_DISABLED: '1',
        LECTERN_CONTENT: env.content,
        LECTERN_OUT: env.out,
        LECTERN_CACHE: env.cache,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) =>
    child.on('exit', () => {
      resolve();
    }),
  );
  process.on('exit', () => child.kill());
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (/ready in|Local\s/.test(output)) resolve();
      else if (child.exitCode !== null) reject(new Error(`astro dev exited:\n${output}`));
      else setTimeout(check, 50);
    };
    check();
  });
  return {
    url: `http://127.0.0.1:${port}`,
    ready: (performance.now() - started) / 1000,
    output: () => output,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
