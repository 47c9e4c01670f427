/**
 * Draws preview images into the cache, as its own process:
 *
 *   node src/lib/build/drawPreviews.ts <jobs.json>
 *
 * where the file holds `PreviewJob[]`. The renderer keeps about 4 MB per card
 * that garbage collection does not return (drawing 50k cards in one process
 * grew past 20 GB); a process per batch bounds it, and one process per core
 * draws in parallel.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ensurePreview } from '../io/previewCache.ts';
import { PreviewJob } from './handoff.ts';

/** Draws every job whose file is not in the cache yet. */
export async function drawPreviews(jobs: readonly PreviewJob[]): Promise<void> {
  for (const job of jobs) await ensurePreview(job.card, job.file);
}

if (import.meta.main) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node src/lib/build/drawPreviews.ts <jobs.json>');
  await drawPreviews(z.array(PreviewJob).parse(JSON.parse(readFileSync(file, 'utf8'))));
}
