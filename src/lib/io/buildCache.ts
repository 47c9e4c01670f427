/**
 * Where a build keeps what the next build reuses (preview images, search
 * documents): `PAPERS_CACHE_DIR/<name>`, or `node_modules/.cache/papers-<name>`
 * in the project. Tests and benchmarks set PAPERS_CACHE_DIR to keep the
 * caches of the corpora they build apart.
 */
import { join, resolve } from 'node:path';

/** The cache folder called `name`, for the project at `root`. */
export function buildCacheDir(name: string, root = process.cwd()): string {
  const shared = process.env.PAPERS_CACHE_DIR;
  return shared ? join(resolve(root, shared), name) : resolve(root, `node_modules/.cache/papers-${name}`);
}
