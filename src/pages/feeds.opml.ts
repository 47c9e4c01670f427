/** `/feeds.opml`: every feed of the site in one subscription list. */
import type { APIRoute } from 'astro';
import { getCatalog } from '../data/catalog.ts';
import { absolute, site } from '../data/site.ts';
import { dayStart } from '../lib/feeds/items.ts';
import { renderOpml } from '../lib/feeds/opml.ts';
import { feedResponse } from '../lib/feeds/response.ts';
import { listFeeds } from '../lib/feeds/siteFeeds.ts';

export const GET: APIRoute = async () => {
  const { papers, topics } = await getCatalog();
  const feeds = listFeeds(site, topics, absolute);
  const newest = papers[0];
  const body = renderOpml({
    title: `${site.title}: every feed`,
    ...(newest ? { dateModified: dayStart(newest.data.firstSeen) } : {}),
    // Each feed once: the site's papers as RSS only (the Atom and JSON Feed twins would show every paper three times).
    groups: [
      { text: site.title, feeds: [...feeds.site.filter((feed) => feed.format === 'rss'), feeds.weekly] },
      { text: `${site.title}: topics`, feeds: feeds.topics },
    ],
  });
  return feedResponse(body, 'text/x-opml');
};
