/**
 * The benchmark's folders: set aside instead of deleted before a timed run,
 * and sized after it.
 */
import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import { measureOutput } from '../../src/lib/build/outputSize.ts';

let setAsideCount = 0;

/**
 * Moves a file or folder into `trash` instead of deleting it. This VM's file
 * system (ext4 without a journal) passes over the inodes freed in the last
 * minutes whenever it creates a file, so a build that starts soon after many
 * deletions spends seconds more in the kernel. The benchmark deletes what it
 * set aside after its last timed run, so no build, of any site, starts right
 * after a mass deletion.
 */
export function setAside(path: string, trash: string): void {
  if (!existsSync(path)) return;
  mkdirSync(trash, { recursive: true });
  renameSync(path, join(trash, `${basename(path)}-${process.pid}-${setAsideCount++}`));
}

/** Waits until the build's background deletion of a retired output folder is over, so runs do not overlap. */
export async function settle(privateBuildDir: string): Promise<void> {
  while (existsSync(privateBuildDir) && readdirSync(privateBuildDir).some((n) => n.startsWith('retired-'))) await new Promise((ok) => setTimeout(ok, 500));
}

/** Bytes, files and HTML pages under `dir`. */
export function siteSize(dir: string): { bytes: number; files: number; pages: number } {
  const { bytes, files } = measureOutput(dir);
  const pages = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html')).length;
  return { bytes, files, pages };
}
