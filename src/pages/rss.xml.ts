/**
 * `/rss.xml`: the site feed (RSS 2.0), newest papers first. Item guids are
 * the papers' permanent URLs and dates are the days first listed, so a
 * rebuild never re-notifies a reader.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCatalog } from '../data/catalog.ts';
import { absolute, site } from '../data/site.ts';
import { feedItems } from '../lib/feeds/items.ts';

export const GET: APIRoute = async () => {
  const { papers } = await getCatalog();
  return rss({
    title: site.title,
    description: site.description,
    site: absolute(''),
    items: feedItems(papers.slice(0, site.feedItems), absolute),
    customData: `<language>${site.language}</language>`,
    trailingSlash: true,
  });
};
