/**
 * The build data: everything the steps after `generate` need, worked out
 * once by the generator and written as one typed file outside the output.
 * Astro's content loader and catalog, the search-document step and the
 * preview-image step all read it; none of them reads the paper files again
 * or hands anything back.
 */
import { z } from 'zod';
import { PreviewCard } from '../og/card.ts';
import { PaperFrontmatter } from '../papers/schema.ts';
import { Slug } from '../papers/slugify.ts';
import { Taxonomy } from '../topics/schema.ts';

/** The owner's notes of a paper: the MDX body of its file, which Astro compiles. */
export const PaperNotes = z.object({
  file: z.string().min(1).describe('Path of the paper file, relative to the project root.'),
  digest: z.string().min(1).describe('A hash of the notes, so pages showing them are rendered again when they change.'),
});

/** One paper as every later step sees it. */
export const BuildPaper = z.object({
  slug: Slug.describe('The permanent slug: /papers/<slug>/.'),
  data: PaperFrontmatter.describe('The frontmatter the site shows: generated, or as the owner edited it.'),
  /** A hash of the paper's data and notes: the content loader's entry digest. */
  digest: z.string().min(1).describe('A hash of data and notes; changes whenever either does.'),
  notes: PaperNotes.optional().describe('Present when the paper file has owner notes below its frontmatter.'),
  related: z.array(Slug).describe('Related papers, most similar first.'),
  prev: Slug.optional().describe('The paper ranked just above it on the day it was first listed.'),
  next: Slug.optional().describe('The paper ranked just below it on the day it was first listed.'),
  card: PreviewCard.optional().describe('What its own preview image shows; absent when it shares the site card (previewImages in content/site.yaml).'),
});
export type BuildPaper = z.infer<typeof BuildPaper>;

/** The whole build data file. */
export const BuildData = z.object({
  /** A hash of everything the file was made from: equal inputs, equal file. */
  inputs: z.string().min(1).describe('A hash of the inputs the file was made from.'),
  /** Papers newest first: by the day first listed, then rank that day, then slug. */
  papers: z.array(BuildPaper),
  taxonomy: Taxonomy.describe('The topic taxonomy the papers were classified with.'),
  siteCard: PreviewCard.describe('The preview image of pages without one of their own.'),
  redirects: z
    .array(z.object({ from: Slug, to: Slug }))
    .describe('Retired slugs (content/permalinks.json redirectsFrom) and the slug of the paper each now leads to.'),
});
export type BuildData = z.infer<typeof BuildData>;
