/**
 * The preview-image step of `npm run build`, as a child process beside
 * Astro: draws the cards the image cache lacks and links every paper's
 * image into the staging folder (src/lib/build/previewImages.ts). It draws
 * on one thread while Astro runs (both together stay within the memory a
 * small machine has), and on one more per core once the build tells it
 * (an IPC message) that Astro is done.
 *
 *   node src/lib/build/steps/previews.ts --root <project> --out <staging> --started <epoch ms>
 */
import { parseArgs } from 'node:util';
import { buildDataFile, readBuildData } from '../../buildData/file.ts';
import { serveStep } from '../childStep.ts';
import { availableParallelism } from 'node:os';
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
  const astroDone = new Promise<number>((resolve) => process.once('message', () => resolve(availableParallelism() - 1)));
  const { drawn, drawMs } = await drawMissingPreviews(jobs, say, { now: 1, later: astroDone });
  linkPreviews(values.out!, jobs);
  return { drawn, reused: jobs.length - drawn, drawMs };
});
