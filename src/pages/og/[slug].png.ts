/** `/og/<slug>.png`: the 1200×630 preview image of each paper (cached across builds). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog, type PaperView } from '../../data/catalog.ts';
import { site } from '../../data/site.ts';
import { previewPng } from '../../lib/io/previewCache.ts';
import { formatDay } from '../../lib/text/format.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const { papers } = await getCatalog();
  return papers.map((paper) => ({ params: { slug: paper.slug }, props: { paper } }));
};

export const GET: APIRoute = async ({ props }) => {
  const { paper } = props as { paper: PaperView };
  const png = await previewPng({
    title: paper.data.title,
    topics: paper.topics.map((t) => t.topic.name),
    date: formatDay(paper.data.firstSeen),
    siteTitle: site.title,
  });
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
