/**
 * `build-handoff.json`: the data the steps after Astro need (see
 * src/lib/build/handoff.ts). Never published: the finishing step reads and
 * removes it. Preview images are drawn afterwards, outside Astro's process.
 */
import type { APIRoute } from 'astro';
import { getCatalog } from '../data/catalog.ts';
import { previewCardFor } from '../data/preview.ts';
import { type Handoff, offerHandoff } from '../lib/build/handoff.ts';
import { previewFileFor } from '../lib/io/previewCache.ts';

export const GET: APIRoute = async () => {
  const { papers } = await getCatalog();
  const handoff: Handoff = { papers: [] };
  for (const paper of papers) {
    const card = previewCardFor(paper);
    handoff.papers.push({
      slug: paper.slug,
      title: paper.data.title,
      abstract: paper.data.abstract,
      firstSeen: paper.data.firstSeen,
      days: paper.data.listings.map((l) => l.date),
      topics: paper.topics.map((t) => t.topic.slug),
      hasNotes: Boolean(paper.entry.body?.trim()),
      preview: { card, file: previewFileFor(card) },
    });
  }
  offerHandoff(handoff);
  return new Response(JSON.stringify(handoff), { headers: { 'Content-Type': 'application/json' } });
};
