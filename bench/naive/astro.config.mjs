// @ts-check
/**
 * The naive baseline of the benchmark: a minimal Astro + MDX site, one page per
 * paper from a glob() collection of .mdx files (NAIVE_CONTENT), nothing else.
 */
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  integrations: [mdx()],
  cacheDir: process.env.NAIVE_CACHE_DIR ?? './node_modules/.astro-naive',
  devToolbar: { enabled: false },
});
