/**
 * Works out the build data from the papers as they will be on disk: their
 * order, related papers, neighbours on their first day and preview cards.
 * Pure: the generator reads the files and writes the result.
 */
import { createHash } from 'node:crypto';
import { compareNewest } from '../papers/order.ts';
import { findRelated, relatedInput } from '../papers/related.ts';
import type { PaperFrontmatter } from '../papers/schema.ts';
import type { Taxonomy } from '../topics/schema.ts';
import { formatDay } from '../text/format.ts';
import type { PreviewCard } from '../og/card.ts';
import type { BuildData, BuildPaper } from './schema.ts';

/** Bump when the build data's shape or meaning changes, so files made before are made again. */
const BUILD_DATA_VERSION = 1;

/** A paper file as it will be after the generator's writes: its slug, frontmatter and owner notes. */
export interface PaperFile {
  slug: string;
  data: PaperFrontmatter;
  /** The notes below the frontmatter, if any, and the file's path relative to the project root. */
  notes?: { file: string; body: string };
}

/** What the build data is made from besides the papers. */
export interface BuildDataContext {
  taxonomy: Taxonomy;
  site: { title: string; description: string };
  /** Which papers get a card of their own: all, none, or those listed on the newest N days. */
  previewImages: 'all' | 'none' | number;
  /** Retired slugs and the slug each leads to now. */
  redirects: { from: string; to: string }[];
}

/** A short stable hash of some JSON-able values. */
function hash(values: unknown): string {
  return createHash('sha256').update(JSON.stringify(values)).digest('base64url').slice(0, 22);
}

/** A digest of everything the build data is made from, in a stable order. */
export function buildDataInputs(papers: readonly PaperFile[], context: BuildDataContext): string {
  const sorted = [...papers].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return hash([BUILD_DATA_VERSION, context, sorted.map((p) => [p.slug, p.data, p.notes?.file ?? null, p.notes?.body ?? null])]);
}

/** The preview card of a paper: title, topic names, the day first listed and the site name. */
export function previewCard(data: PaperFrontmatter, topicNames: ReadonlyMap<string, string>, siteTitle: string): PreviewCard {
  return {
    title: data.title,
    topics: data.topics.flatMap((match) => topicNames.get(match.topic) ?? []),
    date: formatDay(data.firstSeen),
    siteTitle,
  };
}

/**
 * The previous and next paper of each paper on the day it was first
 * listed, in that day's rank order (papers listed again that day included).
 */
function firstDayNeighbours(papers: readonly PaperFile[]): Map<string, { prev?: string; next?: string }> {
  const days = new Map<string, { slug: string; rank: number }[]>();
  for (const paper of papers) {
    for (const { date, rank } of paper.data.listings) {
      let day = days.get(date);
      if (!day) days.set(date, (day = []));
      day.push({ slug: paper.slug, rank });
    }
  }
  const neighbours = new Map<string, { prev?: string; next?: string }>();
  const firstSeen = new Map(papers.map((p) => [p.slug, p.data.firstSeen]));
  for (const [date, entries] of days) {
    entries.sort((a, b) => a.rank - b.rank || a.slug.localeCompare(b.slug));
    entries.forEach(({ slug }, i) => {
      if (firstSeen.get(slug) !== date) return;
      neighbours.set(slug, { prev: entries[i - 1]?.slug, next: entries[i + 1]?.slug });
    });
  }
  return neighbours;
}

/** The days whose papers get a card of their own under `previewImages`: all, none, or the newest N. */
function cardDays(papers: readonly PaperFile[], previewImages: BuildDataContext['previewImages']): (date: string) => boolean {
  if (previewImages === 'all') return () => true;
  if (previewImages === 'none') return () => false;
  const days = [...new Set(papers.flatMap((p) => p.data.listings.map((l) => l.date)))].sort().reverse();
  const newest = new Set(days.slice(0, previewImages));
  return (date) => newest.has(date);
}

/** Works out the build data of a set of paper files. */
export function composeBuildData(files: readonly PaperFile[], context: BuildDataContext): BuildData {
  const papers = [...files].sort(compareNewest);
  const hasCardDay = cardDays(papers, context.previewImages);
  const related = findRelated(papers.map((p) => relatedInput(p.slug, p.data)));
  const neighbours = firstDayNeighbours(papers);
  const topicNames = new Map(context.taxonomy.topics.map((t) => [t.slug, t.name]));
  return {
    inputs: buildDataInputs(files, context),
    papers: papers.map((paper): BuildPaper => {
      const { prev, next } = neighbours.get(paper.slug) ?? {};
      return {
        slug: paper.slug,
        data: paper.data,
        digest: hash([paper.data, paper.notes?.body ?? null]),
        ...(paper.notes ? { notes: { file: paper.notes.file, digest: hash(paper.notes.body) } } : {}),
        related: related.get(paper.slug) ?? [],
        ...(prev ? { prev } : {}),
        ...(next ? { next } : {}),
        ...(paper.data.listings.some((l) => hasCardDay(l.date)) ? { card: previewCard(paper.data, topicNames, context.site.title) } : {}),
      };
    }),
    taxonomy: context.taxonomy,
    siteCard: { title: context.site.description, topics: [], date: '', siteTitle: context.site.title },
    // A retired slug leads somewhere only while its paper has a page.
    redirects: context.redirects.filter(({ to }) => papers.some((p) => p.slug === to)),
  };
}
