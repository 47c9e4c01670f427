/**
 * Astro integration: finish the built site from the build hand-off
 * (src/lib/build/handoff.ts): link the preview images into `og/` and write
 * the Pagefind bundle into `pagefind/`, served under the base path. The
 * hand-off file is removed, so it is never published; the search documents
 * are kept in a cache folder, outside the output.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { HANDOFF_FILE, takeHandoff } from '../lib/build/handoff.ts';
import { placePreviews, writePreviewList } from '../lib/build/previewImages.ts';
import { indexSite, searchDocumentsDir, writeSearchDocuments } from '../lib/build/searchIndex.ts';
import { takeFinishAhead } from '../lib/build/finishAhead.ts';

/**
 * Set (to "1") by scripts/build.ts, which draws preview images and runs the
 * search indexer itself once Astro's process has exited: they and Astro then
 * never hold their memory at the same time.
 */
export const FINISH_AFTER_BUILD = 'PAPERS_FINISH_AFTER_BUILD';

/**
 * The part of finishing that needs the hand-off, done in Astro's process:
 * brings the search documents of the project at `root` up to date and
 * writes the list of preview images to place (none, when the finishing
 * worker found them all cached and linked them). Returns the number of
 * papers.
 */
export async function prepareSite({ dir, root }: { dir: string; root: string }): Promise<number> {
  const handoff = takeHandoff(dir);
  if (!handoff) throw new Error(`${HANDOFF_FILE} is missing from ${dir}: the Astro step did not render src/pages/build-handoff.json.ts`);
  // The Astro step has most of this done while pages render (finishAhead.ts); plain `astro build` does it all here.
  const ahead = takeFinishAhead();
  const documents = searchDocumentsDir(root);
  if (ahead) {
    const { missingPreviews } = await ahead;
    writeSearchDocuments({ documents, site: dir, papers: handoff.papers, of: 'with notes' });
    // Only the images still to be drawn are listed; with none, there is no preview step.
    if (missingPreviews.length > 0) writePreviewList(dir, missingPreviews);
  } else {
    writeSearchDocuments({ documents, site: dir, papers: handoff.papers });
    writePreviewList(dir, handoff.papers);
  }
  return handoff.papers.length;
}

/** Draws missing preview images (in child processes) and links them all into the output. */
export async function finishPreviews({ root, dir, log }: { root: string; dir: string; log: (message: string) => void }): Promise<number> {
  const started = performance.now();
  const { placed, drawn } = await placePreviews({ root, dir, log });
  log(`preview images: ${placed} placed, ${drawn} of them drawn, in ${Math.round(performance.now() - started)} ms`);
  return drawn;
}

/** Creates the integration. */
export function finishBuild(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'papers:finish-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const papers = await prepareSite({ dir: out, root });
        if (process.env[FINISH_AFTER_BUILD] === '1') return;
        const log = (message: string) => logger.info(message);
        await finishPreviews({ root, dir: out, log });
        await indexSite({ dir: out, documents: searchDocumentsDir(root), papers, log });
      },
    },
  };
}
