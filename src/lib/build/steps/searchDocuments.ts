/**
 * The search-document step of `npm run build`, as a child process beside
 * Astro: brings the search documents of the papers without notes up to
 * date from the build data (src/lib/build/searchDocuments.ts).
 *
 *   node src/lib/build/steps/searchDocuments.ts --root <project>
 */
import { parseArgs } from 'node:util';
import { buildDataFile, readBuildData } from '../../buildData/file.ts';
import { makeCatalog } from '../../catalog/catalog.ts';
import { serveStep } from '../childStep.ts';
import { searchDocumentsDir, writeSearchDocuments } from '../searchDocuments.ts';

/** What the step tells the build. */
export interface DocumentsStep {
  written: number;
  removed: number;
  /** The papers with notes: their documents are their built pages, taken after Astro. */
  withNotes: string[];
}

const { values } = parseArgs({ options: { root: { type: 'string' } } });
await serveStep((): DocumentsStep => {
  const root = values.root!;
  const { papers } = makeCatalog(readBuildData(buildDataFile(root)));
  const { written, removed } = writeSearchDocuments(searchDocumentsDir(root), papers);
  return { written, removed, withNotes: papers.filter((p) => p.notes).map((p) => p.slug) };
});
