/**
 * JSON Feed 1.1 through the `feed` library. The library writes the 1.0
 * shape (`version/1`, HTML content only), so its output is upgraded here to
 * 1.1: the abstract as `content_text` and `summary` (plain text, so no
 * reader parses it as HTML) and the feed's `language`.
 */
import { Feed } from 'feed';
import type { FeedChannel, FeedEntry } from './items.ts';

/** The version URL of JSON Feed 1.1. */
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** One item of a JSON Feed 1.1 document, as this site writes it. */
export interface JsonFeedItem {
  id: string;
  url?: string;
  title?: string;
  content_text?: string;
  content_html?: string;
  summary?: string;
  date_published?: string;
  date_modified?: string;
  tags?: string[];
  authors?: { name: string }[];
}

/** A JSON Feed 1.1 document, as this site writes it. */
export interface JsonFeed {
  version: string;
  title: string;
  home_page_url?: string;
  feed_url?: string;
  description?: string;
  language?: string;
  items: JsonFeedItem[];
}

/** Upgrades the library's JSON Feed 1.0 document to 1.1, with the abstracts as plain text. */
export function upgradeToJsonFeed11(doc: JsonFeed, channel: FeedChannel, entries: readonly FeedEntry[]): JsonFeed {
  if (doc.items.length !== entries.length) throw new Error(`json feed: the library wrote ${doc.items.length} items for ${entries.length} entries`);
  return {
    version: JSON_FEED_VERSION,
    title: doc.title,
    ...(doc.home_page_url ? { home_page_url: doc.home_page_url } : {}),
    ...(doc.feed_url ? { feed_url: doc.feed_url } : {}),
    ...(doc.description ? { description: doc.description } : {}),
    language: channel.language,
    // Fields listed one by one: the library's HTML `content_html` is dropped.
    items: doc.items.map((item, i) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      content_text: entries[i]!.abstract,
      summary: entries[i]!.abstract,
      date_published: item.date_published,
      date_modified: item.date_modified,
      tags: item.tags,
      ...(entries[i]!.authors.length > 0 ? { authors: entries[i]!.authors.map((name) => ({ name })) } : {}),
    })),
  };
}

/** Renders a JSON Feed 1.1 document; item ids are the papers' permanent URLs. */
export function renderJsonFeed(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const feed = new Feed({
    id: channel.home,
    title: channel.title,
    description: channel.description,
    link: channel.home,
    feedLinks: { json: channel.self },
    language: channel.language,
  });
  for (const entry of entries) {
    feed.addItem({
      id: entry.id,
      link: entry.link,
      title: entry.title,
      date: entry.date,
      published: entry.date,
      category: entry.categories.map((name) => ({ name })),
    });
  }
  const doc = upgradeToJsonFeed11(JSON.parse(feed.json1()) as JsonFeed, channel, entries);
  return `${JSON.stringify(doc, null, 2)}\n`;
}
