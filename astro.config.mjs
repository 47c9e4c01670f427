// @ts-check
/**
 * Astro configuration. Site URL and base path come from content/site.yaml
 * (validated), so the whole site, feeds and search included, follows one file.
 */
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { contentDir } from './src/lib/io/contentDir.ts';
import { projectPaths, readRegistry, readSiteConfig } from './src/lib/io/projectFiles.ts';
import { createHash } from 'node:crypto';
import { routes, withBase } from './src/lib/site/routes.ts';
import { themeScriptHash } from './src/lib/site/themeScript.ts';
import { finishBuild } from './src/integrations/finishBuild.ts';
import { pagefindDev } from './src/integrations/pagefindDev.ts';
import { presortedSitemap } from './src/integrations/sitemap.ts';

const paths = projectPaths(process.cwd(), contentDir());
const site = readSiteConfig(paths);

// Retired slugs (see content/permalinks.json) answer with a redirect page to the current URL.
const redirects = Object.fromEntries(
  readRegistry(paths).papers.flatMap((entry) =>
    // Astro prefixes the source with the base, but not the destination.
    entry.redirectsFrom.map((old) => [`/${routes.paper(old)}`, withBase(site.base, routes.paper(entry.slug))]),
  ),
);

export default defineConfig({
  site: site.url,
  base: site.base,
  trailingSlash: 'always',
  redirects,
  build: {
    format: 'directory',
    // Render a page while the last ones are being written: one at a time, the
    // build waited on its file writes for about a quarter of the page phase
    // (10k papers, measured in alternating pairs: 2 to 6 s faster with 3).
    concurrency: 4,
  },
  // Tests and benchmarks build other corpora side by side: keep their caches apart.
  cacheDir: process.env.PAPERS_CACHE_DIR ?? './node_modules/.astro',
  integrations: [
    mdx(),
    presortedSitemap({ filter: (page) => !/\/search\/$/.test(page) }),
    finishBuild(),
    pagefindDev(),
  ],
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      // Pagefind compiles its WebAssembly search engine in the browser.
      scriptDirective: {
        resources: ["'self'", "'wasm-unsafe-eval'"],
        // The inline theme script (src/lib/site/themeScript.ts), allowed by its exact hash.
        hashes: [themeScriptHash((text) => createHash('sha256').update(text).digest('base64'))],
      },
    },
  },
  devToolbar: { enabled: false },
  // Paper pages carry a cacheKey (src/data/catalog.ts, paperPageKey): a rebuild
  // reuses the pages whose data and code are unchanged instead of rendering them.
  experimental: { incrementalBuild: true },
});
