/**
 * Related papers worked out ahead, alongside Astro's start-up. The catalog
 * (src/data/catalog.ts) needs every paper's related papers before the first
 * paper page renders; worked out there, they took 2.4 s at 10k papers on
 * Astro's one busy thread while the second core sat idle through start-up,
 * content sync and bundling. The Astro step (scripts/build.ts) starts a
 * worker (relatedAheadWorker.ts) that reads the paper files and answers
 * here; the catalog takes the answer only when it was worked out from
 * exactly the inputs the catalog has, and works them out itself otherwise
 * (`astro dev`, or a worker that read the files differently or failed).
 */
import { findRelated, type RelatedInput, relatedInputsDigest } from '../papers/related.ts';

/** The worker's answer: a digest of its inputs and each slug's related slugs. */
export interface RelatedAnswer {
  digest: string;
  related: [slug: string, related: string[]][];
}

/** What became of an answer: taken, refused for other inputs, or never given. */
export type RelatedAheadOutcome = 'used' | 'stale' | 'failed';

interface Slot {
  answer: Promise<RelatedAnswer | undefined>;
  outcome?: RelatedAheadOutcome;
}

// A global, not a module variable: the catalog runs from Astro's bundle, a different copy of this module.
const SLOT = Symbol.for('papers-site.relatedAhead');
const slots = globalThis as { [SLOT]?: Slot };

/** Works out the answer for `inputs` (in the worker). */
export function answerRelated(inputs: readonly RelatedInput[]): RelatedAnswer {
  return { digest: relatedInputsDigest(inputs), related: [...findRelated(inputs)] };
}

/** Offers an answer to come to the catalog of this process. */
export function publishRelatedAhead(answer: Promise<RelatedAnswer | undefined>): void {
  slots[SLOT] = { answer };
}

/** The answer for exactly these inputs, if one was offered; undefined otherwise. */
export async function takeRelatedAhead(inputs: readonly RelatedInput[]): Promise<Map<string, string[]> | undefined> {
  const slot = slots[SLOT];
  if (!slot) return undefined;
  const answer = await slot.answer;
  slot.outcome = !answer ? 'failed' : answer.digest === relatedInputsDigest(inputs) ? 'used' : 'stale';
  return slot.outcome === 'used' ? new Map(answer!.related) : undefined;
}

/** What the catalog did with the offered answer; undefined when none was offered or it was not asked for. */
export function relatedAheadOutcome(): RelatedAheadOutcome | undefined {
  return slots[SLOT]?.outcome;
}
