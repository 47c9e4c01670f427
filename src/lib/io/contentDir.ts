/**
 * Which content folder a run uses: `content/` by default, or the folder named
 * by PAPERS_CONTENT_DIR (tests and benchmarks build other corpora with it).
 */
import { resolve } from 'node:path';

/** Absolute path of the content folder for this process. */
export function contentDir(root: string = process.cwd()): string {
  return resolve(root, process.env.PAPERS_CONTENT_DIR ?? 'content');
}
