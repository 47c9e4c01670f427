/**
 * Feed items from papers, shared by every feed. Readers treat an item's
 * description as HTML, so the abstract is HTML-escaped here first: the reader
 * then shows exactly the original text, markup characters and all.
 */
import { escapeUTF8 } from 'entities';
import type { PaperView } from '../../data/catalog.ts';
import { routes } from '../site/routes.ts';

/** One feed item, in @astrojs/rss's shape. */
export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
  customData?: string;
}

/** Escapes text so an HTML reader displays it verbatim. */
export function escapeHtml(text: string): string {
  return escapeUTF8(text);
}

/**
 * Makes feed items. The date is midnight UTC of the first day listed; items
 * of one day are ordered by rank (the caller passes papers newest-first).
 */
export function feedItems(papers: readonly PaperView[], absolute: (path: string) => string): FeedItem[] {
  return papers.map((paper) => ({
    title: paper.data.title,
    link: absolute(routes.paper(paper.slug)),
    pubDate: new Date(`${paper.data.firstSeen}T00:00:00Z`),
    description: `<p>${escapeHtml(paper.data.abstract)}</p>`,
    categories: paper.topics.map((t) => t.topic.name),
  }));
}
