/**
 * Measuring one command: its wall time and the peak resident memory of its
 * whole process tree (polled from /proc every 200 ms), with its output kept
 * in a log file.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { runProcess } from '../../src/lib/build/process.ts';

/** A measured command. */
export interface Measured {
  wallMs: number;
  peakRssBytes: number;
  /** The processes that made up the peak, e.g. `node 900 MB + pagefind 400 MB`. */
  peakParts: string;
}

const PAGE_SIZE = 4096;

/** The resident memory of `pid` and all its descendants, from /proc; `parts` gets each process's share. */
function treeRss(pid: number, parts: Map<string, number>): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Field 4 (ppid) comes after the command name in parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop()!;
    try {
      const rss = Number(readFileSync(`/proc/${p}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE;
      total += rss;
      parts.set(`${readFileSync(`/proc/${p}/comm`, 'utf8').trim()} ${p}`, rss);
    } catch {
      // Gone.
    }
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/** Runs a command to completion, measuring it; its output goes to `log`. Rejects when it fails. */
export async function measure(command: string, args: string[], options: { cwd: string; env?: Record<string, string>; log: string }): Promise<Measured> {
  const started = performance.now();
  let peak = 0;
  let peakParts = '';
  let timer: ReturnType<typeof setInterval> | undefined;
  const result = await runProcess(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    output: 'capture',
    // The build's own progress lines, for people watching a long run.
    onOutput: (chunk) => {
      for (const line of chunk.split('\n')) if (/^build: /.test(line)) console.log(`    ${line}`);
    },
    started: (child) => {
      timer = setInterval(() => {
        const parts = new Map<string, number>();
        const rss = treeRss(child.pid!, parts);
        if (rss <= peak) return;
        peak = rss;
        peakParts = [...parts].filter(([, b]) => b > 20e6).map(([n, b]) => `${n.replace(/ \d+$/, '')} ${(b / 1e6).toFixed(0)} MB`).join(' + ');
      }, 200);
    },
  });
  clearInterval(timer);
  const wallMs = performance.now() - started;
  writeFileSync(options.log, result.output);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.code ?? result.signal}; see ${options.log}`);
  return { wallMs, peakRssBytes: peak, peakParts };
}
