/**
 * The format-neutral feed model: one entry per paper and the channel that
 * holds them. Every feed (RSS, Atom, JSON Feed, per topic) is rendered from
 * these, so all formats agree on ids, links, dates, titles and order.
 */
import type { PaperView } from '../catalog/catalog.ts';
import { routes } from '../site/routes.ts';

/** One paper as every feed format sees it. Text fields are raw (unescaped). */
export interface FeedEntry {
  /** The paper's permanent absolute URL: guid, Atom id and JSON Feed id. */
  id: string;
  /** Link to the paper page (the same permanent URL). */
  link: string;
  /** Title, plain text. */
  title: string;
  /** Abstract, plain text. */
  abstract: string;
  /** Midnight UTC of the first day the paper was listed. */
  date: Date;
  /** Topic names, strongest first. */
  categories: string[];
  /** Author names, plain text, in the paper's order (none when the listing gave none). */
  authors: string[];
  /** The item's content as HTML, already escaped, when it is more than the abstract (the weekly digest). */
  contentHtml?: string;
}

/** A feed: its own metadata plus where it lives. URLs are absolute. */
export interface FeedChannel {
  title: string;
  description: string;
  /** The page the feed belongs to (home page or topic page). */
  home: string;
  /** The feed's own URL. */
  self: string;
  /** BCP 47 language tag. */
  language: string;
  /** Newest entry date, from the data: never the build clock. */
  updated: Date | undefined;
}

/** Midnight UTC of an ISO day (`2025-03-11`). */
export function dayStart(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/**
 * Makes the entries of a feed from papers already ordered newest first (by
 * first day listed, then rank that day: see `compareNewest`), keeping at
 * most `limit`. Entries of one day keep that rank order.
 */
export function feedEntries(papers: readonly PaperView[], limit: number, absolute: (path: string) => string): FeedEntry[] {
  return papers.slice(0, limit).map((paper) => {
    const permalink = absolute(routes.paper(paper.slug));
    return {
      id: permalink,
      link: permalink,
      title: paper.data.title,
      abstract: paper.data.abstract,
      date: dayStart(paper.data.firstSeen),
      categories: paper.topics.map((t) => t.topic.name),
      authors: paper.data.authors ?? [],
    };
  });
}

/** The newest entry date, or `undefined` for an empty feed. */
export function newestDate(entries: readonly FeedEntry[]): Date | undefined {
  let newest: Date | undefined;
  for (const entry of entries) if (!newest || entry.date > newest) newest = entry.date;
  return newest;
}
