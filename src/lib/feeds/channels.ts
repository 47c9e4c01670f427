/**
 * The channel (feed-level metadata) of the site feeds and of a topic feed.
 * Titles match `listFeeds`, dates come from the entries.
 */
import { routes } from '../site/routes.ts';
import type { Topic } from '../topics/schema.ts';
import { newestDate, type FeedChannel, type FeedEntry } from './items.ts';

/** What a channel needs from the site configuration. */
export interface ChannelSite {
  title: string;
  description: string;
  language: string;
}

/** The channel of a whole-site feed published at `selfPath`. */
export function siteChannel(site: ChannelSite, selfPath: string, entries: readonly FeedEntry[], absolute: (path: string) => string): FeedChannel {
  return {
    title: site.title,
    description: site.description,
    home: absolute(routes.home()),
    self: absolute(selfPath),
    language: site.language,
    updated: newestDate(entries),
  };
}

/** The channel of a topic's feed. */
export function topicChannel(site: ChannelSite, topic: Topic, entries: readonly FeedEntry[], absolute: (path: string) => string): FeedChannel {
  return {
    title: `${site.title}: ${topic.name}`,
    description: topic.description,
    home: absolute(routes.topic(topic.slug)),
    self: absolute(routes.topicFeed(topic.slug)),
    language: site.language,
    updated: newestDate(entries),
  };
}

/** The channel of the weekly digest feed. */
export function weeklyChannel(site: ChannelSite, entries: readonly FeedEntry[], absolute: (path: string) => string): FeedChannel {
  return {
    title: `${site.title}: weekly digest`,
    description: `The most trending papers of each finished week on ${site.title}.`,
    home: absolute(routes.days()),
    self: absolute(routes.weeklyFeed()),
    language: site.language,
    updated: newestDate(entries),
  };
}
