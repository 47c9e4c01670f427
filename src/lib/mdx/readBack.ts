/**
 * Prove that generated files read back, through MDX and YAML, as exactly the
 * data they were generated from: the check the generator runs on every file
 * before writing any. Parsing is most of a cold run's time (about half a
 * millisecond a file), so a large batch is shared with worker threads, on
 * every core; the check itself is the same on each thread.
 *
 * The generator's API is synchronous (scripts/build.ts calls it as such), so
 * the main thread waits for its workers with Atomics.wait and collects their
 * answers with receiveMessageOnPort instead of awaiting events.
 */
import { availableParallelism } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { readBackGenerated } from './inspect.ts';

/** One file to prove: its name (for messages), its frontmatter YAML and the data it must read back as. */
export interface ReadBackItem {
  file: string;
  yaml: string;
  data: unknown;
}

/** A file that failed, by its index in the batch. */
export type ReadBackProblem = [index: number, message: string];

/** Items a thread claims at a time from the shared counter. */
const CHUNK = 32;

/** Below this many files, starting a worker (about 0.2 s to load the parsers) does not pay. */
const MIN_ITEMS_FOR_WORKERS = 500;

/** A started worker that has not answered after this long is given up on; nothing is written then. */
const WORKER_TIMEOUT_MS = 300_000;

/** Worker states, one Int32 slot per worker after the counter. */
export const STATE = { new: 0, running: 1, cancelled: 2, done: 3 } as const;

/** What a worker receives. */
export interface ReadBackWorkerData {
  items: ReadBackItem[];
  /** [0]: index of the next unclaimed item; [1 + n]: state of worker n. */
  shared: Int32Array;
  slot: number;
  port: MessagePort;
}

/** Proves one file; returns what is wrong, or undefined. */
export function checkReadBack(item: ReadBackItem): string | undefined {
  try {
    const data = readBackGenerated(`---\n${item.yaml}---\n`);
    return isDeepStrictEqual(data, item.data) ? undefined : `${item.file}: generated frontmatter does not read back as written`;
  } catch (error) {
    return `${item.file}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Proves items claimed from the shared counter until none are left. */
export function checkClaimed(items: readonly ReadBackItem[], shared: Int32Array): ReadBackProblem[] {
  const problems: ReadBackProblem[] = [];
  for (;;) {
    const start = Atomics.add(shared, 0, CHUNK);
    if (start >= items.length) return problems;
    for (let i = start; i < Math.min(start + CHUNK, items.length); i++) {
      const problem = checkReadBack(items[i]!);
      if (problem !== undefined) problems.push([i, problem]);
    }
  }
}

/**
 * Proves every item; returns the messages of those that fail, in item order.
 * `workers` defaults to one per core besides this thread for a large batch,
 * none for a small one.
 */
export function readBackAll(items: readonly ReadBackItem[], options: { workers?: number } = {}): string[] {
  const workers = options.workers ?? (items.length >= MIN_ITEMS_FOR_WORKERS ? Math.min(availableParallelism() - 1, 3) : 0);
  const shared = new Int32Array(new SharedArrayBuffer(4 * (1 + workers)));
  const started = Array.from({ length: workers }, (_, n) => {
    const { port1, port2 } = new MessageChannel();
    const workerData = { items, shared, slot: 1 + n, port: port2 };
    const worker = new Worker(new URL('./readBackWorker.ts', import.meta.url), { workerData, transferList: [port2] });
    // Never keep the process alive for a worker; the answer is collected below.
    worker.unref();
    // Failures are answered through the shared state, not events: a worker that fails before it
    // starts is cancelled below, and one that fails while proving answers with its error.
    worker.on('error', () => {});
    return { port: port1, slot: 1 + n };
  });

  const problems = checkClaimed(items, shared);

  for (const { port, slot } of started) {
    // A worker that has not started yet is cancelled: this thread has already proved every item.
    if (Atomics.compareExchange(shared, slot, STATE.new, STATE.cancelled) === STATE.new) continue;
    while (Atomics.load(shared, slot) !== STATE.done) {
      if (Atomics.wait(shared, slot, STATE.running, WORKER_TIMEOUT_MS) === 'timed-out') {
        throw new Error(`a read-back worker did not answer within ${WORKER_TIMEOUT_MS / 1000} s`);
      }
    }
    const answer = receiveMessageOnPort(port)?.message as ReadBackProblem[] | string | undefined;
    port.close();
    if (!Array.isArray(answer)) throw new Error(`a read-back worker failed: ${answer ?? 'no answer'}`);
    problems.push(...answer);
  }
  return problems.sort((a, b) => a[0] - b[0]).map(([, message]) => message);
}
