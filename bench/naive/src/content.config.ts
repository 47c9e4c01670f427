/** One collection: every .mdx file in NAIVE_CONTENT, as Astro's docs show it. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const papers = defineCollection({
  loader: glob({ pattern: '*.mdx', base: process.env.NAIVE_CONTENT ?? './papers' }),
  schema: z.object({ title: z.string() }),
});

export const collections = { papers };
