/** `/topics/<topic>/rss.xml`: one topic's papers as RSS 2.0, newest first. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog, type TopicView } from '../../../data/catalog.ts';
import { absolute, site } from '../../../data/site.ts';
import { topicChannel } from '../../../lib/feeds/channels.ts';
import { feedEntries } from '../../../lib/feeds/items.ts';
import { feedResponse } from '../../../lib/feeds/response.ts';
import { renderRss } from '../../../lib/feeds/rss.ts';
import { FEED_FORMATS } from '../../../lib/feeds/siteFeeds.ts';

export const getStaticPaths = (async () => {
  const { topics } = await getCatalog();
  return topics.map((view) => ({ params: { topic: view.topic.slug }, props: { view } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ view: TopicView }> = async ({ props }) => {
  const { topic, papers } = props.view;
  const entries = feedEntries(papers, site.feedItems, absolute);
  return feedResponse(await renderRss(topicChannel(site, topic, entries, absolute), entries), FEED_FORMATS.rss.mediaType);
};
