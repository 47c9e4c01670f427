/**
 * `/og/<slug>.png` under `npm run dev`: a paper's preview image, drawn on
 * request. A build does not render these through Astro: its preview step
 * draws the missing ones into the image cache and links them into the
 * output (src/lib/build/previewImages.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../data/catalog.ts';
import type { PreviewCard } from '../../lib/og/card.ts';
import { previewPng } from '../../lib/io/previewCache.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  if (!import.meta.env.DEV) return [];
  const { papers } = await getCatalog();
  return papers.flatMap((paper) => (paper.card ? [{ params: { slug: paper.slug }, props: { card: paper.card } }] : []));
};

export const GET: APIRoute = async ({ props }) => new Response(await previewPng((props as { card: PreviewCard }).card), { headers: { 'Content-Type': 'image/png' } });
