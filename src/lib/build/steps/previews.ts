/**
 * The preview-image step of `npm run build`, as a child process beside
 * Astro: draws the cards the image cache lacks and links every paper's
 * image into the staging folder (src/lib/build/previewImages.ts).
 *
 *   node src/lib/build/steps/previews.ts --root <project> --out <staging> --started <epoch ms>
 */
import { parseArgs } from 'node:util';
import { buildDataFile, readBuildData } from '../../buildData/file.ts';
import { serveStep } from '../childStep.ts';
import { drawMissingPreviews, linkPreviews, previewJobs } from '../previewImages.ts';
import { formatSeconds } from '../../text/units.ts';

/** What the step tells the build. */
export interface PreviewsStep {
  drawn: number;
  reused: number;
  drawMs: number;
}

const { values } = parseArgs({ options: { root: { type: 'string' }, out: { type: 'string' }, started: { type: 'string' } } });
const say = (message: string) => console.log(`build: preview images: ${message} (${formatSeconds(Date.now() - Number(values.started))})`);
await serveStep(async (): Promise<PreviewsStep> => {
  const jobs = previewJobs(readBuildData(buildDataFile(values.root!)));
  const { drawn, drawMs } = await drawMissingPreviews(jobs, say);
  linkPreviews(values.out!, jobs);
  return { drawn, reused: jobs.length - drawn, drawMs };
});
