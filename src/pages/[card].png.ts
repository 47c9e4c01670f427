/**
 * `/og.png` under `npm run dev`: the site card, the preview image of pages
 * without one of their own (src/lib/site/routes.ts, siteOgImage). A build
 * links it from the image cache instead, so the route has no pages then.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { buildDataFile, readBuildData } from '../lib/buildData/file.ts';
import { previewPng } from '../lib/io/previewCache.ts';
import { routes } from '../lib/site/routes.ts';

export const getStaticPaths: GetStaticPaths = () => (import.meta.env.DEV ? [{ params: { card: routes.siteOgImage().replace(/\.png$/, '') } }] : []);

export const GET: APIRoute = async () => new Response(await previewPng(readBuildData(buildDataFile()).siteCard), { headers: { 'Content-Type': 'image/png' } });
