/**
 * A worker thread of readBack.ts: proves items of the batch, claimed from the
 * shared counter, until none are left, then answers on its port. It only
 * starts if the main thread has not finished the batch (and cancelled it)
 * while the parsers were loading.
 */
import { workerData } from 'node:worker_threads';
import { checkClaimed, STATE, type ReadBackProblem, type ReadBackWorkerData } from './readBack.ts';

const { items, shared, slot, port } = workerData as ReadBackWorkerData;
if (Atomics.compareExchange(shared, slot, STATE.new, STATE.running) === STATE.new) {
  let answer: ReadBackProblem[] | string;
  try {
    answer = checkClaimed(items, shared);
  } catch (error) {
    answer = error instanceof Error ? error.message : String(error);
  }
  // The answer is queued on the port before the state says done, so the main thread finds it there;
  // the state says done even if posting fails, so the main thread never waits in vain.
  try {
    port.postMessage(answer);
  } finally {
    Atomics.store(shared, slot, STATE.done);
    Atomics.notify(shared, slot);
  }
}
port.close();
