/**
 * OPML 2.0 subscription list: every feed of the site in one file a reader
 * imports at once. All text goes through `escapeXml` (one tested escape).
 */
import { escapeXml } from './escape.ts';
import type { PublishedFeed } from './siteFeeds.ts';

/** A folder of feeds in the OPML file. */
export interface OpmlGroup {
  text: string;
  feeds: readonly PublishedFeed[];
}

/** The subscription list. */
export interface OpmlDocument {
  title: string;
  /** When the feeds last changed, from the data (never the build clock). */
  dateModified?: Date;
  groups: readonly OpmlGroup[];
}

/** Writes an element's attributes, every value escaped. */
function attributes(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');
}

/**
 * Renders OPML 2.0. Each feed is an `outline` of type `rss` (OPML's type for
 * any feed subscription) with `xmlUrl` and `htmlUrl`, grouped in folders.
 */
export function renderOpml(doc: OpmlDocument): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeXml(doc.title)}</title>`,
    ...(doc.dateModified ? [`    <dateModified>${doc.dateModified.toUTCString()}</dateModified>`] : []),
    '    <docs>http://opml.org/spec2.opml</docs>',
    '  </head>',
    '  <body>',
  ];
  for (const group of doc.groups) {
    lines.push(`    <outline${attributes({ text: group.text, title: group.text })}>`);
    for (const feed of group.feeds) {
      lines.push(
        `      <outline${attributes({ type: 'rss', text: feed.title, title: feed.title, description: feed.description, xmlUrl: feed.url, htmlUrl: feed.home })}/>`,
      );
    }
    lines.push('    </outline>');
  }
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}
