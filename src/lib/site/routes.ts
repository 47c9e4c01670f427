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
  /** A topic's list of papers, newest first: page 1 at the topic's own URL, then `topics/<slug>/2/` and on. */
  topic: (slug: string, page = 1) => (page === 1 ? `topics/${slug}/` : `topics/${slug}/${page}/`),
  topicFeed: (slug: string) => `topics/${slug}/rss.xml`,
  days: () => 'days/',
  /** A week's papers, ranked (`2025-W11`); page 1 at the week's own URL, then `weeks/<week>/2/` and on. */
  week: (id: string, page = 1) => (page === 1 ? `weeks/${id}/` : `weeks/${id}/${page}/`),
  /** A month's papers, ranked (`2025-03`). */
  month: (id: string, page = 1) => (page === 1 ? `months/${id}/` : `months/${id}/${page}/`),
  day: (date: string) => `days/${date}/`,
  search: () => 'search/',
  trends: () => 'trends/',
  subscribe: () => 'subscribe/',
  /** The reader's reading list: kept in their browser, so the page is the same for everyone and filled in by its script. */
  saved: () => 'saved/',
  rss: () => 'rss.xml',
  atom: () => 'atom.xml',
  jsonFeed: () => 'feed.json',
  opml: () => 'feeds.opml',
  /** One item per finished week: its digest. */
  weeklyFeed: () => 'weekly.xml',
  ogImage: (slug: string) => `og/${slug}.png`,
  /** The preview image of every page without one of its own (outside og/, where no slug can take its name). */
  siteOgImage: () => 'og.png',
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
