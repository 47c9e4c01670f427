/**
 * The content collections. `papers` holds one entry per generated file in
 * `content/papers/`; its schema is the generator's, so both agree by construction.
 */
import { defineCollection } from 'astro:content';
import { PaperFrontmatter } from './lib/papers/schema.ts';
import { paperLoader } from './loaders/paperLoader.ts';
import { contentDir } from './lib/io/contentDir.ts';
import { projectPaths } from './lib/io/projectFiles.ts';

const papers = defineCollection({
  loader: paperLoader(projectPaths(process.cwd(), contentDir()).papers),
  schema: PaperFrontmatter,
});

export const collections = { papers };
