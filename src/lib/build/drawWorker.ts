/**
 * A thread that draws preview cards into the cache (previewImages.ts): it
 * claims the next card from a counter shared by every drawing thread until
 * none is left, and tells the main thread after each card.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ensurePreview } from '../io/previewCache.ts';
import type { DrawJob } from './previewImages.ts';

const { jobs, next } = workerData as { jobs: DrawJob[]; next: Int32Array };
for (let i = Atomics.add(next, 0, 1); i < jobs.length; i = Atomics.add(next, 0, 1)) {
  await ensurePreview(jobs[i]!.card, jobs[i]!.file);
  parentPort!.postMessage(1);
}
