/**
 * The pure middle of the generator: parsed listings in, the frontmatter of
 * every paper file out. Stages: merge → classify → assign slugs → serialise.
 */
import type { Listing } from '../listing/schema.ts';
import { paperYaml } from '../mdx/paperYaml.ts';
import { cleanArtefacts } from '../text/artefacts.ts';
import { mergeListings } from '../papers/merge.ts';
import { assignSlugs, type PermalinkRegistry } from '../papers/permalinks.ts';
import { PaperFrontmatter } from '../papers/schema.ts';
import { classify, compileTaxonomy } from '../topics/classify.ts';
import type { Taxonomy } from '../topics/schema.ts';

/** Everything the generator decided, ready to be written. */
export interface Composed {
  /** `<slug>.mdx` → frontmatter YAML. */
  files: Map<string, string>;
  /** `<slug>.mdx` → the data that YAML must read back as. */
  data: Map<string, PaperFrontmatter>;
  /** The permalink registry with any new slugs. */
  registry: PermalinkRegistry;
  /** Slugs given out for the first time in this run. */
  added: string[];
  /** Renamed papers: `<new slug>.mdx` → `<old slug>.mdx`, for each retired slug. */
  moves: Map<string, string>;
}

/** Composes the paper files for a set of listings. */
export function composePapers(listings: readonly Listing[], taxonomy: Taxonomy, registry: PermalinkRegistry): Composed {
  // Display text loses known scraping artefacts; the identity (key) stays the listed title.
  const papers = mergeListings(listings);
  for (const paper of papers) Object.assign(paper, { title: cleanArtefacts(paper.title), abstract: cleanArtefacts(paper.abstract) });
  const compiled = compileTaxonomy(taxonomy);
  const assignment = assignSlugs(papers, registry);
  const files = new Map<string, string>();
  const frontmatter = new Map<string, PaperFrontmatter>();
  const moves = new Map<string, string>();
  const entryBySlug = new Map(assignment.registry.papers.map((e) => [e.slug, e]));
  for (const paper of papers) {
    const slug = assignment.slugs.get(paper)!;
    // Parsing through the schema both validates and fixes the key order of the YAML.
    const data = PaperFrontmatter.parse({
      title: paper.title,
      abstract: paper.abstract,
      firstSeen: paper.firstSeen,
      listings: paper.appearances,
      topics: classify(compiled, paper.title, paper.abstract),
      // Only what a listing gave: an absent field must stay absent, not become `undefined`.
      ...(paper.arxivId !== undefined ? { arxivId: paper.arxivId } : {}),
      ...(paper.published !== undefined ? { published: paper.published } : {}),
      ...(paper.authors !== undefined ? { authors: paper.authors } : {}),
      ...(paper.links !== undefined ? { links: paper.links } : {}),
    });
    files.set(`${slug}.mdx`, paperYaml(data));
    frontmatter.set(`${slug}.mdx`, data);
    // The newest retired slug is the one whose file may still be on disk.
    const retired = entryBySlug.get(slug)?.redirectsFrom ?? [];
    if (retired.length > 0) moves.set(`${slug}.mdx`, `${retired[retired.length - 1]}.mdx`);
  }
  return { files, data: frontmatter, registry: assignment.registry, added: assignment.added, moves };
}
