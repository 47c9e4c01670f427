/** Test helper: papers as the pages and the build steps see them (PaperView), with defaults for what a test leaves out. */
import type { PaperView } from '../../src/lib/catalog/catalog.ts';
import type { Topic } from '../../src/lib/topics/schema.ts';

/** A topic for tests. */
export function topic(slug: string, name: string): Topic {
  return { slug, name, description: `About ${name}.`, keywords: ['word'] };
}

/** What a test may set of a paper. */
export interface PaperSpec {
  slug: string;
  title?: string;
  abstract?: string;
  firstSeen?: string;
  /** Days listed with rank; default: its first day at rank 1. */
  listings?: { date: string; rank: number }[];
  topics?: Topic[];
  notes?: boolean;
}

/** A paper view with consistent data, topics and card. */
export function paperView(spec: PaperSpec): PaperView {
  const firstSeen = spec.firstSeen ?? spec.listings?.[0]?.date ?? '2025-03-11';
  const topics = spec.topics ?? [topic('machine-learning', 'General Machine Learning')];
  const title = spec.title ?? `Paper ${spec.slug}`;
  return {
    slug: spec.slug,
    data: {
      title,
      abstract: spec.abstract ?? `Abstract of ${spec.slug}.`,
      firstSeen,
      listings: spec.listings ?? [{ date: firstSeen, rank: 1 }],
      topics: topics.map((t) => ({ topic: t.slug, rule: 'word', field: 'title' as const })),
    },
    digest: `digest-of-${spec.slug}`,
    ...(spec.notes ? { notes: { file: `content/papers/${spec.slug}.mdx`, digest: `notes-of-${spec.slug}` } } : {}),
    related: [],
    card: { title, topics: topics.map((t) => t.name), date: firstSeen, siteTitle: 'Trending Papers' },
    topics: topics.map((t) => ({ topic: t, match: { topic: t.slug, rule: 'word', field: 'title' as const } })),
  };
}
