/**
 * The catalog: the build data arranged as the pages read it (papers by
 * slug, days, topics, related papers, neighbours). Pure: Astro's side
 * (src/data/catalog.ts) loads the build data once and calls this.
 */
import { createHash } from 'node:crypto';
import type { BuildData, BuildPaper } from '../buildData/schema.ts';
import type { Topic, TopicMatch } from '../topics/schema.ts';

/** A paper as pages see it. */
export interface PaperView extends BuildPaper {
  /** Its topics, strongest first, with the rule that matched (topics no longer in the taxonomy left out). */
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

/** Arranges the build data for the pages. */
export function makeCatalog(data: BuildData): Catalog {
  const topicBySlug = new Map(data.taxonomy.topics.map((t) => [t.slug, t]));
  const papers: PaperView[] = data.papers.map((paper) => ({
    ...paper,
    topics: paper.data.topics.flatMap((match) => {
      const topic = topicBySlug.get(match.topic);
      return topic ? [{ topic, match }] : [];
    }),
  }));
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

  const byTopic = new Map(data.taxonomy.topics.map((topic) => [topic.slug, [] as PaperView[]]));
  for (const paper of papers) for (const { topic } of paper.topics) byTopic.get(topic.slug)!.push(paper);
  const topics = data.taxonomy.topics.map((topic) => ({ topic, papers: byTopic.get(topic.slug)! }));

  const view = (slug: string | undefined) => (slug === undefined ? undefined : bySlug.get(slug));
  const related = new Map(papers.map((p) => [p.slug, p.related.flatMap((slug) => view(slug) ?? [])]));
  const neighbours = new Map(papers.map((p) => [p.slug, { prev: view(p.prev), next: view(p.next) }]));
  return { papers, bySlug, days, topics, related, neighbours };
}

/**
 * A digest of everything a paper's page shows besides code: its data and
 * notes, its topics as the taxonomy names them, its related and
 * neighbouring papers' titles, and the site settings. Astro's incremental
 * build renders the page again when this changes and otherwise reuses the
 * last build's page (the code a page is made from is tracked by Astro).
 */
export function paperPageKey(catalog: Catalog, paper: PaperView, site: unknown): string {
  const link = (p: PaperView | undefined) => (p ? [p.slug, p.data.title] : null);
  const { prev, next } = catalog.neighbours.get(paper.slug) ?? {};
  const inputs = [paper.digest, paper.topics, (catalog.related.get(paper.slug) ?? []).map(link), link(prev), link(next), site];
  return createHash('sha256').update(JSON.stringify(inputs)).digest('base64url');
}
