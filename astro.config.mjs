// @ts-check
/**
 * Astro configuration. Site URL and base path come from content/site.yaml
 * (validated), so the whole site, feeds and search included, follows one file.
 */
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { contentDir } from './src/lib/io/contentDir.ts';
import { projectPaths, readSiteConfig } from './src/lib/io/projectFiles.ts';
import { pagefind } from './src/integrations/pagefind.ts';

const site = readSiteConfig(projectPaths(process.cwd(), contentDir()));

export default defineConfig({
  site: site.url,
  base: site.base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Tests and benchmarks build other corpora side by side: keep their caches apart.
  cacheDir: process.env.PAPERS_CACHE_DIR ?? './node_modules/.astro',
  integrations: [
    mdx(),
    sitemap({ filter: (page) => !/\/search\/$/.test(page) }),
    pagefind(),
  ],
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      // Pagefind compiles its WebAssembly search engine in the browser.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  devToolbar: { enabled: false },
});
