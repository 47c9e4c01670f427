/**
 * The Astro step of `npm run build`, as a child process with a capped heap:
 * builds the pages into the staging folder from the build data. Generating
 * the content and finishing the site are the build script's other steps.
 *
 *   node src/lib/build/steps/astro.ts --root <project> --out <staging> --started <epoch ms> [--quiet]
 */
import { parseArgs } from 'node:util';
import { build } from 'astro';
import { astroConfig } from '../../../astroConfig.ts';
import { serveStep } from '../childStep.ts';
import { formatSeconds } from '../../text/units.ts';
import { astroProgress } from '../progress.ts';

/** What the step tells the build. */
export interface Built {
  pages: number;
}

const { values } = parseArgs({
  options: { root: { type: 'string' }, out: { type: 'string' }, started: { type: 'string' }, quiet: { type: 'boolean', default: false } },
});
const started = Number(values.started);
const say = (message: string) => console.log(`build: astro: ${message} (${formatSeconds(Date.now() - started)})`);

await serveStep(async (): Promise<Built> => {
  const config = astroConfig(values.root!, 'build script');
  let pages = 0;
  const count = { name: 'papers:count-pages', hooks: { 'astro:build:done': ({ pages: built }: { pages: unknown[] }) => void (pages = built.length) } };
  await build({
    ...config,
    configFile: false,
    outDir: values.out!,
    logLevel: values.quiet ? 'error' : 'info',
    integrations: [...(config.integrations ?? []), astroProgress(say), count],
  });
  return { pages };
});
