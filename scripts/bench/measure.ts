import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

/** Resident memory of a process and all its descendants (Pagefind runs as a child binary), in MiB. */
function treeRssMiB(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf-8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let kib = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    try {
      kib += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf-8'))?.[1] ?? 0);
    } catch {
      // Gone already.
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return kib / 1024;
}

export interface Stage {
  name: string;
  seconds: number;
  peakMiB: number;
}

export interface Run {
  seconds: number;
  peakMiB: number;
  stages: Stage[];
  output: string;
  code: number | null;
}

/**
 * Runs a command, sampling the memory of its process tree every 100 ms, and splits the run into
 * stages where a line of its output matches a stage's start marker.
 */
export async function measure(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; stages?: [name: string, start: RegExp][] },
): Promise<Run> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const marks: { name: string; at: number; peak: number }[] = [{ name: 'start', at: started, peak: 0 }];
  let output = '';
  let peak = 0;
  const onLine = (line: string) => {
    for (const [name, start] of options.stages ?? []) {
      if (start.test(line) && !marks.some((mark) => mark.name === name)) {
        marks.push({ name, at: performance.now(), peak: 0 });
        // The benchmark's own progress: each stage as it starts, and the build's progress lines.
        process.stderr.write(`  ${name}… (${Math.round((performance.now() - started) / 1000)} s in)\n`);
      }
    }
    const plain = stripVTControlCharacters(line);
    if (/: [\d,]+ of [\d,]+ \(\d+%\)/.test(plain)) process.stderr.write(`  ${plain.replace(/^.*?\] /, '')}\n`);
  };
  let pending = '';
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop()!;
    lines.forEach(onLine);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const timer = setInterval(() => {
    const rss = child.pid ? treeRssMiB(child.pid) : 0;
    peak = Math.max(peak, rss);
    const current = marks.at(-1)!;
    current.peak = Math.max(current.peak, rss);
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  const ended = performance.now();
  const stages = marks.slice(1).map((mark, i) => ({
    name: mark.name,
    seconds: ((marks[i + 2]?.at ?? ended) - mark.at) / 1000,
    peakMiB: Math.round(mark.peak),
  }));
  return { seconds: (ended - started) / 1000, peakMiB: Math.round(peak), stages, output, code };
}

/** Size of a folder's files, in MiB, and how many there are. */
export function folderSize(dir: string): { mib: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir, { recursive: true })) {
    const info = statSync(join(dir, String(name)));
    if (info.isFile()) {
      bytes += info.size;
      files++;
    }
  }
  return { mib: Math.round((bytes / 1024 / 1024) * 10) / 10, files };
}
