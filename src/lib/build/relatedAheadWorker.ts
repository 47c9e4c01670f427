/**
 * The worker that works out related papers ahead of the catalog (see
 * relatedAhead.ts): it reads the paper files as the content loader does,
 * orders them as the catalog does, and answers with `findRelated`'s result
 * and a digest of its inputs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { splitPaperFile } from '../mdx/file.ts';
import { parsePaperYaml } from '../mdx/paperYaml.ts';
import { compareNewest } from '../papers/order.ts';
import { relatedInput, type RelatedInput } from '../papers/related.ts';
import { PaperFrontmatter } from '../papers/schema.ts';
import { answerRelated, publishRelatedAhead, type RelatedAnswer } from './relatedAhead.ts';

/** The related-papers inputs of the paper files in `dir`, in the catalog's order; throws on a file the loader would refuse. */
export function readRelatedInputs(dir: string): RelatedInput[] {
  const papers = readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => {
      const parts = splitPaperFile(readFileSync(join(dir, name), 'utf8'));
      if (!parts) throw new Error(`${name}: no frontmatter`);
      return { slug: name.replace(/\.mdx$/, ''), data: PaperFrontmatter.parse(parsePaperYaml(parts.frontmatter) ?? {}) };
    });
  return papers.sort(compareNewest).map((paper) => relatedInput(paper.slug, paper.data));
}

/**
 * Starts the worker on the paper files in `dir` and offers its answer to
 * this process's catalog. A worker that fails answers nothing: the catalog
 * then works related papers out itself and the content loader reports any
 * bad file.
 */
export function startRelatedAhead(dir: string): void {
  const worker = new Worker(new URL(import.meta.url), { workerData: { relatedAhead: dir } });
  // Never keep the process alive for it: the catalog awaits the answer while it needs it.
  worker.unref();
  publishRelatedAhead(
    new Promise<RelatedAnswer | undefined>((answer) => {
      worker.once('message', answer);
      worker.once('error', () => answer(undefined));
      worker.once('exit', () => answer(undefined));
    }),
  );
}

if (!isMainThread && typeof workerData?.relatedAhead === 'string') {
  parentPort!.postMessage(answerRelated(readRelatedInputs(workerData.relatedAhead)));
}
