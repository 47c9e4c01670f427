/**
 * Astro integration: finish the built site from the build hand-off
 * (src/lib/build/handoff.ts): link the preview images into `og/` and write
 * the Pagefind bundle into `pagefind/`, served under the base path. The
 * hand-off file itself is removed, so it is never published.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { HANDOFF_FILE, takeHandoff } from '../lib/build/handoff.ts';
import { placePreviews } from '../lib/build/previewImages.ts';
import { indexPapers } from '../lib/build/searchIndex.ts';

/**
 * Set (to "1") by scripts/build.ts, which finishes the site itself once
 * Astro's process has exited: Pagefind's indexer and Astro then never hold
 * their memory at the same time.
 */
export const FINISH_AFTER_BUILD = 'PAPERS_FINISH_AFTER_BUILD';

/** What the finishing step did. */
export interface FinishReport {
  papers: number;
  imagesMs: number;
  indexMs: number;
}

/** Finishes the built site in `dir`. */
export async function finishSite({ dir, log }: { dir: string; log: (message: string) => void }): Promise<FinishReport> {
  const handoff = takeHandoff(dir);
  if (!handoff) throw new Error(`${HANDOFF_FILE} is missing from ${dir}: the Astro step did not render src/pages/build-handoff.json.ts`);
  const started = performance.now();
  placePreviews({ dir, papers: handoff.papers });
  const imagesMs = performance.now() - started;
  log(`preview images: ${handoff.papers.length} linked in ${Math.round(imagesMs)} ms`);
  const indexStarted = performance.now();
  await indexPapers({ dir, papers: handoff.papers });
  const indexMs = performance.now() - indexStarted;
  log(`search index: ${handoff.papers.length} papers indexed in ${Math.round(indexMs)} ms`);
  return { papers: handoff.papers.length, imagesMs, indexMs };
}

/** Creates the integration. */
export function finishBuild(): AstroIntegration {
  return {
    name: 'papers:finish-build',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env[FINISH_AFTER_BUILD] === '1') return;
        await finishSite({ dir: fileURLToPath(dir), log: (message) => logger.info(message) });
      },
    },
  };
}
