/**
 * Merge parsed listings into distinct papers: a title seen on several days is
 * one paper that remembers the first day it was seen and its rank each day.
 */
import type { Listing } from '../listing/schema.ts';

/** One day a paper was listed, and where. */
export interface Appearance {
  date: string;
  rank: number;
}

/** A paper across all listings, before topics and slugs are known. */
export interface MergedPaper {
  /** Identity: the cleaned title, exactly (case and punctuation count). */
  key: string;
  title: string;
  /** The abstract as first seen: later days never rewrite a published item. */
  abstract: string;
  firstSeen: string;
  /** Every day it was listed, oldest first. */
  appearances: Appearance[];
  /** Where it was first seen, for messages. */
  source: { file: string; line: number };
}

/**
 * Merges listings (any order) into papers ordered by first day seen, then by
 * rank that day, so the order never depends on file-system order.
 */
export function mergeListings(listings: readonly Listing[]): MergedPaper[] {
  const byKey = new Map<string, MergedPaper>();
  const ordered = [...listings].sort((a, b) => a.date.localeCompare(b.date));
  for (const listing of ordered) {
    for (const entry of listing.entries) {
      const existing = byKey.get(entry.title);
      if (existing) {
        existing.appearances.push({ date: listing.date, rank: entry.rank });
        continue;
      }
      byKey.set(entry.title, {
        key: entry.title,
        title: entry.title,
        abstract: entry.abstract,
        firstSeen: listing.date,
        appearances: [{ date: listing.date, rank: entry.rank }],
        source: { file: listing.file, line: entry.titleLine },
      });
    }
  }
  return [...byKey.values()].sort(
    (a, b) => a.firstSeen.localeCompare(b.firstSeen) || a.appearances[0]!.rank - b.appearances[0]!.rank,
  );
}
