/**
 * Astro integration for plain `astro build`: finishes the built site in
 * Astro's process once the pages are written: the preview images (drawn
 * into the cache when missing, then linked into `og/`) and the search
 * index (search documents, then Pagefind into `pagefind/`). `npm run build`
 * does the same in steps of its own, beside and after Astro, and leaves
 * this out.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildDataFile, readBuildData } from '../lib/buildData/file.ts';
import { drawMissingPreviews, linkPreviews, previewJobs } from '../lib/build/previewImages.ts';
import { addNotesDocuments, searchDocumentsDir, writeSearchDocuments } from '../lib/build/searchDocuments.ts';
import { indexSearchDocuments } from '../lib/build/searchIndex.ts';
import { makeCatalog } from '../lib/catalog/catalog.ts';

/** Creates the integration for the project at `root`. */
export function finishBuild(root: string): AstroIntegration {
  return {
    name: 'papers:finish-build',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const data = readBuildData(buildDataFile(root));
        const { papers } = makeCatalog(data);
        const jobs = previewJobs(data);
        const { drawn } = await drawMissingPreviews(jobs, (message) => logger.info(`preview images: ${message}`));
        linkPreviews(out, jobs);
        logger.info(`preview images: ${jobs.length} placed, ${drawn} of them drawn`);
        const documents = searchDocumentsDir(root);
        writeSearchDocuments(documents, papers);
        addNotesDocuments(documents, out, papers.filter((p) => p.notes).map((p) => p.slug));
        const indexed = await indexSearchDocuments({ dir: out, documents, papers: papers.length });
        logger.info(`search index: ${indexed} papers indexed`);
      },
    },
  };
}
