/**
 * The site's Astro configuration, made in one place for both ways of
 * building: plain `astro build` / `astro dev` (astro.config.mjs), where
 * Astro also generates the content and finishes the site itself, and
 * `npm run build`, whose own steps do that around Astro
 * (src/lib/build/steps/astro.ts). Site URL and base path come from
 * content/site.yaml (validated), so the whole site, feeds and search
 * included, follows one file.
 */
import mdx from '@astrojs/mdx';
import type { AstroUserConfig } from 'astro';
import { finishBuild } from './integrations/finishBuild.ts';
import { generateContent } from './integrations/generateContent.ts';
import { pagefindDev } from './integrations/pagefindDev.ts';
import { presortedSitemap } from './integrations/sitemap.ts';
import { contentDir } from './lib/io/contentDir.ts';
import { projectPaths, readRegistry, readSiteConfig } from './lib/io/projectFiles.ts';
import { routes } from './lib/site/routes.ts';

/** Who generates the content before Astro and finishes the site after it. */
export type Around = 'astro' | 'build script';

/** The configuration for the project at `root`. */
export function astroConfig(root: string, around: Around): AstroUserConfig {
  const paths = projectPaths(root, contentDir(root));
  const site = readSiteConfig(paths);
  // Pages that are no place of their own: per-browser (search, reading list) or moved on (retired slugs).
  const unlisted = new Set([routes.search(), routes.saved(), ...readRegistry(paths).papers.flatMap((e) => e.redirectsFrom.map(routes.paper))]);
  return {
    root,
    site: site.url,
    base: site.base,
    trailingSlash: 'always',
    build: {
      format: 'directory',
      // Styles are files too: the Content Security Policy (src/lib/site/csp.ts) allows no inline style.
      inlineStylesheets: 'never',
      // Render a page while the last ones are being written: one at a time, the
      // build waited on its file writes for about a quarter of the page phase.
      concurrency: 4,
    },
    vite: {
      build: {
        // Scripts are files the browser caches once, not copies inlined into every page.
        assetsInlineLimit: 0,
        // The build script's staging folder is new, and its preview step links images into it while Astro runs.
        ...(around === 'build script' ? { emptyOutDir: false } : {}),
      },
    },
    // Tests and benchmarks build other corpora side by side: keep their caches apart.
    cacheDir: process.env.PAPERS_CACHE_DIR ?? './node_modules/.astro',
    integrations: [
      ...(around === 'astro' ? [generateContent(root)] : []),
      mdx(),
      // Search and the reading list are per-reader pages, not content to index.
      presortedSitemap({ filter: (page) => !unlisted.has(new URL(page).pathname.slice(site.base.length)) }),
      ...(around === 'astro' ? [finishBuild(root)] : []),
      pagefindDev(),
    ],
    devToolbar: { enabled: false },
    // Paper pages carry a cacheKey (src/lib/catalog/catalog.ts, paperPageKey): a rebuild
    // reuses the pages whose data and code are unchanged instead of rendering them.
    experimental: { incrementalBuild: true },
  };
}
