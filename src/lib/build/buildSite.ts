/**
 * `npm run build`, step by step. Each step reads what the steps before it
 * wrote, and each big one runs in a child process of its own:
 *
 *   generate ─▶ content/papers/*.mdx and the build data
 *   astro ──────────▶ pages ─┐   (beside it, from the build data:)
 *   search documents ────────┤   one small document per paper
 *   preview images ──────────┤   drawn into the cache, linked into the output
 *   search index ◀───────────┘   Pagefind over the documents, after Astro has exited
 *   output ─▶ swapped into place
 *
 * Everything is built into a private staging folder and swapped into place
 * only when every step succeeded. Pagefind runs alone: its memory and
 * Astro's together would exceed what a small machine has.
 */
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../listing/diagnostics.ts';
import { runChildStep, StepStopped } from './childStep.ts';
import { hostWarnings, HOSTS } from './hostLimits.ts';
import { measureOutput } from './outputSize.ts';
import { makeStaging, swapInto } from './outputSwap.ts';
import { BuildClock } from './progress.ts';
import { type BuildReport, writeBuildReport } from './report.ts';
import { addNotesDocuments, searchDocumentsDir } from './searchDocuments.ts';
import { indexSearchDocuments } from './searchIndex.ts';
import type { Built } from './steps/astro.ts';
import type { Generated } from './steps/generate.ts';
import type { PreviewsStep } from './steps/previews.ts';
import type { DocumentsStep } from './steps/searchDocuments.ts';

/** Options of one build. */
export interface BuildOptions {
  /** The project folder. */
  root: string;
  /** The output folder, relative to the project. */
  out: string;
  /** Overwrite hand-edited frontmatter (notes are kept). */
  force?: boolean;
  /** Only errors from Astro, no per-page lines. */
  quiet?: boolean;
  /** Where to write the JSON build report. */
  report?: string;
}

/**
 * The JavaScript heap the Astro step may grow to, in MB. Given no limit, V8
 * sizes its heap from the machine's memory and lets garbage pile up: the
 * Astro step reached 1.4 GB at 10k papers while what it kept alive was about
 * 250 MB. With a limit it collects sooner, at no cost in time. The limit
 * leaves four times the live heap at 10k papers and more than twice at 50k,
 * plus room for compiling owner notes. `PAPERS_ASTRO_HEAP_MB` overrides it.
 */
export function astroHeapMb(papers: number, withNotes: number, env: NodeJS.ProcessEnv = process.env): number {
  const override = Number(env.PAPERS_ASTRO_HEAP_MB);
  if (Number.isInteger(override) && override > 0) return override;
  return Math.max(1024, Math.ceil(512 + (papers * 48 + withNotes * 128) / 1024));
}

/** A step module of this folder. */
const step = (name: string) => new URL(`./steps/${name}.ts`, import.meta.url);

/**
 * Runs steps side by side; when one fails, the others are stopped and its
 * error (the cause: the others then fail because they were stopped) is thrown.
 */
async function besideEachOther<T extends unknown[]>(run: (signal: AbortSignal) => { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const controller = new AbortController();
  let cause: { error: unknown } | undefined;
  const running = run(controller.signal).map((promise) =>
    promise.catch((error: unknown) => {
      cause ??= { error };
      controller.abort();
      throw error;
    }),
  );
  const settled = await Promise.allSettled(running);
  if (cause) throw cause.error;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as T;
}

/**
 * Builds the site into `out`, atomically, and returns the report (also
 * written to `options.report` when given, whether the build succeeded or
 * not). Throws when a step fails; `StepStopped` or `InputError` mean bad
 * input, whose diagnostics were printed.
 */
export async function buildSite(options: BuildOptions): Promise<BuildReport> {
  const clock = new BuildClock();
  const root = resolve(options.root);
  const out = resolve(root, options.out);
  const report: BuildReport = { ok: false, out, wallMs: 0, steps: clock.steps, counts: {}, warnings: [] };
  const { counts } = report;
  const staging = makeStaging(root, out);
  const started = String(Date.now() - Math.round(clock.elapsed()));
  try {
    clock.say('generate', 'reading listings, writing content/papers');
    const generated = await clock.time('generate', () =>
      runChildStep<Generated>({ module: step('generate'), args: ['--root', root, ...(options.force ? ['--force'] : [])], name: 'generate', cwd: root }),
    );
    Object.assign(counts, { papers: generated.papers, withNotes: generated.withNotes, filesWritten: generated.filesWritten });
    clock.say('generate', `${generated.papers} papers, ${generated.filesWritten} files written`);

    const heapMb = astroHeapMb(generated.papers, generated.withNotes);
    const heapHint = `. If they say the JavaScript heap is out of memory, give it more than ${heapMb} MB: PAPERS_ASTRO_HEAP_MB=${heapMb * 2} npm run build`;
    // The preview step draws on one thread beside Astro, and on every core once Astro is done.
    let previewStep: ChildProcess | undefined;
    const [built, documents, previews] = await besideEachOther<[Built, DocumentsStep, PreviewsStep]>((signal) => [
      clock.time('astro', () =>
        runChildStep<Built>({
          module: step('astro'),
          args: ['--root', root, '--out', staging, '--started', started, ...(options.quiet ? ['--quiet'] : [])],
          name: 'the Astro build',
          cwd: root,
          nodeFlags: [`--max-old-space-size=${heapMb}`],
          hint: heapHint,
          signal,
        }).then((result) => {
          if (previewStep?.connected) previewStep.send('astro done');
          return result;
        }),
      ),
      clock.time('search documents', () => runChildStep<DocumentsStep>({ module: step('searchDocuments'), args: ['--root', root], name: 'the search documents', cwd: root, signal })),
      clock.time('preview images', () =>
        runChildStep<PreviewsStep>({ module: step('previews'), args: ['--root', root, '--out', staging, '--started', started], name: 'the preview images', cwd: root, signal, started: (child) => (previewStep = child) }),
      ),
    ]);
    Object.assign(counts, {
      pages: built.pages,
      documentsWritten: documents.written,
      documentsRemoved: documents.removed,
      imagesDrawn: previews.drawn,
      imagesReused: previews.reused,
      drawMs: previews.drawMs,
    });
    clock.say('astro', `${built.pages} pages; search documents: ${documents.written} written, ${documents.removed} removed; preview images: ${previews.drawn} drawn, ${previews.reused} from the cache`);

    clock.say('search index', 'Pagefind');
    counts.documentsIndexed = await clock.time('search index', async () => {
      const dir = searchDocumentsDir(root);
      counts.documentsWritten! += addNotesDocuments(dir, staging, documents.withNotes);
      return indexSearchDocuments({ dir: staging, documents: dir, papers: generated.papers });
    });
    clock.say('search index', `${counts.documentsIndexed} papers indexed`);

    await clock.time('output', () => {
      report.output = measureOutput(staging);
      swapInto(staging, out, root);
    });
    // The output is in place either way: a host's limit is for the owner to act on, not a reason to keep the old site.
    report.warnings.push(...hostWarnings(generated.host, report.output!));
    for (const warning of report.warnings) console.warn(`build: warning: ${warning} (host: ${HOSTS[generated.host].name}, content/site.yaml)`);
    report.ok = true;
    clock.say('done', `${generated.papers} papers, ${built.pages} pages, ${previews.drawn} preview image(s) drawn → ${out}`);
    return report;
  } catch (error) {
    report.error = error instanceof InputError || error instanceof StepStopped ? 'stopped on bad input' : error instanceof Error ? error.message : String(error);
    throw error;
  } finally {
    rmSync(staging, { recursive: true, force: true });
    report.wallMs = Math.round(clock.elapsed());
    // Steps side by side end in any order: the report lists them as they started.
    report.steps.sort((a, b) => a.startMs - b.startMs);
    if (options.report) writeBuildReport(resolve(options.report), report);
  }
}
