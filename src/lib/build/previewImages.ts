/**
 * Puts each paper's cached preview image at `<dir>/og/<slug>.png`. A hard
 * link costs nothing and the cache never rewrites a file in place (new
 * cards get new names), so output and cache can share it; across file
 * systems the file is copied.
 */
import { copyFileSync, linkSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { routes } from '../site/routes.ts';
import type { HandoffPaper } from './handoff.ts';

export function placePreviews({ dir, papers }: { dir: string; papers: readonly HandoffPaper[] }): void {
  let canLink = true;
  for (const paper of papers) {
    const target = join(dir, routes.ogImage(paper.slug));
    mkdirSync(dirname(target), { recursive: true });
    if (canLink) {
      try {
        linkSync(paper.previewFile, target);
        continue;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK') throw error;
        canLink = false;
      }
    }
    copyFileSync(paper.previewFile, target);
  }
}
