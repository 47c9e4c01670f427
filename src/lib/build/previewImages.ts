/**
 * Preview images in a build: draws the cards the image cache does not have
 * yet (drawPreviews.ts, in child processes), then puts each paper's image at
 * `<dir>/og/<slug>.png`. A hard link costs nothing and the cache never
 * rewrites a file in place (a changed card gets a new name), so output and
 * cache can share it; across file systems the file is copied.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildData, PreviewCard } from '../buildData/schema.ts';
import { previewFileFor } from '../io/previewCache.ts';
import { routes } from '../site/routes.ts';
import { runProcess } from './process.ts';

/** A preview image of the output: where it goes (a route path) and what its card shows. */
export interface PreviewJob {
  path: string;
  card: PreviewCard;
}

/** Every preview image of a site: the site card, and each paper's own card where it has one. */
export function previewJobs(data: Pick<BuildData, 'papers' | 'siteCard'>): PreviewJob[] {
  return [{ path: routes.siteOgImage(), card: data.siteCard }, ...data.papers.flatMap((p) => (p.card ? [{ path: routes.ogImage(p.slug), card: p.card }] : []))];
}

/** A card to draw, and the cache file it goes to. */
export interface DrawJob {
  card: PreviewCard;
  file: string;
}

/**
 * Cards per drawing process. The renderer keeps about 4 MB per card drawn
 * (native memory that garbage collection does not return), so a process
 * ends after 200 cards: under 1 GB each, for about 1 s of start-up.
 */
const BATCH = 200;

/** Runs one drawing process over a batch of jobs; rejects when it fails. */
async function drawBatch(batchFile: string): Promise<void> {
  const { code } = await runProcess(process.execPath, [fileURLToPath(new URL('./drawPreviews.ts', import.meta.url)), batchFile]);
  if (code !== 0) throw new Error(`drawing preview images failed (exit code ${code}); its messages are above`);
}

/**
 * Draws the cards of `jobs` that the cache lacks, one process per core at a
 * time; returns how many were drawn and how long drawing took.
 */
export async function drawMissingPreviews(jobs: readonly PreviewJob[], log: (message: string) => void): Promise<{ drawn: number; drawMs: number }> {
  const started = performance.now();
  const seen = new Set<string>();
  const missing: DrawJob[] = [];
  for (const { card } of jobs) {
    const file = previewFileFor(card);
    if (!seen.has(file) && !existsSync(file)) missing.push({ card, file });
    seen.add(file);
  }
  if (missing.length === 0) return { drawn: 0, drawMs: 0 };
  const folder = mkdtempSync(join(tmpdir(), 'papers-previews-'));
  try {
    const batches: string[] = [];
    for (let i = 0; i < missing.length; i += BATCH) {
      const file = join(folder, `batch-${batches.length}.json`);
      writeFileSync(file, JSON.stringify(missing.slice(i, i + BATCH)));
      batches.push(file);
    }
    let next = 0;
    let done = 0;
    const lane = async (): Promise<void> => {
      while (next < batches.length) {
        await drawBatch(batches[next++]!);
        done++;
        log(`drawn ${Math.min(done * BATCH, missing.length)} of ${missing.length}`);
      }
    };
    await Promise.all(Array.from({ length: Math.min(availableParallelism(), batches.length) }, lane));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return { drawn: missing.length, drawMs: Math.round(performance.now() - started) };
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

/** Puts every job's cached image at its place in the output `dir`; throws when one is missing from the cache. */
export function linkPreviews(dir: string, jobs: readonly PreviewJob[]): void {
  const canLink = { value: true };
  for (const { path, card } of jobs) {
    const file = previewFileFor(card);
    if (!existsSync(file)) throw new Error(`preview images: ${file} (the card of ${path}) is missing from the cache after drawing`);
    place(file, join(dir, path), canLink);
  }
}
