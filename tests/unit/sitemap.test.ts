/**
 * The sitemap integration (src/integrations/sitemap.ts) hands
 * `@astrojs/sitemap` the pages already in its order, so its slow sort has
 * nothing left to do, and must not change a byte of what it writes.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { afterAll, describe, expect, it } from 'vitest';
import { inSitemapOrder, presortedSitemap } from '../../src/integrations/sitemap.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Pages in a scrambled order, with numbers that a plain string sort puts elsewhere than a numeric one. */
function scrambledPages(): { pathname: string }[] {
  const pathnames = ['', 'search/', 'topics/', 'days/2025-03-11/', '/days/2025-03-09/', 'papers/alpha-10/', 'papers/alpha-7/'];
  for (let i = 0; i < 600; i++) pathnames.push(`papers/${['zeta', 'beta', 'émile', 'model'][i % 4]}-${(i * 7919) % 1000}/`);
  return pathnames.map((pathname) => ({ pathname }));
}

/** Runs an integration's hooks as a static build would, writing into a new folder; returns the folder. */
async function runBuild(integration: AstroIntegration, pages: { pathname: string }[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'sitemap-'));
  dirs.push(dir);
  const config = { site: 'https://example.org', base: '/trending/', trailingSlash: 'always', build: { format: 'directory' } };
  const logger = { info() {}, warn: (m: string) => expect.unreachable(m), error: (m: string) => expect.unreachable(m) };
  const hooks = integration.hooks as Record<string, (params: object) => unknown>;
  await hooks['astro:routes:resolved']!({ routes: [] });
  await hooks['astro:config:done']!({ config });
  await hooks['astro:build:done']!({ dir: pathToFileURL(`${dir}/`), pages: pages.map((page) => ({ ...page })), logger });
  return dir;
}

describe('the presorted sitemap', () => {
  it('puts pages in the order @astrojs/sitemap sorts URLs into', () => {
    const pages = scrambledPages();
    const url = (page: { pathname: string }) => new URL(page.pathname.replace(/^\//, ''), 'https://example.org/trending/').href;
    const expected = pages.map(url).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    const sorted = inSitemapOrder(pages).map(url);
    expect(sorted).toEqual(expected);
    // A numeric order, not a plain string one: 7 before 10.
    expect(sorted.indexOf('https://example.org/trending/papers/alpha-7/')).toBeLessThan(sorted.indexOf('https://example.org/trending/papers/alpha-10/'));
  });

  it('writes exactly the files @astrojs/sitemap writes on its own', async () => {
    const options = { filter: (page: string) => !page.endsWith('/search/') };
    const plain = await runBuild(sitemap(options), scrambledPages());
    const presorted = await runBuild(presortedSitemap(options), scrambledPages());
    const files = readdirSync(plain).sort();
    expect(files).toEqual(['sitemap-0.xml', 'sitemap-index.xml']);
    expect(readdirSync(presorted).sort()).toEqual(files);
    for (const file of files) expect(readFileSync(join(presorted, file), 'utf8')).toBe(readFileSync(join(plain, file), 'utf8'));
    const xml = readFileSync(join(presorted, 'sitemap-0.xml'), 'utf8');
    expect(xml).toContain('<loc>https://example.org/trending/papers/alpha-7/</loc>');
    expect(xml).not.toContain('/search/');
  });
});
