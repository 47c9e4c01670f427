/**
 * `npm run build`: generate the content, build the site with Astro (Pagefind
 * indexes it in a build hook) into a fresh folder, then swap it into place.
 * A failed build leaves the previous output untouched.
 *
 *   npm run build                      content/ → dist/
 *   npm run build -- --out some/dir    another output folder
 *   PAPERS_CONTENT_DIR=... npm run build   build another corpus
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
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

/** Builds the site into `out`, atomically. */
export async function buildSite(options: BuildOptions): Promise<void> {
  const root = resolve(options.root);
  const out = resolve(root, options.out);
  const started = performance.now();
  generate({ root, force: options.force ?? false });

  // Build next to the target (same file system, so the swap is a rename).
  const staging = join(dirname(out), `.${basename(out)}.staging-${process.pid}`);
  const retired = join(dirname(out), `.${basename(out)}.retired-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(dirname(out), { recursive: true });
  try {
    await build({ root, outDir: staging, logLevel: process.env.PAPERS_LOG_LEVEL === 'silent' ? 'error' : 'info' });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  if (existsSync(out)) renameSync(out, retired);
  renameSync(staging, out);
  rmSync(retired, { recursive: true, force: true });
  console.log(`build: done in ${((performance.now() - started) / 1000).toFixed(1)} s → ${out}`);
}

/** CLI entry point. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string', default: 'dist' }, force: { type: 'boolean', default: false } },
  });
  try {
    await buildSite({ root: process.cwd(), out: values.out, force: values.force });
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
