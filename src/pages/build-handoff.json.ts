/**
 * `build-handoff.json`: the data the steps after Astro need (see
 * src/lib/build/handoff.ts). Never published: the finishing step reads and
 * removes it. Rendering it also draws any preview image not yet cached.
 */
import type { APIRoute } from 'astro';
import { getCatalog } from '../data/catalog.ts';
import { previewCardFor } from '../data/preview.ts';
import type { Handoff } from '../lib/build/handoff.ts';
import { ensurePreview } from '../lib/io/previewCache.ts';

export const GET: APIRoute = async () => {
  const { papers } = await getCatalog();
  const handoff: Handoff = { papers: [] };
  for (const paper of papers) {
    handoff.papers.push({
      slug: paper.slug,
      title: paper.data.title,
      abstract: paper.data.abstract,
      firstSeen: paper.data.firstSeen,
      days: paper.data.listings.map((l) => l.date),
      topics: paper.topics.map((t) => t.topic.slug),
      hasNotes: Boolean(paper.entry.body?.trim()),
      previewFile: await ensurePreview(previewCardFor(paper)),
    });
  }
  return new Response(JSON.stringify(handoff), { headers: { 'Content-Type': 'application/json' } });
};
