/**
 * `npm run build`: generate the content, build the site with Astro (Pagefind
 * indexes it in a build hook) into a fresh folder, then swap it into place.
 * A failed build leaves the previous output untouched.
 *
 *   npm run build                      content/ → dist/
 *   npm run build -- --out some/dir    another output folder
 *   PAPERS_CONTENT_DIR=... npm run build   build another corpus
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build, type AstroIntegration } from 'astro';
import { INDEX_AFTER_BUILD, indexSite } from '../src/integrations/pagefind.ts';
import { formatDiagnostic, InputError } from '../src/lib/listing/diagnostics.ts';
import { generate } from './generate.ts';

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
 * pages are written, how many paper pages and preview images exist so far.
 * Added by this script only, so the site's config stays the site's.
 */
function progress(options: { started: number; staging: string; log: (line: string) => void; summary: AstroSummary }): AstroIntegration {
  const { started, staging, log, summary } = options;
  let timer: ReturnType<typeof setInterval> | undefined;
  let astroStarted = 0;
  let generated = 0;
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
          const images = countEntries(join(staging, 'og'));
          if (papers + images > 0) log(`build: astro: writing pages: ${papers} paper pages, ${images} preview images (${elapsed(started)})`);
        }, 10_000);
        timer.unref();
      },
      'astro:build:generated': () => {
        clearInterval(timer);
        generated = performance.now();
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
}

/**
 * The Astro step, run in a child process (`--astro-only`): builds into
 * `staging` and writes its summary next to it. Pagefind's hook stands aside;
 * the parent indexes once this process has exited and its memory is free.
 */
async function buildAstro(root: string, staging: string, startedMsAgo: number): Promise<void> {
  const started = performance.now() - startedMsAgo;
  const summary: AstroSummary = { pages: 0, astroMs: 0 };
  await build({
    root,
    outDir: staging,
    logLevel: process.env.PAPERS_LOG_LEVEL === 'silent' ? 'error' : 'info',
    integrations: [progress({ started, staging, log: (line) => console.log(line), summary })],
  });
  writeFileSync(`${staging}.summary.json`, JSON.stringify(summary));
}

/** Runs the Astro step in a child process with the same Node and environment; rejects when it fails. */
function runAstroStep(root: string, staging: string, started: number): Promise<AstroSummary> {
  const args = [import.meta.filename, '--astro-only', '--root', root, '--staging', staging, '--started-ms-ago', String(Math.round(performance.now() - started))];
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, args, { cwd: process.cwd(), env: { ...process.env, [INDEX_AFTER_BUILD]: '1' }, stdio: 'inherit' });
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) return fail(new Error(`the Astro build stopped (exit code ${code}); its messages are above`));
      const file = `${staging}.summary.json`;
      const summary = JSON.parse(readFileSync(file, 'utf8')) as AstroSummary;
      rmSync(file, { force: true });
      ok(summary);
    });
  });
}

/**
 * Builds the site into `out`, atomically: generate, Astro (in a child process),
 * Pagefind, swap. Each of the two big steps has the memory to itself.
 */
export async function buildSite(options: BuildOptions): Promise<void> {
  const root = resolve(options.root);
  const out = resolve(root, options.out);
  const started = performance.now();
  const log = (line: string) => console.log(line);
  log('build: generate: reading listings, writing content/papers');
  const report = generate({ root, force: options.force ?? false });
  const generateMs = performance.now() - started;
  log(`build: generate: ${report.papers} papers, ${report.written.length} written (${elapsed(started)})`);

  // Build into a private folder inside the project (Astro resolves its temporary
  // prerender modules against the project's node_modules), then swap it in.
  const staging = join(root, '.build', `${basename(out)}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const imageCache = process.env.PAPERS_CACHE_DIR ? join(resolve(process.env.PAPERS_CACHE_DIR), 'og') : join(root, 'node_modules/.cache/papers-og');
  const cachedImages = countEntries(imageCache);
  let indexMs = 0;
  let summary: AstroSummary;
  try {
    summary = await runAstroStep(root, staging, started);
    log(`build: search index: Pagefind (${elapsed(started)})`);
    const indexStarted = performance.now();
    await indexSite({ dir: staging, log: (message) => log(`build: search index: ${message}`) });
    indexMs = performance.now() - indexStarted;
    swapInto(staging, out, join(root, '.build'));
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(`${staging}.summary.json`, { force: true });
  }
  const drawn = countEntries(imageCache) - cachedImages;
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
      'astro-only': { type: 'boolean', default: false },
      staging: { type: 'string' },
      'started-ms-ago': { type: 'string', default: '0' },
    },
  });
  if (values['astro-only']) {
    // The child step of buildSite(); errors go to stderr and the exit code.
    await buildAstro(resolve(values.root), values.staging!, Number(values['started-ms-ago']));
    return;
  }
  try {
    await buildSite({ root: values.root, out: values.out, force: values.force });
  } catch (error) {
    if (error instanceof InputError) {
      console.error(error.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).join('\n'));
      console.error('build: stopped; the previous output was left as it was.');
      process.exit(1);
    }
    console.error(error);
    console.error('build: failed; the previous output was left as it was.');
    process.exit(1);
  }
}

if (import.meta.main) await main();
