/**
 * The permalink registry: a committed record of every slug ever published,
 * so a paper's URL never changes as listings accumulate and a retired URL is
 * never handed to a different paper.
 */
import { z } from 'zod';
import type { Diagnostic } from '../listing/diagnostics.ts';
import type { MergedPaper } from './merge.ts';
import { Slug, slugify } from './slugify.ts';

/** One registered paper: its identity (title as listed), its slug and retired slugs. */
export const PermalinkEntry = z.object({
  /** The title exactly as first listed: the paper's identity. */
  title: z.string().min(1).describe('The title exactly as first listed: the identity of the paper.'),
  /** The current slug: `/papers/<slug>/`. Edit it to rename the URL. */
  slug: Slug.describe('The current URL slug. To rename, move the old value to redirectsFrom.'),
  /** Earlier slugs; each still answers with a redirect page. */
  redirectsFrom: z.array(Slug).default([]).describe('Earlier slugs, kept as redirect pages.'),
});
export type PermalinkEntry = z.infer<typeof PermalinkEntry>;

/** The registry file, `content/permalinks.json`. */
export const PermalinkRegistry = z.object({
  papers: z.array(PermalinkEntry),
});
export type PermalinkRegistry = z.infer<typeof PermalinkRegistry>;

/** The result of giving every paper its slug. */
export interface SlugAssignment {
  /** Paper key → slug. */
  slugs: Map<string, string>;
  /** The registry to write back (sorted, so the file is stable). */
  registry: PermalinkRegistry;
  /** Papers that received a new slug in this run. */
  added: string[];
}

/**
 * Checks a registry for slugs used twice (as a slug or a redirect), which
 * would send two papers to one URL.
 */
export function checkRegistry(registry: PermalinkRegistry, file: string): Diagnostic[] {
  const owner = new Map<string, string>();
  const titles = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const entry of registry.papers) {
    if (titles.has(entry.title)) {
      diagnostics.push({ severity: 'error', file, line: 0, message: `the title "${entry.title}" is registered twice`, hint: 'keep one entry per title; move the other slug into its redirectsFrom' });
    }
    titles.add(entry.title);
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
 * a `-2`, `-3`, … suffix when taken. New papers are handled in merge order
 * (first day, then rank), so suffixes are deterministic.
 */
export function assignSlugs(papers: readonly MergedPaper[], registry: PermalinkRegistry): SlugAssignment {
  const byTitle = new Map(registry.papers.map((e) => [e.title, e]));
  const taken = new Set(registry.papers.flatMap((e) => [e.slug, ...e.redirectsFrom]));
  const entries = [...registry.papers];
  const slugs = new Map<string, string>();
  const added: string[] = [];
  for (const paper of papers) {
    const known = byTitle.get(paper.key);
    if (known) {
      slugs.set(paper.key, known.slug);
      continue;
    }
    const base = slugify(paper.title);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    slugs.set(paper.key, slug);
    entries.push({ title: paper.key, slug, redirectsFrom: [] });
    added.push(slug);
  }
  entries.sort((a, b) => a.slug.localeCompare(b.slug));
  return { slugs, registry: { papers: entries }, added };
}
