/**
 * `/og/<slug>.png` under `npm run dev`: the 1200×630 preview image of a
 * paper, drawn on request. A build does not render these through Astro:
 * its preview step draws the missing ones into the image cache and links
 * them into the output (src/lib/build/previewImages.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog, type PaperView } from '../../data/catalog.ts';
import { previewPng } from '../../lib/io/previewCache.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  if (!import.meta.env.DEV) return [];
  const { papers } = await getCatalog();
  return papers.map((paper) => ({ params: { slug: paper.slug }, props: { paper } }));
};

export const GET: APIRoute = async ({ props }) => {
  const png = await previewPng((props as { paper: PaperView }).paper.card);
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
