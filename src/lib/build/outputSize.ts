/** The size of a built site, as hosts count it against their limits. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { OutputMeasure } from './hostLimits.ts';

/** Measures every file under `dir`: bytes, files, the largest file and the fullest folder. */
export function measureOutput(dir: string): OutputMeasure {
  const size: OutputMeasure = { bytes: 0, files: 0 };
  const entries = new Map<string, number>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    entries.set(entry.parentPath, (entries.get(entry.parentPath) ?? 0) + 1);
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = statSync(path).size;
    size.bytes += bytes;
    size.files++;
    if (!size.largestFile || bytes > size.largestFile.bytes) size.largestFile = { path: relative(dir, path), bytes };
  }
  for (const [folder, count] of entries) {
    if (!size.largestFolder || count > size.largestFolder.entries) size.largestFolder = { path: relative(dir, folder) || '.', entries: count };
  }
  return size;
}
