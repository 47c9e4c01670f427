/**
 * `npm run bench -- --papers 10000`: builds one synthetic corpus
 * (scripts/corpus.ts) with this site, a naive Astro + MDX baseline and Hugo
 * (when installed), then adds one day to this site and rebuilds, and once
 * more with nothing changed; prints wall time, peak memory of the whole
 * process tree, output size, ratios, where each build's time went (from its
 * JSON build report), preview-image cost, size per paper, and client weights
 * measured in Chromium. Results go to bench/out/ (git-ignored).
 *
 *   npm run bench -- --papers 1000             quick run
 *   npm run bench -- --papers 10000            the README numbers
 *   npm run bench -- --papers 50000 --skip naive,hugo,client
 *
 * Runs, in order:
 *   site cold      every cache empty: preview images drawn
 *   site           the same from scratch, Astro's cache empty, images cached:
 *                  the run the build-time targets are about
 *   naive          bench/naive/ on the same papers (title + abstract as MDX body)
 *   hugo           a tiny Hugo site on the same papers
 *   site +1 day    one more 100-paper listing, rebuilt with the warm caches
 *   site unchanged the same again with nothing changed: the floor of every rebuild
 *
 * `--skip` takes any of cold, naive, hugo, unchanged and client.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { privateBuildDir } from '../src/lib/build/outputSwap.ts';
import { BuildReport } from '../src/lib/build/report.ts';
import { formatBytes, formatSeconds } from '../src/lib/text/units.ts';
import { corpusPapers, onPath, writeHugoSite, writeNaiveContent } from './bench/baselines.ts';
import { clientWeights, describeSample, SAMPLE_QUERIES, searchSample } from './bench/clientWeights.ts';
import { setAside, settle, siteSize } from './bench/folders.ts';
import { measure, type Measured } from './bench/measure.ts';
import { formatResults, type Run } from './bench/report.ts';
import { makeCorpus, writeCorpus, writeListing } from './corpus.ts';

const ROOT = resolve(import.meta.dirname, '..');
const NODE = process.execPath;

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '1000' },
    'per-day': { type: 'string', default: '100' },
    skip: { type: 'string', default: '' },
    out: { type: 'string', default: 'bench/out' },
    'client-only': { type: 'boolean', default: false },
  },
});
const papers = Number(values.papers);
const perDay = Number(values['per-day']);
const skip = new Set(values.skip.split(',').filter(Boolean));
const out = resolve(ROOT, values.out);
const work = (name: string) => join(out, `${name}-${papers}`);
mkdirSync(out, { recursive: true });

if (values['client-only']) {
  console.log(await clientWeights(work('site'), ['diffusion', 'reinforcement learning']));
  console.log(describeSample(await searchSample(work('site'))));
  process.exit(0);
}

const t0 = performance.now();
const say = (message: string) => console.log(`bench: [${((performance.now() - t0) / 1000).toFixed(0)} s] ${message}`);
const trash = join(out, 'trash');
const aside = (path: string) => setAside(path, trash);

// The corpus plus one more day, held back for the incremental run.
const allDays = makeCorpus(ROOT, { papers: papers + perDay, perDay });
const extraDay = allDays.pop()!;
const corpus = work('corpus');
const cache = work('cache');
const site = work('site');
const siteEnv = { PAPERS_CONTENT_DIR: corpus, PAPERS_CACHE_DIR: cache };
const runs: Run[] = [];

/** Records a measured run: the size of what it built and, for this site, its build report. */
async function record(name: string, measured: Measured, dir: string, buildReport?: string): Promise<Run> {
  await settle(privateBuildDir(ROOT));
  const size = siteSize(dir);
  const build = buildReport ? BuildReport.parse(JSON.parse(readFileSync(buildReport, 'utf8'))) : undefined;
  const run: Run = { name, ...measured, pages: size.pages, outBytes: size.bytes, outFiles: size.files, load: loadavg()[0]!, ...(build ? { build } : {}) };
  runs.push(run);
  say(`${name}: ${formatSeconds(measured.wallMs)}, peak ${formatBytes(measured.peakRssBytes)} (${measured.peakParts}), ${size.pages} pages, ${formatBytes(size.bytes)} in ${size.files} files`);
  return run;
}

/** Builds this site once, measured, with its report. */
async function buildThisSite(name: string, label: string): Promise<Run> {
  const report = `${site}.${label}.report.json`;
  const measured = await measure(NODE, ['scripts/build.ts', '--out', site, '--quiet', '--report', report], { cwd: ROOT, env: siteEnv, log: `${site}.${label}.log` });
  return record(name, measured, site, report);
}

say(`corpus: ${papers} papers over ${allDays.length} days (+1 day of ${extraDay.newPapers} held back) → ${corpus}`);

// Everything cold, preview images included.
let cold: Run | undefined;
if (!skip.has('cold')) {
  aside(corpus);
  writeCorpus(ROOT, corpus, allDays);
  aside(cache);
  aside(site);
  say('site, every cache cold (preview images drawn)…');
  cold = await buildThisSite('site, all cold', 'cold');
}

// From scratch again, Astro's cache empty, preview images cached.
aside(corpus);
writeCorpus(ROOT, corpus, allDays);
if (existsSync(cache)) for (const name of readdirSync(cache)) if (name !== 'og') aside(join(cache, name));
// No old output: the build then has nothing to retire and delete before the next run.
aside(site);
say(`site, cold Astro cache${cold ? ', images cached' : ''}…`);
const full = await buildThisSite('site (generate + Astro + Pagefind)', 'full');

const baselinePapers = corpusPapers(allDays);
let naive: Run | undefined;
if (!skip.has('naive')) {
  const content = work('naive-content');
  aside(content);
  writeNaiveContent(content, baselinePapers);
  const naiveCache = work('naive-cache');
  aside(naiveCache);
  const naiveOut = work('naive');
  aside(naiveOut);
  say('naive Astro + MDX…');
  const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
  naive = await record(
    'naive Astro + MDX',
    await measure(NODE, [astro, 'build', '--root', join(ROOT, 'bench/naive'), '--outDir', naiveOut], { cwd: ROOT, env: { NAIVE_CONTENT: content, NAIVE_CACHE_DIR: naiveCache }, log: `${naiveOut}.log` }),
    naiveOut,
  );
}

let hugo: Run | undefined;
const hugoBin = onPath('hugo');
if (!skip.has('hugo') && hugoBin) {
  const source = work('hugo-src');
  aside(source);
  writeHugoSite(source, baselinePapers);
  const hugoOut = work('hugo');
  aside(hugoOut);
  say('hugo…');
  hugo = await record('hugo (Markdown)', await measure(hugoBin, ['--quiet', '--source', source, '--destination', hugoOut], { cwd: ROOT, log: `${hugoOut}.log` }), hugoOut);
}

// One more day, warm caches. The build never reads its previous output:
// setting it aside leaves its deletion until after the last run.
writeListing(corpus, extraDay);
aside(site);
say(`site +1 day (${extraDay.newPapers} new papers), warm caches…`);
const incremental = await buildThisSite(`site +1 day (${extraDay.newPapers} new papers, warm caches)`, 'incremental');

let unchanged: Run | undefined;
if (!skip.has('unchanged')) {
  aside(site);
  say('site again, nothing changed…');
  unchanged = await buildThisSite('site, nothing changed (warm caches)', 'unchanged');
}

let client: Awaited<ReturnType<typeof clientWeights>> | undefined;
let sample: Awaited<ReturnType<typeof searchSample>> | undefined;
if (!skip.has('client')) {
  say('client weights in Chromium…');
  client = await clientWeights(site, ['diffusion', 'reinforcement learning']).catch((error: Error) => void console.error(`bench: client weights failed: ${error.message}`));
  say(`search bytes over ${SAMPLE_QUERIES.length} query pairs…`);
  sample = await searchSample(site).catch((error: Error) => void console.error(`bench: search sample failed: ${error.message}`));
}

const results = { papers, days: allDays.length, extraPapers: extraDay.newPapers, runs, cold, full, naive, hugo, incremental, unchanged, client, sample };
const report = formatResults(results).join('\n');
console.log(`\n${report}\n`);
writeFileSync(join(out, `results-${papers}.md`), `${report}\n`);
writeFileSync(join(out, `results-${papers}.json`), `${JSON.stringify(results, null, 2)}\n`);
say('deleting the folders set aside…');
rmSync(trash, { recursive: true, force: true });
say(`done; report in ${join(out, `results-${papers}.md`)}`);
