/** What a paper's preview image shows: one definition for the dev route and the build hand-off. */
import type { PreviewCard } from '../lib/og/previewCard.ts';
import { formatDay } from '../lib/text/format.ts';
import type { PaperView } from './catalog.ts';
import { site } from './site.ts';

export function previewCardFor(paper: PaperView): PreviewCard {
  return {
    title: paper.data.title,
    topics: paper.topics.map((t) => t.topic.name),
    date: formatDay(paper.data.firstSeen),
    siteTitle: site.title,
  };
}
