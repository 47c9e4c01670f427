/**
 * Issue "Link", hosting: the whole site works under a sub-path set in the
 * site config — links, assets, feeds, search bundle, preview images, sitemap.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LinkState, check } from 'linkinator';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../scripts/support/browser.ts';
import { buildSite, type FixtureSite } from '../../support/fixtureSite.ts';
import { serveStatic, type StaticServer } from '../../../scripts/support/staticServer.ts';

const BASE = '/papers-site/';

describe('a site hosted under /papers-site/', () => {
  let site: FixtureSite;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    site = await buildSite({ site: { base: BASE } });
    server = await serveStatic(site.out, BASE);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has no broken internal link, having checked every page', async () => {
    const result = await check({
      path: server.url,
      recurse: true,
      concurrency: 16,
      // Only the site itself: external links (arXiv, GitHub…) are out of reach offline.
      linksToSkip: async (link) => !link.startsWith(server.origin),
    });
    const checked = result.links.filter((l) => l.state !== LinkState.SKIPPED);
    const broken = checked.filter((l) => l.state === LinkState.BROKEN).map((l) => `${l.url} (from ${l.parent})`);
    expect(broken).toEqual([]);
    // At least every paper page and every topic page (linkinator counts each URL once).
    expect(checked.length).toBeGreaterThan(92 + 18);
    // The crawl really went through the base: paper pages, topic feeds and preview images were reached.
    expect(checked.some((l) => l.url.startsWith(`${server.url}papers/`))).toBe(true);
    expect(checked.some((l) => l.url.startsWith(`${server.url}topics/`))).toBe(true);
  });

  it('puts the base into feeds, the sitemap, robots.txt and preview image URLs', () => {
    const origin = 'https://papers.example.org/papers-site/';
    const rss = readFileSync(join(site.out, 'rss.xml'), 'utf8');
    const links = [...rss.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(90);
    for (const link of links) expect(link.startsWith(origin)).toBe(true);
    const sitemap = readFileSync(join(site.out, 'sitemap-0.xml'), 'utf8');
    for (const loc of sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)) expect(loc[1]!.startsWith(origin)).toBe(true);
    expect(readFileSync(join(site.out, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${origin}sitemap-index.xml`);
    const home = readFileSync(join(site.out, 'index.html'), 'utf8');
    expect(home).toContain(`href="${BASE}rss.xml"`);
    const paperPath = /href="(\/papers-site\/papers\/[^"]+\/)"/.exec(home)![1]!;
    const paper = readFileSync(join(site.out, paperPath.slice(BASE.length), 'index.html'), 'utf8');
    expect(paper).toMatch(new RegExp(`<meta property="og:image" content="${origin}og/[a-z0-9-]+\\.png">`));
  });

  it('finds papers with search, loading the Pagefind bundle from under the base', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const failed: string[] = [];
    page.on('response', (r) => r.status() >= 400 && failed.push(r.url()));
    await page.goto(`${server.url}`);
    await page.fill('#site-search', 'theorem');
    await page.press('#site-search', 'Enter');
    await page.waitForURL(/\/papers-site\/search\/\?q=theorem/);
    await page.waitForSelector('.search-result');
    const titles = await page.locator('.search-result h2').allTextContents();
    expect(titles).toContain('LeanDojo: Theorem Proving with Retrieval-Augmented Language Models');
    const href = await page.locator('.search-result h2 a').first().getAttribute('href');
    expect(href?.startsWith(`${BASE}papers/`)).toBe(true);
    await page.click('.search-result h2 a');
    await expect(page.locator('h1').textContent()).resolves.toBeTruthy();
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });
});
