/**
 * `npm run build`: generate the content, build the site with Astro (Pagefind
 * indexes it in a build hook) into a fresh folder, then swap it into place.
 * A failed build leaves the previous output untouched.
 *
 *   npm run build                      content/ → dist/
 *   npm run build -- --out some/dir    another output folder
 *   PAPERS_CONTENT_DIR=... npm run build   build another corpus
 */
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'astro';
import { formatDiagnostic, InputError } from '../src/lib/listing/diagnostics.ts';
import { generate } from './generate.ts';

/** Options of one build. */
export interface BuildOptions {
  root: string;
  out: string;
  force?: boolean;
}

/**
 * Replaces `out` with `built`. The new tree is first put next to `out` (a
 * copy when on another file system), so the switch itself is two renames.
 */
function swapInto(built: string, out: string): void {
  mkdirSync(dirname(out), { recursive: true });
  const incoming = join(dirname(out), `.${basename(out)}.incoming-${process.pid}`);
  const retired = join(dirname(out), `.${basename(out)}.retired-${process.pid}`);
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
  if (existsSync(out)) renameSync(out, retired);
  renameSync(incoming, out);
  rmSync(retired, { recursive: true, force: true });
}

/** Builds the site into `out`, atomically. */
export async function buildSite(options: BuildOptions): Promise<void> {
  const root = resolve(options.root);
  const out = resolve(root, options.out);
  const started = performance.now();
  generate({ root, force: options.force ?? false });

  // Build into a private folder inside the project (Astro resolves its temporary
  // prerender modules against the project's node_modules), then swap it in.
  const staging = join(root, '.build', `${basename(out)}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    await build({ root, outDir: staging, logLevel: process.env.PAPERS_LOG_LEVEL === 'silent' ? 'error' : 'info' });
    swapInto(staging, out);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  console.log(`build: done in ${((performance.now() - started) / 1000).toFixed(1)} s → ${out}`);
}

/** CLI entry point. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'dist' },
      root: { type: 'string', default: '.' },
      force: { type: 'boolean', default: false },
    },
  });
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
