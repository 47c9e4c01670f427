/**
 * The site's one order of papers, newest first: by the day a paper was first
 * listed, then by its rank that day, then by slug. Pages, feeds and the
 * related-papers worker all sort with it, so they agree on every tie.
 */
import type { PaperFrontmatter } from './schema.ts';

/** What the order reads of a paper. */
export interface Orderable {
  slug: string;
  data: Pick<PaperFrontmatter, 'firstSeen' | 'listings'>;
}

/** Orders papers newest first, ties by rank on their first day, then slug. */
export function compareNewest(a: Orderable, b: Orderable): number {
  return (
    b.data.firstSeen.localeCompare(a.data.firstSeen) ||
    a.data.listings[0]!.rank - b.data.listings[0]!.rank ||
    a.slug.localeCompare(b.slug)
  );
}
