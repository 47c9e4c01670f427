/**
 * Every URL of the site, in one place. These paths are a public contract:
 * change them and links out there break. Paths here are relative to the
 * site's base; `withBase` and `absoluteUrl` finish them.
 */

/** Route builders, relative to the base path (no leading slash). */
export const routes = {
  home: () => '',
  paper: (slug: string) => `papers/${slug}/`,
  topics: () => 'topics/',
  topic: (slug: string) => `topics/${slug}/`,
  topicFeed: (slug: string) => `topics/${slug}/rss.xml`,
  days: () => 'days/',
  day: (date: string) => `days/${date}/`,
  search: () => 'search/',
  subscribe: () => 'subscribe/',
  rss: () => 'rss.xml',
  atom: () => 'atom.xml',
  jsonFeed: () => 'feed.json',
  opml: () => 'feeds.opml',
  ogImage: (slug: string) => `og/${slug}.png`,
} as const;

/** Joins a base path (`/` or `/sub/`) and a route path. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `${b}${path.replace(/^\/+/, '')}`;
}

/** Makes an absolute URL from the site origin, base path and route path. */
export function absoluteUrl(site: string, base: string, path: string): string {
  return new URL(withBase(base, path), `${site.replace(/\/+$/, '')}/`).href;
}
