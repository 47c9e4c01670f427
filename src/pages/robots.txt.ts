/** `/robots.txt`: allow everything, point to the sitemap. */
import type { APIRoute } from 'astro';
import { absolute } from '../data/site.ts';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absolute('sitemap-index.xml')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
