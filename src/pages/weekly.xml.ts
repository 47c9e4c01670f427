/**
 * `/weekly.xml`: the weekly digest (RSS 2.0), one item per finished week
 * with its top papers as links (src/lib/feeds/weekly.ts).
 */
import type { APIRoute } from 'astro';
import { getCatalog } from '../data/catalog.ts';
import { absolute, site } from '../data/site.ts';
import { weeklyChannel } from '../lib/feeds/channels.ts';
import { feedResponse } from '../lib/feeds/response.ts';
import { renderRss } from '../lib/feeds/rss.ts';
import { FEED_FORMATS } from '../lib/feeds/siteFeeds.ts';
import { weeklyEntries } from '../lib/feeds/weekly.ts';

export const GET: APIRoute = async () => {
  const { weeks } = await getCatalog();
  const entries = weeklyEntries(weeks, absolute);
  return feedResponse(await renderRss(weeklyChannel(site, entries, absolute), entries), FEED_FORMATS.rss.mediaType);
};
