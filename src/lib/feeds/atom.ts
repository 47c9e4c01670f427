/**
 * Atom 1.0 through the `feed` library.
 */
import { Feed } from 'feed';
import { escapeHtml } from './escape.ts';
import type { FeedChannel, FeedEntry } from './items.ts';

/** Atom needs a feed date even when empty: a fixed one, never the clock. */
const EPOCH = new Date(0);

/**
 * The `feed` library copies attribute values unescaped apart from `&` and
 * `"`; a `<` would make the document ill-formed. Topic names come from
 * content/topics.yaml, so say there what to fix.
 */
function checkCategory(name: string): string {
  if (name.includes('<')) throw new Error(`atom: the topic name "${name}" contains "<", which the Atom feed cannot carry: rename the topic in content/topics.yaml`);
  return name;
}

/** Renders an Atom 1.0 feed; entry ids are the papers' permanent URLs. */
export function renderAtom(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const feed = new Feed({
    id: channel.home,
    title: channel.title,
    description: channel.description,
    link: channel.home,
    feed: channel.self,
    language: channel.language,
    updated: channel.updated ?? EPOCH,
    // Atom requires an author on the feed when entries carry none.
    author: { name: channel.title, link: channel.home },
    generator: false,
  });
  for (const entry of entries) {
    feed.addItem({
      id: entry.id,
      link: entry.link,
      // `feed` writes both as `type="html"`: escaped, a reader shows exactly the text.
      title: escapeHtml(entry.title),
      description: escapeHtml(entry.abstract),
      date: entry.date,
      published: entry.date,
      category: entry.categories.map((name) => ({ term: checkCategory(name) })),
      // Atom's author name is text: the library escapes it.
      ...(entry.authors.length > 0 ? { author: entry.authors.map((name) => ({ name })) } : {}),
    });
  }
  return `${feed.atom1()}\n`;
}
