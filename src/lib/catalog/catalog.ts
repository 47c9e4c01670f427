/**
 * The catalog: the build data arranged as the pages read it (papers by
 * slug, days, topics, related papers, neighbours). Pure: Astro's side
 * (src/data/catalog.ts) loads the build data once and calls this.
 */
import { createHash } from 'node:crypto';
import { comparePeriodStanding, isoWeek, monthOf, monthRange, type PeriodStanding, standingIn, weekRange } from '../archive/periods.ts';
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

/** A week or a month of listings, with its papers ranked (see RANKING_RULE in src/lib/archive/periods.ts). */
export interface PeriodView {
  kind: 'week' | 'month';
  /** `2025-W11` or `2025-03`. */
  id: string;
  start: string;
  end: string;
  /** The listing days in the period, oldest first. */
  days: string[];
  entries: { paper: PaperView; standing: PeriodStanding }[];
  /** A later listing day exists: the period is over (decided from the data, never from the clock). */
  finished: boolean;
  /** The neighbouring periods that have papers. */
  newer?: string;
  older?: string;
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
  /** Weeks and months with listings, newest first. */
  weeks: PeriodView[];
  months: PeriodView[];
  /** Retired slugs and the slug each leads to now. */
  redirects: { from: string; to: string }[];
}

/** The weeks or months of the listing days, newest first, each with its papers ranked. */
function periods(kind: PeriodView['kind'], days: readonly DayView[]): PeriodView[] {
  const of = kind === 'week' ? isoWeek : monthOf;
  const range = kind === 'week' ? weekRange : monthRange;
  const grouped = new Map<string, DayView[]>();
  for (const day of days) grouped.set(of(day.date), [...(grouped.get(of(day.date)) ?? []), day]);
  const newestDay = days[0]?.date ?? '';
  const views = [...grouped].map(([id, periodDays]): PeriodView => {
    const { start, end } = range(id);
    const papers = new Map<string, PaperView>();
    for (const day of periodDays) for (const { paper } of day.entries) papers.set(paper.slug, paper);
    const entries = [...papers.values()]
      .map((paper) => ({ paper, standing: standingIn(paper.data.listings, start, end)! }))
      .sort((a, b) => comparePeriodStanding({ ...a.standing, slug: a.paper.slug }, { ...b.standing, slug: b.paper.slug }));
    return { kind, id, start, end, days: periodDays.map((d) => d.date).sort(), entries, finished: newestDay > end };
  });
  views.sort((a, b) => b.start.localeCompare(a.start));
  views.forEach((view, i) => {
    view.newer = views[i - 1]?.id;
    view.older = views[i + 1]?.id;
  });
  return views;
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
  return { papers, bySlug, days, topics, related, neighbours, weeks: periods('week', days), months: periods('month', days), redirects: data.redirects };
}

/**
 * A digest of what a list page (a day, a week, a month) shows besides code:
 * its props, each paper in them reduced to its slug, digest and topic
 * names (what a list entry shows of it), and the site settings. Astro's
 * incremental build renders the page again when this changes: a new day
 * leaves the older days, weeks and months as they were.
 */
export function listPageKey(props: unknown, site: unknown): string {
  const json = JSON.stringify([props, site], (_, value: unknown) => {
    if (value && typeof value === 'object' && 'slug' in value && 'digest' in value && 'topics' in value) {
      const paper = value as PaperView;
      return [paper.slug, paper.digest, paper.topics.map((t) => t.topic.name)];
    }
    return value;
  });
  return createHash('sha256').update(json).digest('base64url');
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
