/**
 * Preview images after Astro: draws the cards the cache does not have yet
 * (in child processes, see drawPreviews.ts), then puts each paper's image at
 * `<dir>/og/<slug>.png`. A hard link costs nothing and the cache never
 * rewrites a file in place (new cards get new names), so output and cache
 * can share it; across file systems the file is copied.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { routes } from '../site/routes.ts';
import { PREVIEWS_FILE, PreviewJob } from './handoff.ts';

/**
 * Cards per drawing process. The renderer keeps about 4 MB per card drawn
 * (native memory that garbage collection does not return), so a process
 * ends after 200 cards: under 1 GB each, for about 1 s of start-up.
 */
const BATCH = 200;

/** A preview image for one paper's page. */
export interface PaperPreview {
  slug: string;
  preview: PreviewJob;
}

/** Writes the list of previews to place, for the step that draws and links them. */
export function writePreviewList(dir: string, papers: readonly PaperPreview[]): void {
  writeFileSync(join(dir, PREVIEWS_FILE), JSON.stringify(papers.map(({ slug, preview }) => ({ slug, preview }))));
}

/** Runs one drawing process over a batch of jobs; rejects when it fails. */
function drawBatch(root: string, batchFile: string): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [join(root, 'src/lib/build/drawPreviews.ts'), batchFile], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? ok() : fail(new Error(`drawing preview images failed (exit code ${code}); its messages are above`))));
  });
}

/** Draws the missing images, `availableParallelism()` processes at a time; returns how many were drawn. */
async function drawMissing(root: string, dir: string, jobs: readonly PreviewJob[], log: (message: string) => void): Promise<number> {
  const seen = new Set<string>();
  const missing = jobs.filter((job) => !seen.has(job.file) && seen.add(job.file) && !existsSync(job.file));
  const batches: string[] = [];
  for (let i = 0; i < missing.length; i += BATCH) {
    const file = join(dir, `.previews-batch-${batches.length}.json`);
    writeFileSync(file, JSON.stringify(missing.slice(i, i + BATCH)));
    batches.push(file);
  }
  try {
    let next = 0;
    let done = 0;
    const lane = async (): Promise<void> => {
      while (next < batches.length) {
        await drawBatch(root, batches[next++]!);
        done++;
        log(`preview images: drawn ${Math.min(done * BATCH, missing.length)} of ${missing.length}`);
      }
    };
    await Promise.all(Array.from({ length: Math.min(availableParallelism(), batches.length) }, lane));
  } finally {
    for (const file of batches) rmSync(file, { force: true });
  }
  return missing.length;
}

/** Links one cached image into the output, or copies it when a link is not possible. */
function place(source: string, target: string, canLink: { value: boolean }): void {
  mkdirSync(dirname(target), { recursive: true });
  if (canLink.value) {
    try {
      linkSync(source, target);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK') throw error;
      canLink.value = false;
    }
  }
  copyFileSync(source, target);
}

/**
 * Links the images the cache already has into `<dir>/og/`; returns the
 * papers whose image is still to be drawn, in order.
 */
export function placeCachedPreviews(dir: string, papers: readonly PaperPreview[]): PaperPreview[] {
  const canLink = { value: true };
  const missing: PaperPreview[] = [];
  for (const paper of papers) {
    if (existsSync(paper.preview.file)) place(paper.preview.file, join(dir, routes.ogImage(paper.slug)), canLink);
    else missing.push(paper);
  }
  return missing;
}

/**
 * Places the preview images listed in `<dir>/.previews.json` (and removes the
 * list): draws the missing ones, then links them all. `root` is the project,
 * whose `src/lib/build/drawPreviews.ts` draws. Returns the counts.
 */
export async function placePreviews({ root, dir, log }: { root: string; dir: string; log: (message: string) => void }): Promise<{ placed: number; drawn: number }> {
  const listFile = join(dir, PREVIEWS_FILE);
  const papers = z.array(z.object({ slug: z.string(), preview: PreviewJob })).parse(JSON.parse(readFileSync(listFile, 'utf8')));
  rmSync(listFile);
  const drawn = await drawMissing(root, dir, papers.map((p) => p.preview), log);
  const unplaced = placeCachedPreviews(dir, papers);
  if (unplaced.length > 0) throw new Error(`preview images: ${unplaced.length} still missing from the cache after drawing, such as ${unplaced[0]!.preview.file}`);
  return { placed: papers.length, drawn };
}
