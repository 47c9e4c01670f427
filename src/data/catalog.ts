/**
 * The whole site's data, loaded once per build and shared by every page:
 * papers, days, topics and related papers. Loading the collection in every
 * page is what makes big Astro sites slow, so it is memoised here.
 */
import { createHash } from 'node:crypto';
import { type CollectionEntry, getCollection } from 'astro:content';
import { contentDir } from '../lib/io/contentDir.ts';
import { projectPaths, readTaxonomy } from '../lib/io/projectFiles.ts';
import { compareNewest } from '../lib/papers/order.ts';
import { findRelated, relatedInput } from '../lib/papers/related.ts';
import { takeRelatedAhead } from '../lib/build/relatedAhead.ts';
import type { PaperFrontmatter } from '../lib/papers/schema.ts';
import type { Topic, TopicMatch } from '../lib/topics/schema.ts';
import { site } from './site.ts';

/** A paper as pages see it. */
export interface PaperView {
  slug: string;
  data: PaperFrontmatter;
  entry: CollectionEntry<'papers'>;
  /** Its topics, strongest first, with the rule that matched. */
  topics: { topic: Topic; match: TopicMatch }[];
}

/** One listing day. */
export interface DayView {
  date: string;
  /** Papers in trending order. */
  entries: { paper: PaperView; rank: number }[];
}

/** One topic with its papers, newest first. */
export interface TopicView {
  topic: Topic;
  papers: PaperView[];
}

/** Everything the pages need. */
export interface Catalog {
  /** Newest first: by first day listed, then by rank that day. */
  papers: PaperView[];
  bySlug: Map<string, PaperView>;
  /** Newest day first. */
  days: DayView[];
  /** In taxonomy order; topics with no paper included. */
  topics: TopicView[];
  related: Map<string, PaperView[]>;
  /** Previous and next paper on the day each paper was first listed. */
  neighbours: Map<string, { prev?: PaperView; next?: PaperView }>;
}

/** Builds the catalog from the collection and the taxonomy. */
async function loadCatalog(): Promise<Catalog> {
  const taxonomy = readTaxonomy(projectPaths(process.cwd(), contentDir()));
  const topicBySlug = new Map(taxonomy.topics.map((t) => [t.slug, t]));
  const entries = await getCollection('papers');
  const papers: PaperView[] = entries.map((entry) => ({
    slug: entry.id,
    data: entry.data,
    entry,
    topics: entry.data.topics.flatMap((match) => {
      const topic = topicBySlug.get(match.topic);
      // A topic removed from the taxonomy since generation simply stops showing.
      return topic ? [{ topic, match }] : [];
    }),
  }));
  papers.sort(compareNewest);
  const bySlug = new Map(papers.map((p) => [p.slug, p]));

  const dayMap = new Map<string, DayView>();
  for (const paper of papers) {
    for (const { date, rank } of paper.data.listings) {
      let day = dayMap.get(date);
      if (!day) dayMap.set(date, (day = { date, entries: [] }));
      day.entries.push({ paper, rank });
    }
  }
  const days = [...dayMap.values()].sort((a, b) => b.date.localeCompare(a.date));
  for (const day of days) day.entries.sort((a, b) => a.rank - b.rank || a.paper.slug.localeCompare(b.paper.slug));

  const topics = taxonomy.topics.map((topic) => ({
    topic,
    papers: papers.filter((p) => p.topics.some((t) => t.topic.slug === topic.slug)),
  }));

  const relatedInputs = papers.map((p) => relatedInput(p.slug, p.data));
  // Usually worked out alongside Astro's start-up (src/lib/build/relatedAhead.ts), from the same inputs.
  const relatedSlugs = (await takeRelatedAhead(relatedInputs)) ?? findRelated(relatedInputs);
  const related = new Map(papers.map((p) => [p.slug, (relatedSlugs.get(p.slug) ?? []).map((s) => bySlug.get(s)!)]));

  const neighbours = new Map<string, { prev?: PaperView; next?: PaperView }>();
  for (const day of days) {
    day.entries.forEach(({ paper }, i) => {
      if (paper.data.firstSeen !== day.date) return;
      neighbours.set(paper.slug, { prev: day.entries[i - 1]?.paper, next: day.entries[i + 1]?.paper });
    });
  }

  return { papers, bySlug, days, topics, related, neighbours };
}

/**
 * A digest of everything a paper's page shows besides code: its file (data
 * and notes), its topics as the taxonomy names them, its related and
 * neighbouring papers' titles, and the site settings. Astro's incremental
 * build re-renders the page when this changes and otherwise reuses the last
 * build's output (the code a page is made from is tracked by Astro itself).
 */
export function paperPageKey(catalog: Catalog, paper: PaperView): string {
  const link = (p: PaperView | undefined) => (p ? [p.slug, p.data.title] : null);
  const { prev, next } = catalog.neighbours.get(paper.slug) ?? {};
  const inputs = [
    paper.entry.digest ?? null,
    paper.data,
    paper.topics,
    (catalog.related.get(paper.slug) ?? []).map(link),
    link(prev),
    link(next),
    site,
  ];
  return createHash('sha256').update(JSON.stringify(inputs)).digest('base64url');
}

let cached: Promise<Catalog> | undefined;

/** The catalog, loaded on first use. */
export function getCatalog(): Promise<Catalog> {
  cached ??= loadCatalog();
  return cached;
}
