/**
 * `/rss.xml`: the site feed (RSS 2.0), newest papers first. Item guids are
 * the papers' permanent URLs and dates are the days first listed, so a
 * rebuild never re-notifies a reader.
 */
import type { APIRoute } from 'astro';
import { getCatalog } from '../data/catalog.ts';
import { absolute, site } from '../data/site.ts';
import { siteChannel } from '../lib/feeds/channels.ts';
import { feedEntries } from '../lib/feeds/items.ts';
import { feedResponse } from '../lib/feeds/response.ts';
import { renderRss } from '../lib/feeds/rss.ts';
import { FEED_FORMATS } from '../lib/feeds/siteFeeds.ts';
import { routes } from '../lib/site/routes.ts';

export const GET: APIRoute = async () => {
  const { papers } = await getCatalog();
  const entries = feedEntries(papers, site.feedItems, absolute);
  return feedResponse(await renderRss(siteChannel(site, routes.rss(), entries, absolute), entries), FEED_FORMATS.rss.mediaType);
};
