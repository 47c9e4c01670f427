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
 * the client keeps Pagefind's relevance order.
 */
import { gunzipSync } from 'node:zlib';

/** The file's name inside the Pagefind bundle folder. */
export const NEWEST_FIRST_FILE = 'newest-first.json';

/** What the file holds: `[day, fragment ids first listed that day]`, newest day first. */
export type NewestFirst = [day: string, ids: string[]][];

/** Pagefind's marker before an uncompressed payload. */
const SIGNATURE = 'pagefind_dcd';

/** A fragment file's JSON (`fragment/<id>.pf_fragment`: gzip of the signature and the JSON). */
export function readFragment(bytes: Uint8Array): { url: string; filters: Record<string, string[]> } {
  const raw = gunzipSync(bytes);
  if (raw.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) throw new Error('not a Pagefind fragment (signature missing)');
  return JSON.parse(raw.subarray(SIGNATURE.length).toString('utf8')) as { url: string; filters: Record<string, string[]> };
}

/**
 * The newest-first file for a bundle's fragments, keyed by id (the fragment
 * file's name without `.pf_fragment`). Deterministic: days and ids sorted.
 */
export function newestFirst(fragments: Iterable<readonly [id: string, fragment: { url: string; filters: Record<string, string[]> }]>): string {
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
