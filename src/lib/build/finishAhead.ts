/**
 * The finishing work that can start as soon as Astro has rendered the
 * hand-off, early in the page phase, done by a worker thread on the core
 * Astro leaves idle: the search documents of the papers without notes
 * (brought up to date: all written on a first build, the changed ones
 * after), and links to the preview images the cache already has. After the
 * last page, writing 10,000 documents took 0.3 to 1.9 s and linking the
 * images, in a process of its own, about 0.6 s. The finishing
 * step then waits for the worker, adds the documents of the papers with
 * notes (their built pages) and lists only the images still to be drawn.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { HandoffPaper } from './handoff.ts';
import { type PaperPreview, placeCachedPreviews } from './previewImages.ts';
import { type DocumentsWritten, writeSearchDocuments } from './searchIndex.ts';

/** What the worker did, and left to the finishing step: the papers whose preview image is not cached yet. */
export interface FinishedAhead {
  missingPreviews: PaperPreview[];
  /** What writing the search documents of the papers without notes changed. */
  documents: DocumentsWritten;
  /** Preview images linked from the cache, and how long the linking took. */
  linked: number;
  linkMs: number;
}

// A global: the finishing step runs from Astro's copy of the modules.
const SLOT = Symbol.for('papers-site.finishAhead');
const slots = globalThis as { [SLOT]?: { finished: Promise<FinishedAhead>; taken: boolean; result?: FinishedAhead } };

/** Starts the work for these papers: documents into the folder `documents`, images into the build output `dir`. */
export function startFinishAhead(dir: string, documents: string, papers: readonly HandoffPaper[]): void {
  const worker = new Worker(new URL(import.meta.url), { workerData: { finishAhead: { dir, documents, papers } } });
  const finished = new Promise<FinishedAhead>((done, fail) => {
    worker.once('message', done);
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`the finishing worker stopped (exit code ${code}) before it was done`)));
  });
  const slot: NonNullable<(typeof slots)[typeof SLOT]> = { finished, taken: false };
  // Handled by whoever takes it; never an unhandled rejection before that.
  finished.then((result) => (slot.result = result)).catch(() => {});
  slots[SLOT] = slot;
}

/** The work started ahead, if any: resolves once it is done, rejects if it failed. */
export function takeFinishAhead(): Promise<FinishedAhead> | undefined {
  const slot = slots[SLOT];
  if (!slot || slot.taken) return undefined;
  slot.taken = true;
  return slot.finished;
}

/** What the work started ahead did, once the finishing step has taken it; undefined when none was started or it was not taken. */
export function finishedAhead(): FinishedAhead | undefined {
  const slot = slots[SLOT];
  return slot?.taken ? slot.result : undefined;
}

if (!isMainThread && workerData?.finishAhead) {
  const { dir, documents, papers } = workerData.finishAhead as { dir: string; documents: string; papers: HandoffPaper[] };
  const written = writeSearchDocuments({ documents, site: dir, papers, of: 'without notes' });
  const started = performance.now();
  const missingPreviews = placeCachedPreviews(dir, papers);
  const answer: FinishedAhead = { missingPreviews, documents: written, linked: papers.length - missingPreviews.length, linkMs: Math.round(performance.now() - started) };
  parentPort!.postMessage(answer);
}
