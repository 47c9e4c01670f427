/**
 * The search page's "newest first" order, as a file beside the Pagefind
 * bundle instead of a Pagefind sort key. A sort key puts a permutation of
 * every page into Pagefind's metadata, which every search downloads
 * (26 kB of 95 kB at 10k papers); this file is fetched only when a reader
 * sorts by date.
 *
 * It is made from the bundle itself, so its ids are the ones the bundle's
 * results carry: each fragment's id and the first of its `day` filter values
 * (the day the paper was first listed). Days are newest first; within a day
 * the client keeps Pagefind's relevance order (`byNewest`). No Node modules
 * here: the search page's client imports it.
 */

/** The file's name inside the Pagefind bundle folder. */
export const NEWEST_FIRST_FILE = 'newest-first.json';

/** What the file holds: `[day, fragment ids first listed that day]`, newest day first. */
export type NewestFirst = [day: string, ids: string[]][];

/** What the order needs of a Pagefind fragment. */
export interface FragmentDays {
  url: string;
  filters: Record<string, string[]>;
}

/**
 * The newest-first file for a bundle's fragments, keyed by id (the fragment
 * file's name without `.pf_fragment`). Deterministic: days and ids sorted.
 */
export function newestFirst(fragments: Iterable<readonly [id: string, fragment: FragmentDays]>): string {
  const byDay = new Map<string, string[]>();
  for (const [id, fragment] of fragments) {
    const days = fragment.filters.day ?? [];
    if (days.length === 0) throw new Error(`search index: ${fragment.url} has no day filter, so it has no place in the newest-first order`);
    const first = days.reduce((a, b) => (b < a ? b : a));
    let ids = byDay.get(first);
    if (!ids) byDay.set(first, (ids = []));
    ids.push(id);
  }
  const order: NewestFirst = [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([day, ids]) => [day, ids.sort()]);
  return JSON.stringify(order);
}

/**
 * Orders search results newest first by the day each was first listed,
 * keeping their given (relevance) order within a day. A result the order does
 * not know, as from a newer index than a cached order, goes last.
 */
export function byNewest<T extends { id: string }>(results: readonly T[], order: NewestFirst): T[] {
  const dayOf = new Map<string, number>();
  order.forEach(([, ids], day) => {
    for (const id of ids) dayOf.set(id, day);
  });
  const rank = (r: T) => dayOf.get(r.id) ?? order.length;
  return results.map((r, i) => ({ r, i, day: rank(r) })).sort((a, b) => a.day - b.day || a.i - b.i).map(({ r }) => r);
}
