/**
 * Where the build data lives and how it is read and written. It is made
 * from the content folder by the generator, so it sits with the build's
 * other derived files (PAPERS_CACHE_DIR, or node_modules/.cache), never in
 * the output.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomicWrite.ts';
import { buildCacheDir } from '../io/buildCache.ts';
import { BuildData } from './schema.ts';

/** The build data file of the project at `root`. */
export function buildDataFile(root = process.cwd()): string {
  return join(buildCacheDir('data', root), 'build-data.json');
}

/** Reads and validates the build data; the error says how to make it when it is missing or unreadable. */
export function readBuildData(file: string): BuildData {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(`${file}: the build data is missing; run \`npm run generate\` (\`npm run build\` runs it for you)`);
  }
  const result = BuildData.safeParse(JSON.parse(text));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}; it is made by the generator: run \`npm run generate\` again`);
  }
  return result.data;
}

/** The `inputs` digest of an existing build data file, read from its first bytes; undefined when there is none. */
export function readBuildDataInputs(file: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const head = Buffer.alloc(128);
    const length = readSync(fd, head, 0, head.length, 0);
    return /^\{"inputs":"([^"]+)"/.exec(head.subarray(0, length).toString('utf8'))?.[1];
  } finally {
    closeSync(fd);
  }
}

/** Writes the build data atomically, `inputs` first so readBuildDataInputs finds it. */
export function writeBuildData(file: string, data: BuildData): void {
  const { inputs, ...rest } = data;
  writeFileAtomic(file, JSON.stringify({ inputs, ...rest }));
}
