/**
 * The sitemap integration (src/integrations/sitemap.ts) hands
 * `@astrojs/sitemap` the pages already in its order and must not change a
 * byte of what it writes: both run their build hooks into temporary folders.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { afterAll, describe, expect, it } from 'vitest';
import { presortedSitemap } from '../../src/integrations/sitemap.ts';
import { scrambledPages } from '../support/sitemapPages.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

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
