/** `/atom.xml`: the site feed as Atom 1.0, the same entries as `/rss.xml`. */
import type { APIRoute } from 'astro';
import { getCatalog } from '../data/catalog.ts';
import { absolute, site } from '../data/site.ts';
import { renderAtom } from '../lib/feeds/atom.ts';
import { siteChannel } from '../lib/feeds/channels.ts';
import { feedEntries } from '../lib/feeds/items.ts';
import { feedResponse } from '../lib/feeds/response.ts';
import { FEED_FORMATS } from '../lib/feeds/siteFeeds.ts';
import { routes } from '../lib/site/routes.ts';

export const GET: APIRoute = async () => {
  const { papers } = await getCatalog();
  const entries = feedEntries(papers, site.feedItems, absolute);
  return feedResponse(renderAtom(siteChannel(site, routes.atom(), entries, absolute), entries), FEED_FORMATS.atom.mediaType);
};
