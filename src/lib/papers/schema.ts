/**
 * The frontmatter of a generated paper file (`content/papers/<slug>.mdx`):
 * the one schema the generator writes, the build data carries and the
 * pages read. Untrusted listing text lives only here, as YAML data.
 */
import { z } from 'zod';
import { ArxivId, HttpUrl, IsoDate } from '../listing/schema.ts';
import { TopicMatch } from '../topics/schema.ts';

/** One day a paper was listed. */
export const Appearance = z.object({
  date: IsoDate,
  rank: z.number().int().positive().describe('Position on that day, 1 = most trending.'),
  upvotes: z.number().int().nonnegative().optional().describe('Upvotes as listed that day (JSON listings only).'),
});

/** Links out of the site, each an http(s) URL. */
export const PaperLinks = z.object({
  code: HttpUrl.optional().describe('The code repository.'),
  project: HttpUrl.optional().describe('The project page.'),
});

/** Frontmatter of one paper file. */
export const PaperFrontmatter = z.object({
  /** Display title (the listing's, unless the owner corrected it). */
  title: z.string().min(1).describe('Display title.'),
  /** The full abstract, as plain text. */
  abstract: z.string().min(1).describe('The full abstract, plain text.'),
  /** First day the paper was listed: its publication date on this site. */
  firstSeen: IsoDate.describe('First day the paper was listed.'),
  /** Every day it was listed, oldest first. */
  listings: z.array(Appearance).min(1).describe('Every day it was listed, with its rank.'),
  /** Topics with the rule that matched, strongest first. */
  topics: z.array(TopicMatch).min(1).describe('Topics, strongest first, with the matching rule.'),
  /** The paper's arXiv id, when a listing gave one: its identity. */
  arxivId: ArxivId.optional(),
  /** The day the paper appeared on arXiv. */
  published: IsoDate.optional().describe('The day the paper was published on arXiv.'),
  /** Every author, in the paper's order, as plain text. */
  authors: z.array(z.string().min(1)).min(1).optional().describe('Every author, in order.'),
  links: PaperLinks.optional().describe('Code and project links, when a listing gave them.'),
});
export type PaperFrontmatter = z.infer<typeof PaperFrontmatter>;
