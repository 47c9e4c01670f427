/**
 * The content collections. `papers` holds one entry per paper of the build
 * data, whose frontmatter schema is the generator's, so both agree by
 * construction; a paper's owner notes are its MDX body.
 */
import { defineCollection } from 'astro:content';
import { buildDataFile } from './lib/buildData/file.ts';
import { PaperFrontmatter } from './lib/papers/schema.ts';
import { paperLoader } from './loaders/paperLoader.ts';

const papers = defineCollection({
  loader: paperLoader(buildDataFile()),
  schema: PaperFrontmatter,
});

export const collections = { papers };
