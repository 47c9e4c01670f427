/**
 * Builders for parsed listings, so pure-stage tests state only what matters.
 */
import type { Listing } from '../../src/lib/listing/schema.ts';

/** A paper as a test writes it: a title and, optionally, an abstract. */
export type PaperInput = string | { title: string; abstract?: string };

/** Builds a parsed listing for `date` with papers in rank order. */
export function makeListing(date: string, papers: readonly PaperInput[]): Listing {
  return {
    date,
    file: `content/listings/${date}.txt`,
    entries: papers.map((p, i) => {
      const { title, abstract } = typeof p === 'string' ? { title: p, abstract: undefined } : p;
      return { rank: i + 1, title, abstract: abstract ?? `An abstract about ${title}.`, titleLine: 11 + 4 * i, abstractLine: 13 + 4 * i };
    }),
  };
}
