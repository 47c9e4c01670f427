/**
 * The build writes into a private staging folder and swaps it into place
 * only when every step succeeded, so a failed build leaves the previous
 * output as it was.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The project's private build folder: staging output and retired output live here, never published. */
export function privateBuildDir(root: string): string {
  return join(root, '.build');
}

/**
 * A fresh staging folder for output `out`. It is inside the project: Astro
 * resolves its temporary prerender modules against the project's node_modules.
 */
export function makeStaging(root: string, out: string): string {
  const staging = join(privateBuildDir(root), `${basename(out)}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  return staging;
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
 * The old tree moves into the private build folder when it can, and is
 * deleted in the background.
 */
export function swapInto(built: string, out: string, root: string): void {
  mkdirSync(dirname(out), { recursive: true });
  const incoming = join(dirname(out), `.${basename(out)}.incoming-${process.pid}`);
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
  let retired: string | undefined;
  let background = false;
  if (existsSync(out)) {
    try {
      retired = join(privateBuildDir(root), `retired-${basename(out)}-${process.pid}`);
      renameSync(out, retired);
      background = true;
    } catch {
      retired = join(dirname(out), `.${basename(out)}.retired-${process.pid}`);
      renameSync(out, retired);
    }
  }
  renameSync(incoming, out);
  if (retired && background) discard(retired);
  else if (retired) rmSync(retired, { recursive: true, force: true });
}
