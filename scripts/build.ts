/**
 * `npm run build`: generate the content, build the site with Astro into a
 * fresh folder, index it for search, then swap it into place. A failed build leaves the previous output untouched.
 *
 *   npm run build                      content/ → dist/
 *   npm run build -- --out some/dir    another output folder
 *   PAPERS_CONTENT_DIR=... npm run build   build another corpus
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AstroIntegration } from 'astro';
import { indexSite, searchDocumentsDir } from '../src/lib/build/searchIndex.ts';
import { formatDiagnostic, InputError } from '../src/lib/listing/diagnostics.ts';
import type { GenerateReport } from './generate.ts';

/** Options of one build. */
export interface BuildOptions {
  root: string;
  out: string;
  force?: boolean;
}

/**
 * Deletes a retired output folder. Removing tens of thousands of files takes
 * a minute on a slow disk, and the new output is already in place: a
 * detached process does it, so the build ends when the site is ready.
 */
function discard(dir: string): void {
  const script = `require('node:fs').rmSync(${JSON.stringify(dir)}, { recursive: true, force: true })`;
  spawn(process.execPath, ['-e', script], { detached: true, stdio: 'ignore' }).unref();
}

/**
 * Replaces `out` with `built`. The new tree is first put next to `out` (a
 * copy when on another file system), so the switch itself is two renames.
 * The old tree moves into `trash` (the project's private build folder) when
 * it can, and is deleted in the background.
 */
function swapInto(built: string, out: string, trash: string): void {
  mkdirSync(dirname(out), { recursive: true });
  const incoming = join(dirname(out), `.${basename(out)}.incoming-${process.pid}`);
  let retired = join(dirname(out), `.${basename(out)}.retired-${process.pid}`);
  try {
    renameSync(built, incoming);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    try {
      cpSync(built, incoming, { recursive: true });
    } catch (copyError) {
      rmSync(incoming, { recursive: true, force: true });
      throw copyError;
    }
  }
  if (existsSync(out)) {
    try {
      retired = join(trash, `retired-${basename(out)}-${process.pid}`);
      renameSync(out, retired);
    } catch {
      retired = join(dirname(out), `.${basename(out)}.retired-${process.pid}`);
      renameSync(out, retired);
    }
  }
  renameSync(incoming, out);
  if (existsSync(retired)) {
    if (dirname(retired) === trash) discard(retired);
    else rmSync(retired, { recursive: true, force: true });
  }
}

/** Seconds since `started`, for progress lines. */
function elapsed(started: number): string {
  return `${((performance.now() - started) / 1000).toFixed(1)} s`;
}

/** Number of entries in a folder, 0 when it does not exist. */
function countEntries(dir: string): number {
  try {
    return readdirSync(dir).length;
  } catch {
    return 0;
  }
}

/**
 * An integration that reports the build's phases with elapsed time, and while
 * pages are written, how many paper pages exist so far. Added by this script
 * only, so the site's config stays the site's.
 */
function progress(options: { started: number; staging: string; log: (line: string) => void; summary: AstroSummary }): AstroIntegration {
  const { started, staging, log, summary } = options;
  let timer: ReturnType<typeof setInterval> | undefined;
  let astroStarted = 0;
  return {
    name: 'papers:progress',
    hooks: {
      'astro:build:start': () => {
        astroStarted = performance.now();
        log(`build: astro: bundling (${elapsed(started)})`);
      },
      'astro:build:setup': ({ target }) => {
        if (target !== 'server' || timer) return;
        // Pages are written after bundling; report the count every 10 s meanwhile.
        timer = setInterval(() => {
          const papers = countEntries(join(staging, 'papers'));
          if (papers > 0) log(`build: astro: writing pages: ${papers} paper pages (${elapsed(started)})`);
        }, 10_000);
        timer.unref();
      },
      'astro:build:generated': () => {
        clearInterval(timer);
        log(`build: astro: pages written; sitemap next (${elapsed(started)})`);
      },
      'astro:build:done': ({ pages }) => {
        clearInterval(timer);
        summary.pages = pages.length;
        summary.astroMs = performance.now() - astroStarted;
      },
    },
  };
}

/** What the Astro step reports back to the parent build. */
interface AstroSummary {
  pages: number;
  astroMs: number;
  /** Papers in the build hand-off: the search index must hold as many. */
  papers?: number;
  /** Preview images left to draw after the finishing worker linked the cached ones; undefined when it did not run (all are left). */
  previewsLeft?: number;
}

/** A step's child process stopped on bad input; its messages are already on stderr. */
class StepStopped extends Error {}

/** Exit code of a child step that stopped on bad input (as opposed to failing). */
const STOPPED_ON_INPUT = 2;

/**
 * The generate step, run in a child process (`--step generate`): its memory
 * (every paper, parsed and serialised) is returned to the system before the
 * Astro step and the search index need theirs.
 */
async function generateStep(root: string, force: boolean, resultFile: string): Promise<void> {
  // Imported here, not at the top: the parent process stays small while Pagefind runs.
  const { generate } = await import('./generate.ts');
  try {
    writeFileSync(resultFile, JSON.stringify(generate({ root, force })));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    console.error(error.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).join('\n'));
    process.exit(STOPPED_ON_INPUT);
  }
}

/**
 * The Astro step, run in a child process (`--step astro`): builds into
 * `staging` and writes its summary to `resultFile`. The finishing hook stands
 * aside; the parent finishes once this process has exited and its memory is free.
 */
async function astroStep(root: string, staging: string, resultFile: string, startedMsAgo: number): Promise<void> {
  const { startRelatedAhead } = await import('../src/lib/build/relatedAheadWorker.ts');
  const { relatedAheadOutcome } = await import('../src/lib/build/relatedAhead.ts');
  const { contentDir } = await import('../src/lib/io/contentDir.ts');
  const { projectPaths } = await import('../src/lib/io/projectFiles.ts');
  // The second core would idle through Astro's start-up: related papers are worked out there meanwhile.
  startRelatedAhead(projectPaths(root, contentDir(root)).papers);
  const { onHandoff } = await import('../src/lib/build/handoff.ts');
  const { finishedAhead, startFinishAhead } = await import('../src/lib/build/finishAhead.ts');
  const summary: AstroSummary = { pages: 0, astroMs: 0 };
  // And the search documents and cached preview images are placed while Astro renders pages, from the hand-off it renders first.
  onHandoff((handoff) => {
    summary.papers = handoff.papers.length;
    startFinishAhead(staging, searchDocumentsDir(root), handoff.papers);
  });
  const { build } = await import('astro');
  const { FINISH_AFTER_BUILD } = await import('../src/integrations/finishBuild.ts');
  process.env[FINISH_AFTER_BUILD] = '1';
  const started = performance.now() - startedMsAgo;
  await build({
    root,
    outDir: staging,
    logLevel: process.env.PAPERS_LOG_LEVEL === 'silent' ? 'error' : 'info',
    integrations: [progress({ started, staging, log: (line) => console.log(line), summary })],
  });
  const related = relatedAheadOutcome();
  if (related === 'used') console.log('build: astro: related papers were worked out alongside Astro\'s start-up');
  else console.warn(`build: astro: related papers were worked out in Astro (the worker's answer: ${related ?? 'not asked for'})`);
  const ahead = finishedAhead();
  summary.previewsLeft = ahead?.missingPreviews.length;
  if (!ahead) console.warn('build: astro: the search documents and preview images were placed after the pages, not while they rendered');
  else {
    const { documents, linked, linkMs, missingPreviews } = ahead;
    console.log(`build: astro: search documents brought up to date while pages rendered: ${documents.written} written, ${documents.removed} removed`);
    // With every image cached there is no preview step: this is its line.
    if (missingPreviews.length === 0) console.log(`build: preview images: ${linked} placed, 0 of them drawn, in ${linkMs} ms, while pages rendered`);
    else console.log(`build: astro: ${linked} cached preview images linked while pages rendered; ${missingPreviews.length} to draw`);
  }
  writeFileSync(resultFile, JSON.stringify(summary));
}

/**
 * The preview-image step, run in a child process (`--step previews`) when
 * the Astro step left images to draw: draws them (in processes of its own)
 * and links them into `staging`. Its memory, and the modules it loads, are
 * gone before Pagefind starts.
 */
async function previewsStep(root: string, staging: string, resultFile: string): Promise<void> {
  const { finishPreviews } = await import('../src/integrations/finishBuild.ts');
  const drawn = await finishPreviews({ root, dir: staging, log: (message) => console.log(`build: ${message}`) });
  writeFileSync(resultFile, JSON.stringify({ drawn }));
}

/**
 * The JavaScript heap the Astro step may grow to, in MB. Given no limit, V8
 * sizes its heap from the machine's memory and lets garbage pile up: the
 * Astro step reached 1.4 GB at 10k papers while what it kept alive was about
 * 250 MB (24 KB a paper). With a limit it collects sooner, at no measured
 * cost in time: 0.93 GB. The limit leaves four times the live heap at 10k
 * papers and more than twice at 50k, plus room for compiling owner notes
 * (10k papers, 3,000 with notes, still built with 600 MB).
 * `PAPERS_ASTRO_HEAP_MB` overrides it.
 */
export function astroHeapMb(papers: number, withNotes: number, env: NodeJS.ProcessEnv = process.env): number {
  const override = Number(env.PAPERS_ASTRO_HEAP_MB);
  if (Number.isInteger(override) && override > 0) return override;
  return Math.max(1024, Math.ceil(512 + (papers * 48 + withNotes * 128) / 1024));
}

/** Runs a step in a child process with the same Node and environment; resolves to what it wrote to `resultFile`. */
function runStep<T>(args: string[], resultFile: string, what: string, nodeFlags: string[] = [], hint = ''): Promise<T> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [...nodeFlags, import.meta.filename, ...args, '--result', resultFile], {
      cwd: process.cwd(),
      env: process.env,
      stdio: 'inherit',
    });
    child.on('error', fail);
    child.on('close', (code, signal) => {
      try {
        if (code === STOPPED_ON_INPUT) return fail(new StepStopped(`${what} stopped on bad input`));
        if (code !== 0) return fail(new Error(`${what} failed (${signal ? `signal ${signal}` : `exit code ${code}`}); its messages are above${hint}`));
        ok(JSON.parse(readFileSync(resultFile, 'utf8')) as T);
      } finally {
        rmSync(resultFile, { force: true });
      }
    });
  });
}

/**
 * Builds the site into `out`, atomically: generate, Astro (which also writes
 * the search documents and links the cached preview images), the preview
 * images left to draw, search index, swap. Generate, Astro and the drawing
 * run in child processes, so each big step has the memory to itself, and
 * this process has loaded little more than the search index's module while
 * Pagefind, the biggest, runs.
 */
export async function buildSite(options: BuildOptions): Promise<void> {
  const root = resolve(options.root);
  const out = resolve(root, options.out);
  const started = performance.now();
  const log = (line: string) => console.log(line);
  // Build into a private folder inside the project (Astro resolves its temporary
  // prerender modules against the project's node_modules), then swap it in.
  const trash = join(root, '.build');
  const staging = join(trash, `${basename(out)}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(dirname(staging), { recursive: true });

  log('build: generate: reading listings, writing content/papers');
  const generateArgs = ['--step', 'generate', '--root', root, ...(options.force ? ['--force'] : [])];
  const report = await runStep<GenerateReport>(generateArgs, `${staging}.generate.json`, 'generate');
  const generateMs = performance.now() - started;
  log(`build: generate: ${report.papers} papers, ${report.written.length} written (${elapsed(started)})`);

  let drawn = 0;
  let indexMs = 0;
  let summary: AstroSummary;
  try {
    const astroArgs = ['--step', 'astro', '--root', root, '--staging', staging, '--started-ms-ago', String(Math.round(performance.now() - started))];
    const heapMb = astroHeapMb(report.papers, report.withNotes);
    const heapHint = `. If they say the JavaScript heap is out of memory, give it more than ${heapMb} MB: PAPERS_ASTRO_HEAP_MB=${heapMb * 2} npm run build`;
    summary = await runStep<AstroSummary>(astroArgs, `${staging}.astro.json`, 'the Astro build', [`--max-old-space-size=${heapMb}`], heapHint);
    // Every preview image cached and already linked while pages rendered: no preview step.
    if (summary.previewsLeft !== 0) {
      log(`build: preview images (${elapsed(started)})`);
      ({ drawn } = await runStep<{ drawn: number }>(['--step', 'previews', '--root', root, '--staging', staging], `${staging}.previews.json`, 'preview images'));
    }
    log(`build: search index: Pagefind (${elapsed(started)})`);
    const indexStarted = performance.now();
    const papers = summary.papers ?? report.papers;
    await indexSite({ dir: staging, documents: searchDocumentsDir(root), papers, log: (message) => log(`build: ${message}`) });
    indexMs = performance.now() - indexStarted;
    swapInto(staging, out, trash);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  log(
    `build: done in ${elapsed(started)}: ${report.papers} papers, ${summary.pages} pages, ${drawn} preview image(s) drawn; ` +
      `generate ${seconds(generateMs)}, astro ${seconds(summary.astroMs)}, search index ${seconds(indexMs)} → ${out}`,
  );
}

/** CLI entry point. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'dist' },
      root: { type: 'string', default: '.' },
      force: { type: 'boolean', default: false },
      // Internal: the child steps of buildSite(); errors go to stderr and the exit code.
      step: { type: 'string' },
      result: { type: 'string' },
      staging: { type: 'string' },
      'started-ms-ago': { type: 'string', default: '0' },
    },
  });
  if (values.step === 'generate') return generateStep(resolve(values.root), values.force, values.result!);
  if (values.step === 'astro') return astroStep(resolve(values.root), values.staging!, values.result!, Number(values['started-ms-ago']));
  if (values.step === 'previews') return previewsStep(resolve(values.root), values.staging!, values.result!);
  try {
    await buildSite({ root: values.root, out: values.out, force: values.force });
  } catch (error) {
    if (error instanceof StepStopped) {
      console.error('build: stopped; the previous output was left as it was.');
      process.exit(1);
    }
    console.error(error);
    console.error('build: failed; the previous output was left as it was.');
    process.exit(1);
  }
}

if (import.meta.main) await main();
