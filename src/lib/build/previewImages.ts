/**
 * Preview images in a build: draws the cards the image cache does not have
 * yet (on every core: drawWorker.ts), then puts each image at its place in
 * the output (`og/<slug>.png`, the site card at `og.png`). A hard link costs nothing and the cache never
 * rewrites a file in place (a changed card gets a new name), so output and
 * cache can share it; across file systems the file is copied.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BuildData } from '../buildData/schema.ts';
import type { PreviewCard } from '../og/card.ts';
import { ensurePreview, previewFileFor } from '../io/previewCache.ts';
import { routes } from '../site/routes.ts';

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

/** Cards each drawing thread draws, at least: fewer are drawn by the calling thread alone. */
const CARDS_PER_THREAD = 50;

/** How many threads draw: `now` at once (the calling thread one of them), and `later` more once that promise resolves. */
export interface DrawingLanes {
  now: number;
  later?: Promise<number>;
}

/**
 * Draws the cards of `jobs` that the cache lacks, each thread claiming the
 * next card from a shared counter; returns how many were drawn and how long
 * drawing took. A card costs about 8 ms on one core and the renderer's
 * memory stays flat (it frees its buffers when the event loop turns, which
 * it lets happen after every card), so threads of one process suffice.
 */
export async function drawMissingPreviews(jobs: readonly PreviewJob[], log: (message: string) => void, lanes: DrawingLanes = { now: availableParallelism() }): Promise<{ drawn: number; drawMs: number }> {
  const started = performance.now();
  const seen = new Set<string>();
  const missing: DrawJob[] = [];
  for (const { card } of jobs) {
    const file = previewFileFor(card);
    if (!seen.has(file) && !existsSync(file)) missing.push({ card, file });
    seen.add(file);
  }
  if (missing.length === 0) return { drawn: 0, drawMs: 0 };
  const next = new Int32Array(new SharedArrayBuffer(4));
  let done = 0;
  const progress = () => {
    if (++done % 1000 === 0 || done === missing.length) log(`drawn ${done} of ${missing.length}`);
  };
  const helpers: Promise<void>[] = [];
  const addHelpers = (count: number) => {
    for (let n = 0; n < count && Atomics.load(next, 0) < missing.length - CARDS_PER_THREAD; n++) {
      const worker = new Worker(new URL('./drawWorker.ts', import.meta.url), { workerData: { jobs: missing, next } });
      worker.on('message', progress);
      helpers.push(
        new Promise<void>((resolve, reject) => {
          worker.once('error', reject);
          worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a drawing thread stopped (exit code ${code})`))));
        }),
      );
    }
  };
  addHelpers(Math.min(lanes.now, Math.ceil(missing.length / CARDS_PER_THREAD)) - 1);
  void lanes.later?.then(addHelpers);
  for (let i = Atomics.add(next, 0, 1); i < missing.length; i = Atomics.add(next, 0, 1)) {
    await ensurePreview(missing[i]!.card, missing[i]!.file);
    progress();
  }
  // Helpers added while this thread drew its last card are in the list by now.
  await Promise.all(helpers);
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
