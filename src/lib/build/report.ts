/**
 * The build report: what `npm run build -- --report FILE` writes as JSON.
 * Each step with its wall time, the counts, warnings and where the output
 * went. The benchmark and the tests read this, never the build's log lines,
 * which are for people.
 */
import { z } from 'zod';
import { writeFileAtomic } from '../io/atomicWrite.ts';

/** The steps of a build, in the order they start. */
export const STEP_NAMES = ['generate', 'astro', 'search documents', 'preview images', 'search index', 'output'] as const;
export type StepName = (typeof STEP_NAMES)[number];

/** One step's timing. */
export const StepReport = z.object({
  name: z.enum(STEP_NAMES),
  startMs: z.number().nonnegative().describe('When the step started, in ms since the build started.'),
  wallMs: z.number().nonnegative().describe('How long it took, in ms.'),
});
export type StepReport = z.infer<typeof StepReport>;

/** The whole report. */
export const BuildReport = z.object({
  ok: z.boolean().describe('True when the build finished and its output was put in place.'),
  error: z.string().optional().describe('Why the build stopped, when it did.'),
  out: z.string().describe('The output folder (absolute); on failure it was left as it was.'),
  wallMs: z.number().nonnegative(),
  steps: z.array(StepReport),
  counts: z.object({
    papers: z.number().int().nonnegative().optional().describe('Papers in the build data.'),
    withNotes: z.number().int().nonnegative().optional().describe('Papers with owner notes.'),
    filesWritten: z.number().int().nonnegative().optional().describe('Paper files the generator wrote.'),
    pages: z.number().int().nonnegative().optional().describe('Pages Astro built.'),
    documentsWritten: z.number().int().nonnegative().optional().describe('Search documents written (the others were up to date).'),
    documentsRemoved: z.number().int().nonnegative().optional().describe('Search documents of papers that are gone, removed.'),
    documentsIndexed: z.number().int().nonnegative().optional().describe('Documents Pagefind indexed.'),
    imagesDrawn: z.number().int().nonnegative().optional().describe('Preview images drawn.'),
    imagesReused: z.number().int().nonnegative().optional().describe('Preview images taken from the cache.'),
    drawMs: z.number().nonnegative().optional().describe('Time spent drawing preview images, in ms.'),
  }),
  output: z
    .object({
      bytes: z.number().int().nonnegative(),
      files: z.number().int().nonnegative(),
      largestFile: z.object({ path: z.string(), bytes: z.number().int().nonnegative() }).optional(),
      largestFolder: z.object({ path: z.string(), entries: z.number().int().nonnegative() }).optional(),
    })
    .optional()
    .describe('The size of the output that was put in place.'),
  warnings: z.array(z.string()).describe("Warnings for the site's owner, such as an output past the host's limits."),
});
export type BuildReport = z.infer<typeof BuildReport>;
export type BuildCounts = BuildReport['counts'];

/** Writes the report as JSON, atomically. */
export function writeBuildReport(file: string, report: BuildReport): void {
  writeFileAtomic(file, `${JSON.stringify(BuildReport.parse(report), null, 2)}\n`);
}
