/**
 * Issue "Link", hosting: the whole site works under a sub-path set in the
 * site config — links, assets, feeds, search bundle, preview images,
 * sitemap. On the shared base-path site (tests/support/basePathSite.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LinkState, check } from 'linkinator';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../scripts/support/browser.ts';
import { BASE, FEED_ITEMS, ORIGIN, RAW } from '../../support/basePathSite.ts';
import { basePathSite } from '../../support/sharedSites.ts';
import { listFiles, readPaperSources } from '../../support/siteFiles.ts';
import { serveStatic, type StaticServer } from '../../../scripts/support/staticServer.ts';

describe('a site hosted under /papers-site/', () => {
  const site = basePathSite();
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveStatic(site.out, BASE);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has no broken internal link, having reached every page under the base', async () => {
    // The search page is reached by a form and the 404 page by a miss, and the pages of topics
    // no paper has yet are linked from nowhere (their URLs are kept for later): start there too.
    const papers = readPaperSources(site.content);
    const emptyTopics = listFiles(join(site.out, 'topics'))
      .filter((file) => /^[^/]+\/index\.html$/.test(file))
      .map((file) => file.split('/')[0]!)
      .filter((topic) => !papers.some((p) => p.topics.some((t) => t.topic === topic)));
    expect(emptyTopics.length).toBeGreaterThan(0);
    const result = await check({
      path: [server.url, `${server.url}search/`, `${server.url}404.html`, ...emptyTopics.map((topic) => `${server.url}topics/${topic}/`)],
      recurse: true,
      concurrency: 16,
      // Only the site itself: external links (arXiv, GitHub…) are out of reach offline.
      linksToSkip: async (link) => !link.startsWith(server.origin),
    });
    const checked = result.links.filter((l) => l.state !== LinkState.SKIPPED);
    const broken = checked.filter((l) => l.state === LinkState.BROKEN).map((l) => `${l.url} (from ${l.parent})`);
    expect(broken).toEqual([]);
    // Every page of the site was reached through the base, and so were its feeds and preview images.
    const reached = new Set(checked.map((l) => new URL(l.url).pathname));
    const pages = listFiles(site.out).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    for (const file of pages) expect(reached.has(`${BASE}${file.replace(/(^|\/)index\.html$/, '$1')}`), file).toBe(true);
    expect(checked.some((l) => l.url.startsWith(`${server.url}topics/`) && l.url.endsWith('/rss.xml'))).toBe(true);
    expect([...reached].every((path) => path.startsWith(BASE))).toBe(true);
  });

  it('puts the base into feeds, the sitemap, robots.txt and preview image URLs', () => {
    const origin = `${ORIGIN}${BASE}`;
    const rss = readFileSync(join(site.out, 'rss.xml'), 'utf8');
    const links = [...rss.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1]!);
    // The channel's link and one per item.
    expect(links).toHaveLength(1 + FEED_ITEMS);
    for (const link of links) expect(link.startsWith(origin)).toBe(true);
    const sitemap = readFileSync(join(site.out, 'sitemap-0.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs.length).toBeGreaterThan(20);
    for (const loc of locs) expect(loc.startsWith(origin)).toBe(true);
    expect(readFileSync(join(site.out, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${origin}sitemap-index.xml`);
    const home = readFileSync(join(site.out, 'index.html'), 'utf8');
    expect(home).toContain(`href="${BASE}rss.xml"`);
    const paperPath = /href="(\/papers-site\/papers\/[^"]+\/)"/.exec(home)![1]!;
    const paper = readFileSync(join(site.out, paperPath.slice(BASE.length), 'index.html'), 'utf8');
    const image = new RegExp(`<meta property="og:image" content="${origin}og/([a-z0-9-]+)\\.png">`).exec(paper);
    expect(image).not.toBeNull();
    expect(listFiles(join(site.out, 'og'))).toContain(`${image![1]}.png`);
  });

  it('finds papers with search, loading the Pagefind bundle from under the base', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const failed: string[] = [];
    page.on('response', (r) => r.status() >= 400 && failed.push(r.url()));
    const pagefind: string[] = [];
    page.on('request', (r) => r.url().includes('/pagefind/') && pagefind.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}`);
    await page.fill('#site-search', 'plainly');
    await page.press('#site-search', 'Enter');
    await page.waitForURL(/\/papers-site\/search\/\?q=plainly/);
    await page.waitForSelector('.search-result');
    const titles = await page.locator('.search-result h2').allTextContents();
    expect(titles).toEqual([RAW[2]!.title]);
    const href = await page.locator('.search-result h2 a').first().getAttribute('href');
    const slug = readPaperSources(site.content).find((p) => p.title === RAW[2]!.title)!.slug;
    expect(href).toBe(`${BASE}papers/${slug}/`);
    expect(pagefind.length).toBeGreaterThan(0);
    expect(pagefind.every((path) => path.startsWith(`${BASE}pagefind/`))).toBe(true);
    await page.click('.search-result h2 a');
    await page.waitForURL((url) => url.pathname === `${BASE}papers/${slug}/`);
    expect(await page.textContent('h1')).toBe(RAW[2]!.title);
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });
});
