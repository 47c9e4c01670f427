/**
 * `/og/<slug>.png` in `npm run dev`: the 1200×630 preview image of a paper.
 * A build does not render these through Astro: the build hand-off
 * (build-handoff.json.ts) draws missing ones into the cache, and the
 * finishing step links the cached files into the output, which is much
 * faster than passing 10k images through Astro's page writer.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog, type PaperView } from '../../data/catalog.ts';
import { previewCardFor } from '../../data/preview.ts';
import { previewPng } from '../../lib/io/previewCache.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  if (!import.meta.env.DEV) return [];
  const { papers } = await getCatalog();
  return papers.map((paper) => ({ params: { slug: paper.slug }, props: { paper } }));
};

export const GET: APIRoute = async ({ props }) => {
  const png = await previewPng(previewCardFor((props as { paper: PaperView }).paper));
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
