/**
 * Astro integration: finish the built site from the build hand-off
 * (src/lib/build/handoff.ts): link the preview images into `og/` and write
 * the Pagefind bundle into `pagefind/`, served under the base path. The
 * hand-off file and the search documents are removed, so they are never
 * published.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { HANDOFF_FILE, takeHandoff } from '../lib/build/handoff.ts';
import { placePreviews } from '../lib/build/previewImages.ts';
import { indexSearchDocuments, writeSearchDocuments } from '../lib/build/searchIndex.ts';

/**
 * Set (to "1") by scripts/build.ts, which runs the search indexer itself once
 * Astro's process has exited: Pagefind's indexer and Astro then never hold
 * their memory at the same time, and the build's own process stays small.
 */
export const INDEX_AFTER_BUILD = 'PAPERS_INDEX_AFTER_BUILD';

/**
 * The part of finishing that needs the hand-off, done in Astro's process:
 * links the preview images and writes the search documents. Returns the
 * number of papers.
 */
export function prepareSite({ dir, log }: { dir: string; log: (message: string) => void }): number {
  const handoff = takeHandoff(dir);
  if (!handoff) throw new Error(`${HANDOFF_FILE} is missing from ${dir}: the Astro step did not render src/pages/build-handoff.json.ts`);
  const started = performance.now();
  placePreviews({ dir, papers: handoff.papers });
  log(`preview images: ${handoff.papers.length} linked in ${Math.round(performance.now() - started)} ms`);
  writeSearchDocuments({ dir, papers: handoff.papers });
  return handoff.papers.length;
}

/** Writes the search index of a prepared site; returns the number of papers indexed. */
export async function indexSite({ dir, log }: { dir: string; log: (message: string) => void }): Promise<number> {
  const started = performance.now();
  const papers = await indexSearchDocuments({ dir });
  log(`search index: ${papers} papers indexed in ${Math.round(performance.now() - started)} ms`);
  return papers;
}

/** Creates the integration. */
export function finishBuild(): AstroIntegration {
  return {
    name: 'papers:finish-build',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const log = (message: string) => logger.info(message);
        prepareSite({ dir: fileURLToPath(dir), log });
        if (process.env[INDEX_AFTER_BUILD] !== '1') await indexSite({ dir: fileURLToPath(dir), log });
      },
    },
  };
}
