/**
 * RSS 2.0 through @astrojs/rss: the site feed and every topic feed.
 */
import { getRssString } from '@astrojs/rss';
import { decodeHTML } from 'entities';
import { escapeHtml, escapeXml } from './escape.ts';
import type { FeedChannel, FeedEntry } from './items.ts';

const ATOM_NS = 'http://www.w3.org/2005/Atom';
const DC_NS = 'http://purl.org/dc/elements/1.1/';

/**
 * Channel elements @astrojs/rss has no option for, as the XML fragment its
 * `customData` takes (it re-parses and re-serializes the fragment). Values
 * come from the site config and the data, escaped all the same.
 */
function channelExtras(channel: FeedChannel): string {
  return [
    `<language>${escapeXml(channel.language)}</language>`,
    channel.updated ? `<lastBuildDate>${channel.updated.toUTCString()}</lastBuildDate>` : '',
    `<atom:link href="${escapeXml(channel.self)}" rel="self" type="application/rss+xml"/>`,
  ].join('');
}

/** Whether an HTML reader would show `text` unchanged: no tag and no character reference in it. */
export function isHtmlInvariant(text: string): boolean {
  return !/<[A-Za-z/!?]/.test(text) && decodeHTML(text) === text;
}

/**
 * The RSS title of a paper. RSS does not say whether a title is text or
 * HTML, and readers differ: feedparser and SimplePie guess (HTML when it has
 * a close tag or an entity), newsboat takes plain text. A title an HTML
 * reader would show unchanged (`Q&A: x < 5`) goes as plain text, right in
 * both; any other title (`</b>`, `&amp;`) is HTML-escaped, so the guessing
 * readers show it exactly (newsboat then shows the entities).
 */
export function rssTitle(title: string): string {
  return isHtmlInvariant(title) ? title : escapeHtml(title);
}

/**
 * An item's authors as `dc:creator` elements, one per author (RSS's own
 * `author` must be an e-mail address). Readers take a creator as plain text
 * (feedparser, newsboat), so a name is only XML-escaped: `<b>` in a name
 * reaches the reader as those three characters.
 */
function creators(authors: readonly string[]): string {
  return authors.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`).join('');
}

/**
 * Renders an RSS 2.0 feed. Readers parse the description as HTML, so the
 * abstract is HTML-escaped here (and XML-escaped by the library): the
 * reader shows exactly the text. The guid is the link, the paper's
 * permanent URL (`isPermaLink="true"`); authors are `dc:creator`s.
 */
export function renderRss(channel: FeedChannel, entries: readonly FeedEntry[]): Promise<string> {
  return getRssString({
    title: channel.title,
    description: channel.description,
    site: channel.home,
    xmlns: { atom: ATOM_NS, dc: DC_NS },
    customData: channelExtras(channel),
    trailingSlash: true,
    items: entries.map((entry) => ({
      title: rssTitle(entry.title),
      link: entry.link,
      pubDate: entry.date,
      description: entry.contentHtml ?? `<p>${escapeHtml(entry.abstract)}</p>`,
      categories: entry.categories,
      ...(entry.authors.length > 0 ? { customData: creators(entry.authors) } : {}),
    })),
  });
}
