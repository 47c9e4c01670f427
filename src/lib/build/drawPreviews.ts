/**
 * Draws preview images into the cache, as its own process:
 *
 *   node src/lib/build/drawPreviews.ts <jobs.json>
 *
 * where the file holds `DrawJob[]` (previewImages.ts). The renderer keeps
 * about 4 MB per card that garbage collection does not return (drawing 50k
 * cards in one process grew past 20 GB); a process per batch bounds it,
 * and one process per core draws in parallel.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PreviewCard } from '../buildData/schema.ts';
import { ensurePreview } from '../io/previewCache.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: node src/lib/build/drawPreviews.ts <jobs.json>');
const jobs = z.array(z.object({ card: PreviewCard, file: z.string().min(1) })).parse(JSON.parse(readFileSync(file, 'utf8')));
for (const job of jobs) await ensurePreview(job.card, job.file);
