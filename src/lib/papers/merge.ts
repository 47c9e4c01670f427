/**
 * Merge parsed listings into distinct papers. A paper's identity is its
 * arXiv id when a listing gives one, otherwise its title with case and
 * spacing folded: a paper seen on several days is one paper that remembers
 * the first day it was seen and its rank each day, and a paper first listed
 * from text and later from JSON is one paper that gains the id, authors and
 * links.
 */
import type { Listing, ListingEntry } from '../listing/schema.ts';

/** One day a paper was listed, and where. */
export interface Appearance {
  date: string;
  rank: number;
  /** Upvotes as listed that day (JSON listings only). */
  upvotes?: number;
}

/** A paper across all listings, before topics and slugs are known. */
export interface MergedPaper {
  /** The title exactly as first listed: what the permalink registry records. */
  key: string;
  /** The arXiv id, from the first listing that gave one: the identity when present. */
  arxivId?: string;
  title: string;
  /** The abstract as first seen: later days never rewrite a published item. */
  abstract: string;
  firstSeen: string;
  /** Every day it was listed, oldest first. */
  appearances: Appearance[];
  /** Authors, from the first listing that named them. */
  authors?: string[];
  /** The day it was published on arXiv, from the first listing that said. */
  published?: string;
  /** Code and project links, each from the latest listing that gave it. */
  links?: { code?: string; project?: string };
  /** Where it was first seen, for messages. */
  source: { file: string; line: number };
}

/** A title as identities compare it: case and runs of white space folded. */
export function foldTitle(title: string): string {
  return title.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Takes what a listing entry says about the paper beyond title and abstract. */
function absorb(paper: MergedPaper, entry: ListingEntry): void {
  const meta = entry.paper;
  if (!meta) return;
  paper.arxivId ??= meta.arxivId;
  if (!paper.authors && meta.authors?.length) paper.authors = meta.authors;
  paper.published ??= meta.publishedAt;
  // A project adds its code later: the newest listing's links win.
  if (meta.githubRepo || meta.projectPage) paper.links = { ...paper.links, ...(meta.githubRepo ? { code: meta.githubRepo } : {}), ...(meta.projectPage ? { project: meta.projectPage } : {}) };
}

/**
 * Merges listings (any order) into papers ordered by first day seen, then by
 * rank that day, so the order never depends on file-system order.
 */
export function mergeListings(listings: readonly Listing[]): MergedPaper[] {
  const byId = new Map<string, MergedPaper>();
  const byTitle = new Map<string, MergedPaper[]>();
  const papers: MergedPaper[] = [];
  const ordered = [...listings].sort((a, b) => a.date.localeCompare(b.date));
  for (const listing of ordered) {
    for (const entry of listing.entries) {
      const id = entry.paper?.arxivId;
      const titled = byTitle.get(foldTitle(entry.title)) ?? [];
      // An id finds its paper; failing that, the title finds one (with an id, only a paper that has none yet).
      let paper = id === undefined ? titled[0] : (byId.get(id) ?? titled.find((p) => p.arxivId === undefined));
      const appearance: Appearance = { date: listing.date, rank: entry.rank, ...(entry.paper?.upvotes !== undefined ? { upvotes: entry.paper.upvotes } : {}) };
      if (paper) {
        // Listed twice on one day (two spellings of one title): the better rank counts.
        if (!paper.appearances.some((a) => a.date === listing.date)) paper.appearances.push(appearance);
      } else {
        paper = { key: entry.title, title: entry.title, abstract: entry.abstract, firstSeen: listing.date, appearances: [appearance], source: { file: listing.file, line: entry.titleLine } };
        papers.push(paper);
      }
      // Every spelling a paper was listed under finds it again (a revised title, then a text listing of it).
      if (!titled.includes(paper)) byTitle.set(foldTitle(entry.title), [...titled, paper]);
      absorb(paper, entry);
      if (paper.arxivId !== undefined) byId.set(paper.arxivId, paper);
    }
  }
  return papers.sort((a, b) => a.firstSeen.localeCompare(b.firstSeen) || a.appearances[0]!.rank - b.appearances[0]!.rank);
}
