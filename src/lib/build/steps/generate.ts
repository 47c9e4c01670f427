/**
 * The generate step of `npm run build`, as a child process: its memory
 * (every paper, parsed and serialised) is returned to the system before
 * Astro and the search index need theirs.
 *
 *   node src/lib/build/steps/generate.ts --root <project> [--force]
 */
import { parseArgs } from 'node:util';
import { generate } from '../../generate/generateContent.ts';
import { contentDir } from '../../io/contentDir.ts';
import { projectPaths, readSiteConfig } from '../../io/projectFiles.ts';
import type { HostName } from '../hostLimits.ts';
import { serveStep } from '../childStep.ts';

/** What the step tells the build. */
export interface Generated {
  papers: number;
  withNotes: number;
  filesWritten: number;
  /** Where content/site.yaml says the site is hosted. */
  host: HostName;
}

const { values } = parseArgs({ options: { root: { type: 'string' }, force: { type: 'boolean', default: false } } });
await serveStep((): Generated => {
  const root = values.root!;
  const report = generate({ root, force: values.force });
  const { host } = readSiteConfig(projectPaths(root, contentDir(root)));
  return { papers: report.papers, withNotes: report.withNotes, filesWritten: report.written.length, host };
});
