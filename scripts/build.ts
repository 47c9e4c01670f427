/**
 * `npm run build`: generate the content, build the site with Astro into a
 * private folder, finish it (search index, preview images), then swap it
 * into place (src/lib/build/buildSite.ts). A failed build leaves the
 * previous output untouched.
 *
 *   npm run build                        content/ → dist/
 *   npm run build -- --out some/dir      another output folder
 *   npm run build -- --report FILE       also write the build report (JSON)
 *   npm run build -- --force             overwrite hand-edited frontmatter (notes are kept)
 *   npm run build -- --quiet             no per-page lines from Astro
 *   PAPERS_CONTENT_DIR=... npm run build build another corpus
 */
import { parseArgs } from 'node:util';
import { buildSite } from '../src/lib/build/buildSite.ts';
import { StepStopped } from '../src/lib/build/childStep.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'dist' },
    root: { type: 'string', default: '.' },
    force: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    report: { type: 'string' },
  },
});
try {
  await buildSite({ root: values.root, out: values.out, force: values.force, quiet: values.quiet, report: values.report });
} catch (error) {
  if (!(error instanceof StepStopped)) console.error(error);
  console.error(`build: ${error instanceof StepStopped ? 'stopped' : 'failed'}; the previous output was left as it was.`);
  process.exit(1);
}
