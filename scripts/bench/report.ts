/**
 * The benchmark's report: one table of runs, ratios against the baselines
 * measured in the same invocation, where each build of this site spent its
 * time (from its own JSON build report), preview-image cost, size per paper
 * with projections, and the client weights.
 */
import { cpus } from 'node:os';
import type { BuildReport } from '../../src/lib/build/report.ts';
import { formatBytes, formatKb, formatSeconds } from '../../src/lib/text/units.ts';
import type { clientWeights, SearchPair } from './clientWeights.ts';
import { describeSample } from './clientWeights.ts';

/** One measured run. */
export interface Run {
  name: string;
  wallMs: number;
  peakRssBytes: number;
  /** The processes that made up the peak. */
  peakParts: string;
  pages: number;
  outBytes: number;
  outFiles: number;
  /** One-minute load average when the run ended: other work on the machine skews times. */
  load: number;
  /** This site's own report of the build. */
  build?: BuildReport;
}

/** Everything one benchmark invocation measured. */
export interface Results {
  papers: number;
  days: number;
  extraPapers: number;
  runs: Run[];
  cold?: Run;
  full: Run;
  naive?: Run;
  hugo?: Run;
  incremental: Run;
  unchanged?: Run;
  client?: Awaited<ReturnType<typeof clientWeights>>;
  sample?: SearchPair[];
}

/** `a / b` as a ratio, `n/a` without a baseline. */
function ratio(a: number, b: number | undefined): string {
  return b ? `${(a / b).toFixed(2)}x` : 'n/a';
}

/** A build's steps as `generate 1.2 s, astro 9.8 s, …`, from its report. */
export function describeSteps(build: BuildReport): string {
  return build.steps.map((step) => `${step.name} ${formatSeconds(step.wallMs)}`).join(', ');
}

/** A run's wall time without drawing preview images (drawing has its own line). */
function withoutDrawing(run: Run): number {
  return run.wallMs - (run.build?.counts.imagesDrawn ? (run.build.counts.drawMs ?? 0) : 0);
}

/** The report as Markdown lines. */
export function formatResults(r: Results): string[] {
  const lines: string[] = [];
  lines.push(`Corpus: ${r.papers} papers over ${r.days} days (scripts/corpus.ts), then +1 day of ${r.extraPapers}. Machine: ${cpus().length} cores, Node ${process.versions.node}; "load" is the 1-minute load average as each run ended (above ${cpus().length} means other work shared the cores).`);
  lines.push('');
  lines.push('| run | wall | peak RSS (tree) | pages | pages/s | output | vs naive (wall) | vs Hugo (wall) | load |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const run of r.runs) {
    lines.push(
      `| ${run.name} | ${formatSeconds(run.wallMs)} | ${formatBytes(run.peakRssBytes)} | ${run.pages} | ${(run.pages / (run.wallMs / 1000)).toFixed(0)} | ${formatBytes(run.outBytes)}, ${run.outFiles} files | ${ratio(run.wallMs, r.naive?.wallMs)} | ${ratio(run.wallMs, r.hugo?.wallMs)} | ${run.load.toFixed(1)} |`,
    );
  }
  lines.push('');
  lines.push(`Peak memory, by process at the peak: ${r.runs.map((run) => `${run.name}: ${run.peakParts}`).join('; ')}.`);
  for (const run of r.runs) if (run.build) lines.push(`Steps of "${run.name}" (each step's wall time; Astro, the search documents and the preview images run side by side): ${describeSteps(run.build)}.`);
  lines.push(`Incremental: +1 day rebuild = ${ratio(r.incremental.wallMs, r.full.wallMs)} of the full build${r.cold ? ` (${ratio(r.incremental.wallMs, r.cold.wallMs)} of the all-cold build)` : ''}.`);
  if (r.full.build?.counts.imagesDrawn || r.incremental.build?.counts.imagesDrawn) {
    lines.push(`Without drawing preview images: full build ${formatSeconds(withoutDrawing(r.full))}, +1 day ${formatSeconds(withoutDrawing(r.incremental))} = ${ratio(withoutDrawing(r.incremental), withoutDrawing(r.full))} of the full build.`);
  }
  if (r.unchanged) {
    lines.push(`Floor: a rebuild with nothing changed takes ${formatSeconds(r.unchanged.wallMs)} = ${ratio(withoutDrawing(r.unchanged), withoutDrawing(r.full))} of the full build (drawing left out): the fixed cost every rebuild pays, +1 day included.`);
  }
  const drew = r.runs.find((run) => run.build?.counts.imagesDrawn);
  if (drew?.build) {
    const { imagesDrawn = 0, drawMs = 0 } = drew.build.counts;
    lines.push(`Preview images: ${imagesDrawn} drawn in "${drew.name}" in ${formatSeconds(drawMs)} of wall time beside Astro: ${(drawMs / imagesDrawn).toFixed(1)} ms per card drawn; cached images cost no drawing.`);
  }
  // Size per paper, and where the output is heading: the slope of the +1 day run.
  const perPaper = r.full.outBytes / r.papers;
  const slope = (r.incremental.outBytes - r.full.outBytes) / r.extraPapers;
  const project = (n: number) => r.full.outBytes + slope * (n - r.papers);
  const projectFiles = (n: number) => Math.round(r.full.outFiles + ((r.incremental.outFiles - r.full.outFiles) / r.extraPapers) * (n - r.papers));
  lines.push(
    `Size: ${formatKb(perPaper)} and ${(r.full.outFiles / r.papers).toFixed(2)} files per paper all-in at ${r.papers} papers; a new paper adds ${formatKb(slope)} (the +1 day run). Projected: ${formatBytes(project(30_000))} in ${projectFiles(30_000)} files at 30k papers, ${formatBytes(project(50_000))} in ${projectFiles(50_000)} files at 50k.`,
  );
  if (r.client) {
    const c = r.client;
    lines.push(`Client: paper page ${formatKb(c.paperGz)} gzipped HTML+CSS (HTML alone ${formatKb(c.htmlGz)}); JavaScript before search ${formatKb(c.js)}; first search ${formatKb(c.firstGz)} in ${c.firstRequests} requests, second search ${formatKb(c.secondGz)} in ${c.secondRequests} requests, then sorting it by date ${formatKb(c.byDateGz)} (Pagefind files as a compressing host sends them; served raw: ${formatKb(c.first)} and ${formatKb(c.second)}).`);
  }
  if (r.sample) lines.push(describeSample(r.sample));
  return lines;
}
