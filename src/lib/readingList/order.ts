/**
 * The order /saved/ lists papers in (its own module, so the script of
 * ordinary pages does not carry it).
 */
import type { SavedPaper } from './list.ts';

/** Newest first: by the day first listed, then the latest saved; the slug settles ties so the order is stable. */
export function newestFirst(papers: readonly SavedPaper[]): SavedPaper[] {
  return [...papers].sort((a, b) => (a.day !== b.day ? (a.day < b.day ? 1 : -1) : b.saved - a.saved || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)));
}
