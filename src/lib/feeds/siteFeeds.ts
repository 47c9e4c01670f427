/**
 * Every feed the site publishes, with titles and URLs: the one list the
 * subscribe page, the OPML bundle and autodiscovery agree on.
 */
import type { Topic } from '../topics/schema.ts';
import { routes } from '../site/routes.ts';

/** A feed format, with the media type autodiscovery and OPML announce. */
export const FEED_FORMATS = {
  rss: { label: 'RSS', mediaType: 'application/rss+xml' },
  atom: { label: 'Atom', mediaType: 'application/atom+xml' },
  json: { label: 'JSON Feed', mediaType: 'application/feed+json' },
} as const;
export type FeedFormat = keyof typeof FEED_FORMATS;

/** One published feed. */
export interface PublishedFeed {
  /** Display name, e.g. `Trending Papers: Vision (RSS)`. */
  title: string;
  format: FeedFormat;
  /** Route path of the feed (relative to the base). */
  path: string;
  /** Absolute URL of the feed. */
  url: string;
  /** Absolute URL of the page the feed follows. */
  home: string;
  description: string;
}

/** A topic's feed, with how many papers the topic has. */
export interface TopicFeed extends PublishedFeed {
  topic: Topic;
  papers: number;
}

/** The site's feeds: whole-site feeds in three formats, the weekly digest, then one RSS feed per topic. */
export interface FeedDirectory {
  site: PublishedFeed[];
  weekly: PublishedFeed;
  topics: TopicFeed[];
}

/** Names a feed: `<site>: <topic> (RSS)` or `<site> (Atom)`. */
export function feedTitle(siteTitle: string, format: FeedFormat, topicName?: string): string {
  return `${topicName ? `${siteTitle}: ${topicName}` : siteTitle} (${FEED_FORMATS[format].label})`;
}

/** The whole-site feeds, in the three formats. */
export function siteFeeds(site: { title: string; description: string }, absolute: (path: string) => string): PublishedFeed[] {
  const home = absolute(routes.home());
  const feed = (format: FeedFormat, path: string): PublishedFeed => ({ title: feedTitle(site.title, format), format, path, url: absolute(path), home, description: site.description });
  return [feed('rss', routes.rss()), feed('atom', routes.atom()), feed('json', routes.jsonFeed())];
}

/** The weekly digest feed (RSS): one item per finished week. */
export function weeklyFeed(site: { title: string }, absolute: (path: string) => string): PublishedFeed {
  return {
    title: `${site.title}: weekly digest (RSS)`,
    format: 'rss',
    path: routes.weeklyFeed(),
    url: absolute(routes.weeklyFeed()),
    home: absolute(routes.days()),
    description: `The most trending papers of each finished week on ${site.title}.`,
  };
}

/** A topic's feed (RSS). */
export function topicFeed(site: { title: string }, topic: Topic, papers: number, absolute: (path: string) => string): TopicFeed {
  return {
    title: feedTitle(site.title, 'rss', topic.name),
    format: 'rss',
    path: routes.topicFeed(topic.slug),
    url: absolute(routes.topicFeed(topic.slug)),
    home: absolute(routes.topic(topic.slug)),
    description: topic.description,
    topic,
    papers,
  };
}

/** Lists every feed of the site, topics in taxonomy order. */
export function listFeeds(
  site: { title: string; description: string },
  topics: readonly { topic: Topic; papers: readonly unknown[] }[],
  absolute: (path: string) => string,
): FeedDirectory {
  return {
    site: siteFeeds(site, absolute),
    weekly: weeklyFeed(site, absolute),
    topics: topics.map(({ topic, papers }) => topicFeed(site, topic, papers.length, absolute)),
  };
}
