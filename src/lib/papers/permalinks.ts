/**
 * The permalink registry: a committed record of every slug ever published,
 * so a paper's URL never changes as listings accumulate and a retired URL is
 * never handed to a different paper.
 */
import { z } from 'zod';
import type { Diagnostic } from '../listing/diagnostics.ts';
import { ArxivId } from '../listing/schema.ts';
import { foldTitle, type MergedPaper } from './merge.ts';
import { Slug, slugify } from './slugify.ts';

/** One registered paper: its identity (arXiv id, else title as listed), its slug and retired slugs. */
export const PermalinkEntry = z.object({
  /** The title exactly as first listed: the paper's identity when it has no arXiv id (compared with case and spacing folded). */
  title: z.string().min(1).describe('The title exactly as first listed: the identity of a paper without an arXiv id (case and spacing folded).'),
  /** The current slug: `/papers/<slug>/`. Edit it to rename the URL. */
  slug: Slug.describe('The current URL slug. To rename, move the old value to redirectsFrom.'),
  /** Earlier slugs; each still answers with a redirect page. */
  redirectsFrom: z.array(Slug).default([]).describe('Earlier slugs, kept as redirect pages.'),
  /** The arXiv id, recorded once a listing gave it: the paper's identity from then on. */
  arxivId: ArxivId.optional().describe("The paper's arXiv id, once a listing gave it: its identity from then on."),
});
export type PermalinkEntry = z.infer<typeof PermalinkEntry>;

/** The registry file, `content/permalinks.json`. */
export const PermalinkRegistry = z.object({
  papers: z.array(PermalinkEntry),
});
export type PermalinkRegistry = z.infer<typeof PermalinkRegistry>;

/** The result of giving every paper its slug. */
export interface SlugAssignment {
  /** Paper → slug. */
  slugs: Map<MergedPaper, string>;
  /** The registry to write back (sorted, so the file is stable). */
  registry: PermalinkRegistry;
  /** Papers that received a new slug in this run. */
  added: string[];
}

/**
 * Checks a registry for slugs used twice (as a slug or a redirect), which
 * would send two papers to one URL, and for one identity registered twice:
 * an arXiv id, or a title (case and spacing folded) of papers without one.
 */
export function checkRegistry(registry: PermalinkRegistry, file: string): Diagnostic[] {
  const owner = new Map<string, string>();
  const titles = new Set<string>();
  const ids = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const entry of registry.papers) {
    if (entry.arxivId !== undefined) {
      if (ids.has(entry.arxivId)) {
        diagnostics.push({ severity: 'error', file, line: 0, message: `the arXiv id ${entry.arxivId} is registered twice`, hint: 'keep one entry per paper; move the other slug into its redirectsFrom' });
      }
      ids.add(entry.arxivId);
    } else {
      const title = foldTitle(entry.title);
      if (titles.has(title)) {
        diagnostics.push({ severity: 'error', file, line: 0, message: `the title "${entry.title}" is registered twice`, hint: 'keep one entry per title; move the other slug into its redirectsFrom' });
      }
      titles.add(title);
    }
    for (const slug of [entry.slug, ...entry.redirectsFrom]) {
      const other = owner.get(slug);
      if (other !== undefined) {
        diagnostics.push({ severity: 'error', file, line: 0, message: `the slug "${slug}" belongs both to "${other}" and to "${entry.title}"`, hint: 'give one of them another slug: a URL can lead to one paper only' });
      }
      owner.set(slug, entry.title);
    }
  }
  return diagnostics;
}

/**
 * Gives each paper its registered slug, or a new one made from its title with
 * a `-2`, `-3`, … suffix when taken. A paper is found in the registry by its
 * arXiv id, else by its title (case and spacing folded; a paper with an id
 * only takes an entry that has none, and records its id there). New papers
 * are handled in merge order (first day, then rank), so suffixes are
 * deterministic.
 */
export function assignSlugs(papers: readonly MergedPaper[], registry: PermalinkRegistry): SlugAssignment {
  const entries = registry.papers.map((e) => ({ ...e }));
  const byId = new Map(entries.flatMap((e) => (e.arxivId !== undefined ? [[e.arxivId, e] as const] : [])));
  const byTitle = new Map<string, PermalinkEntry[]>();
  for (const entry of entries) byTitle.set(foldTitle(entry.title), [...(byTitle.get(foldTitle(entry.title)) ?? []), entry]);
  const taken = new Set(entries.flatMap((e) => [e.slug, ...e.redirectsFrom]));
  const slugs = new Map<MergedPaper, string>();
  const added: string[] = [];
  for (const paper of papers) {
    const titled = byTitle.get(foldTitle(paper.key)) ?? [];
    const known = paper.arxivId === undefined ? titled[0] : (byId.get(paper.arxivId) ?? titled.find((e) => e.arxivId === undefined));
    if (known) {
      if (paper.arxivId !== undefined && known.arxivId === undefined) {
        known.arxivId = paper.arxivId;
        byId.set(paper.arxivId, known);
      }
      slugs.set(paper, known.slug);
      continue;
    }
    const base = slugify(paper.title);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    slugs.set(paper, slug);
    const entry: PermalinkEntry = { title: paper.key, slug, redirectsFrom: [], ...(paper.arxivId !== undefined ? { arxivId: paper.arxivId } : {}) };
    entries.push(entry);
    if (paper.arxivId !== undefined) byId.set(paper.arxivId, entry);
    byTitle.set(foldTitle(paper.key), [...titled, entry]);
    added.push(slug);
  }
  entries.sort((a, b) => a.slug.localeCompare(b.slug));
  return { slugs, registry: { papers: entries }, added };
}
