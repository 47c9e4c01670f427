/**
 * Builders for parsed listings, so pure-stage tests state only what matters.
 */
import type { Listing, PaperMetadata } from '../../src/lib/listing/schema.ts';

/** A paper as a test writes it: a title and, optionally, an abstract and what a JSON listing says of it. */
export type PaperInput = string | { title: string; abstract?: string; paper?: PaperMetadata };

/** Builds a parsed listing for `date` with papers in rank order (a JSON listing when any paper has metadata). */
export function makeListing(date: string, papers: readonly PaperInput[]): Listing {
  const json = papers.some((p) => typeof p !== 'string' && p.paper);
  return {
    date,
    file: `content/listings/${date}.${json ? 'json' : 'txt'}`,
    entries: papers.map((p, i) => {
      const { title, abstract, paper } = typeof p === 'string' ? { title: p, abstract: undefined, paper: undefined } : p;
      return {
        rank: i + 1,
        title,
        abstract: abstract ?? `An abstract about ${title}.`,
        ...(json ? { titleLine: 1, abstractLine: 1, jsonPath: `[${i}]` } : { titleLine: 11 + 4 * i, abstractLine: 13 + 4 * i }),
        ...(paper ? { paper } : {}),
      };
    }),
  };
}
