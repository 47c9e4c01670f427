/**
 * `npm run generate`: turn `content/listings/` into one MDX file per paper
 * in `content/papers/`, safely, and write the build data the site is built
 * from (src/lib/generate/generateContent.ts). Run by `npm run build`;
 * runnable alone.
 *
 *   npm run generate              write what changed; refuse to clobber hand edits
 *   npm run generate -- --force   overwrite hand-edited frontmatter (notes are kept)
 *   npm run generate -- --check   write nothing; exit 1 if anything would change
 */
import { parseArgs } from 'node:util';
import { generate } from '../src/lib/generate/generateContent.ts';
import { formatDiagnostic, InputError } from '../src/lib/listing/diagnostics.ts';

const { values } = parseArgs({
  options: { force: { type: 'boolean', default: false }, check: { type: 'boolean', default: false }, root: { type: 'string', default: '.' } },
});
try {
  generate({ root: values.root, force: values.force, check: values.check });
} catch (error) {
  if (!(error instanceof InputError)) throw error;
  console.error(error.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).join('\n'));
  console.error('generate: stopped; nothing was written.');
  process.exit(1);
}
