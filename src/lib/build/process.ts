/**
 * Runs a program as a child process and waits for it: the one wrapper
 * around `spawn` that the build steps, Pagefind and the benchmark share.
 */
import { type ChildProcess, spawn } from 'node:child_process';

/** How to run a program. */
export interface ProcessOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** `inherit` shows its output as it comes (progress lines); `capture` keeps it for the result. */
  output?: 'inherit' | 'capture';
  /** Open an IPC channel: the child's `process.send(value)` messages are collected. */
  ipc?: boolean;
  /** Called once the process has started (the benchmark polls its memory). */
  started?: (child: ChildProcess) => void;
  /** Aborting it ends the process (SIGTERM). */
  signal?: AbortSignal;
  /** Called with each chunk of captured output as it comes. */
  onOutput?: (chunk: string) => void;
}

/** How a program ended. */
export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Its stdout and stderr interleaved, when captured. */
  output: string;
  /** The messages it sent over IPC, in order. */
  messages: unknown[];
}

/** Runs `command` with `args`; resolves when it has exited, whatever its exit code; rejects only when it could not start. */
export function runProcess(command: string, args: readonly string[], options: ProcessOptions = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const captured = options.output === 'capture';
    const stdio = captured ? 'pipe' : 'inherit';
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: options.ipc ? ['ignore', stdio, stdio, 'ipc'] : ['ignore', stdio, stdio],
      signal: options.signal,
    });
    let output = '';
    const messages: unknown[] = [];
    if (captured) {
      const take = (chunk: string) => {
        output += chunk;
        options.onOutput?.(chunk);
      };
      child.stdout!.setEncoding('utf8').on('data', take);
      child.stderr!.setEncoding('utf8').on('data', take);
    }
    child.on('message', (message) => messages.push(message));
    // An abort also reports an error; the process then ends and 'close' tells how.
    child.once('error', (error) => (error.name === 'AbortError' ? undefined : reject(error)));
    child.once('spawn', () => options.started?.(child));
    child.once('close', (code, signal) => resolve({ code, signal, output, messages }));
  });
}
