/** The size of a built site: what hosts count against their limits. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Bytes and files under a folder, and its largest file. */
export interface OutputSize {
  bytes: number;
  files: number;
  largestFile?: { path: string; bytes: number };
}

/** Measures every file under `dir`. */
export function measureOutput(dir: string): OutputSize {
  const size: OutputSize = { bytes: 0, files: 0 };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = statSync(path).size;
    size.bytes += bytes;
    size.files++;
    if (!size.largestFile || bytes > size.largestFile.bytes) size.largestFile = { path: relative(dir, path), bytes };
  }
  return size;
}
