/**
 * Search in `npm run dev`: once the dev server is up, fetch every paper page
 * from it, index them with Pagefind in memory and serve the bundle at
 * `<base>pagefind/`, so the search page works as it does in a build. When
 * the generator rewrites the build data, the papers are indexed again after
 * a short pause.
 */
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { buildDataFile, readBuildData } from '../lib/buildData/file.ts';
import { bundleNewestFirst } from '../lib/build/searchIndex.ts';
import { NEWEST_FIRST_FILE } from '../lib/search/newestFirst.ts';
import { routes, withBase } from '../lib/site/routes.ts';

const TYPES: Record<string, string> = { js: 'text/javascript', css: 'text/css', wasm: 'application/wasm', json: 'application/json' };

/** Creates the dev-only Pagefind integration. */
export function pagefindDev(): AstroIntegration {
  let base = '/';
  let files = new Map<string, Uint8Array>();
  let origin = '';
  let running: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const dataFile = buildDataFile();

  /** Fetches every paper page from the dev server and rebuilds the in-memory index. */
  async function reindex(log: (message: string) => void): Promise<void> {
    const started = performance.now();
    const slugs = readBuildData(dataFile).papers.map((paper) => paper.slug);
    const { index, errors } = await createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    try {
      for (const slug of slugs) {
        const response = await fetch(new URL(withBase(base, routes.paper(slug)), origin));
        if (response.ok) await index.addHTMLFile({ url: `/${routes.paper(slug)}`, content: await response.text() });
      }
      const result = await index.getFiles();
      const next = new Map(result.files.map((f) => [f.path.replace(/^\/+/, ''), f.content]));
      const order = bundleNewestFirst([...next].map(([path, content]) => [path, () => content] as const));
      next.set(NEWEST_FIRST_FILE, new TextEncoder().encode(order));
      files = next;
      log(`search index ready: ${slugs.length} papers in ${Math.round(performance.now() - started)} ms`);
    } finally {
      await index.deleteIndex();
    }
  }

  return {
    name: 'papers:pagefind-dev',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server, logger }) => {
        const prefix = `${base}pagefind/`;
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? '').split('?')[0]!;
          if (!path.startsWith(prefix)) return next();
          const file = files.get(decodeURIComponent(path.slice(prefix.length)));
          if (!file) {
            res.statusCode = files.size === 0 ? 503 : 404;
            res.end(files.size === 0 ? 'The search index is still being built; try again in a moment.' : 'Not found');
            return;
          }
          res.setHeader('Content-Type', TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream');
          res.end(file);
        });
        server.watcher.add(dataFile);
        server.watcher.on('all', (_event, changed) => {
          if (!origin || changed !== dataFile) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            running = (running ?? Promise.resolve()).then(() => reindex((m) => logger.info(m))).catch((e: Error) => logger.error(e.message));
          }, 1000);
        });
      },
      'astro:server:start': ({ address, logger }) => {
        const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
        origin = `http://${host === '::' || host === '[::]' ? 'localhost' : host}:${address.port}`;
        // In the background: the dev server must answer the crawl.
        running = reindex((m) => logger.info(m)).catch((e: Error) => logger.error(`search index: ${e.message}`));
      },
      'astro:server:done': async () => {
        await close();
      },
    },
  };
}
