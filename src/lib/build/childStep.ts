/**
 * Build steps that run as child processes of `npm run build`, so each big
 * step has its memory to itself and returns it to the system when done.
 * The parent starts a step module with `runChildStep`; the module, run as
 * a program, answers through `serveStep`: one result over IPC, and exit
 * code 2 when it stopped on bad input (its diagnostics already printed).
 */
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic, InputError } from '../listing/diagnostics.ts';
import { runProcess } from './process.ts';

/** Exit code of a step that stopped on bad input, as opposed to failing. */
const STOPPED_ON_INPUT = 2;

/** A step stopped on bad input; its messages are already on stderr. */
export class StepStopped extends Error {}

/** How to run one step. */
export interface ChildStep {
  /** The step's module (`new URL('./steps/x.ts', import.meta.url)`). */
  module: URL;
  args: string[];
  /** What the step is called in messages. */
  name: string;
  cwd: string;
  /** Node's own flags, such as a heap limit. */
  nodeFlags?: string[];
  /** Added to the failure message (how to fix a known cause). */
  hint?: string;
  /** Aborting it stops the step. */
  signal?: AbortSignal;
  /** Given the running step, to send it messages. */
  started?: (child: ChildProcess) => void;
}

/** Runs a step module in a child process with this Node; resolves to the result it sent. */
export async function runChildStep<T>(step: ChildStep): Promise<T> {
  const program = fileURLToPath(step.module);
  const result = await runProcess(process.execPath, [...(step.nodeFlags ?? []), program, ...step.args], { cwd: step.cwd, ipc: true, signal: step.signal, started: step.started });
  if (result.code === STOPPED_ON_INPUT) throw new StepStopped(`${step.name} stopped on bad input`);
  const ended = result.signal ? `signal ${result.signal}` : `exit code ${result.code}`;
  if (result.code !== 0 || result.messages.length === 0) throw new Error(`${step.name} failed (${ended}); its messages are above${step.hint ?? ''}`);
  return result.messages[0] as T;
}

/**
 * Runs a step in this child process and sends its result to the parent.
 * Bad input prints its diagnostics and exits 2; any other error is thrown
 * (Node prints it and exits 1).
 */
export async function serveStep<T>(run: () => Promise<T> | T): Promise<void> {
  let result: T;
  try {
    result = await run();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    console.error(error.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).join('\n'));
    process.exit(STOPPED_ON_INPUT);
  }
  await new Promise<void>((resolve, reject) => process.send!(result, (error: Error | null) => (error ? reject(error) : resolve())));
  // Done: a message the parent sends now must not keep this process alive.
  process.disconnect?.();
}
