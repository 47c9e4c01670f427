/**
 * The search documents of papers without notes, written while Astro renders
 * pages. Writing 10,000 of them (a folder and a file each) took 0.3 to
 * 1.9 s on this build's single busy thread after the last page; a worker
 * thread writes them as soon as Astro has rendered the hand-off, early in
 * the page phase. The finishing step then waits for it and adds the papers
 * with notes, whose documents are their built pages.
 */
import { isMainThread, Worker, workerData } from 'node:worker_threads';
import type { HandoffPaper } from './handoff.ts';
import { writeSearchDocuments } from './searchIndex.ts';

// A global: the finishing step runs from Astro's copy of the modules.
const SLOT = Symbol.for('papers-site.searchDocumentsAhead');
const slots = globalThis as { [SLOT]?: { written: Promise<void>; taken: boolean } };

/** Starts writing the documents of the papers without notes into `dir`'s search documents folder. */
export function startSearchDocumentsAhead(dir: string, papers: readonly HandoffPaper[]): void {
  const worker = new Worker(new URL(import.meta.url), { workerData: { searchDocumentsAhead: { dir, papers } } });
  const written = new Promise<void>((done, fail) => {
    worker.once('error', fail);
    worker.once('exit', (code) => (code === 0 ? done() : fail(new Error(`writing the search documents stopped (exit code ${code})`))));
  });
  // Handled by whoever takes it; never an unhandled rejection before that.
  written.catch(() => {});
  slots[SLOT] = { written, taken: false };
}

/** The documents being written ahead, if any were started: resolves once they are all written, rejects if writing failed. */
export function takeSearchDocumentsAhead(): Promise<void> | undefined {
  const slot = slots[SLOT];
  if (!slot || slot.taken) return undefined;
  slot.taken = true;
  return slot.written;
}

/** Whether documents were written ahead and the finishing step took them; undefined when none were started. */
export function searchDocumentsAheadOutcome(): 'used' | 'not taken' | undefined {
  const slot = slots[SLOT];
  return slot && (slot.taken ? 'used' : 'not taken');
}

if (!isMainThread && workerData?.searchDocumentsAhead) {
  const { dir, papers } = workerData.searchDocumentsAhead as { dir: string; papers: HandoffPaper[] };
  writeSearchDocuments({ dir, papers, of: 'without notes' });
}
