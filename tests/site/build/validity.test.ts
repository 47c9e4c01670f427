/**
 * Every shared site (the seed, the new-day site with its hostile papers and
 * the base-path site) is valid HTML on every page, by html-validate
 * (recommended rules, with the project's .htmlvalidate.json) and by the Nu
 * HTML checker, which finds what html-validate lets pass; and has no broken
 * internal link or fragment (linkinator, crawling the site served over
 * HTTP). The base-path site is crawled under its base by
 * tests/site/browser/basePath.test.ts; a rebuilt site with a redirect page
 * is checked by tests/site/build/link.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LinkChecker } from 'linkinator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlValidateConfig, htmlValidateErrors, nuErrors } from '../../support/htmlCheckers.ts';
import { newDaySite, seedSite, sharedSites } from '../../support/sharedSites.ts';
import { listFiles } from '../../support/siteFiles.ts';
import { serveStatic } from '../../../scripts/support/staticServer.ts';

const sites = sharedSites();
/** A page with mistakes both checkers must report: a script after </html>, and an unclosed element. */
const PLANTED = '<!doctype html><html lang="en"><head><title>t</title></head><body><main><div><p>x</p></main></body></html><script src="/x.js"></script>';

describe.each(sites)('$name', (site) => {
  it('passes html-validate’s recommended rules on every page', async () => {
    expect(listFiles(site.out).filter((f) => f.endsWith('.html')).length).toBeGreaterThan(20);
    expect(await htmlValidateErrors(site.out)).toEqual([]);
  });
});

describe('the Nu HTML checker', () => {
  let planted: string;
  let errors: string[];

  beforeAll(async () => {
    planted = mkdtempSync(join(tmpdir(), 'papers-nu-'));
    writeFileSync(join(planted, 'index.html'), PLANTED);
    // One Java run for every site, and a planted page that proves the run checked something.
    errors = await nuErrors([...sites.map((site) => site.out), planted]);
  });
  afterAll(() => rmSync(planted, { recursive: true, force: true }));

  it.each(sites)('finds no error on any page of $name', (site) => {
    expect(errors.filter((e) => e.startsWith(`${site.out}/`))).toEqual([]);
  });

  it('reports the mistakes of a planted page, and nothing else', () => {
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.startsWith(`${planted}/index.html:`)), errors.join('\n')).toBe(true);
    expect(errors.join('\n')).toMatch(/Stray start tag “script”|Unclosed element “div”/);
  });
});

describe('html-validate', () => {
  it('uses the recommended rules and reports the mistakes of a planted page', async () => {
    expect(htmlValidateConfig().extends).toContain('html-validate:recommended');
    const planted = mkdtempSync(join(tmpdir(), 'papers-html-validate-'));
    try {
      writeFileSync(join(planted, 'index.html'), PLANTED);
      expect((await htmlValidateErrors(planted)).join('\n')).toMatch(/close-order|element-permitted/);
    } finally {
      rmSync(planted, { recursive: true, force: true });
    }
  });
});

describe.each([seedSite(), newDaySite()])('$name', (site) => {
  it('has no broken internal link or fragment, checked by linkinator crawling the served site', async () => {
    const server = await serveStatic(site.out);
    try {
      const checker = new LinkChecker();
      const result = await checker.check({
        // The search page is reached by a form and the 404 page by a miss: start there too.
        path: [server.url, `${server.url}search/`, `${server.url}404.html`],
        recurse: true,
        checkFragments: true,
        concurrency: 20,
        // Only this site: the public URLs in canonical links and abstracts are not ours to check offline.
        linksToSkip: async (link) => !link.startsWith(server.origin),
      });
      const checked = result.links.filter((l) => l.state !== 'SKIPPED');
      const broken = result.links.filter((l) => l.state === 'BROKEN').map((l) => `${l.url} (${l.status}) on ${l.parent}`);
      expect(broken).toEqual([]);
      expect(result.passed).toBe(true);
      // Every page of the site was reached.
      const pages = listFiles(site.out).filter((f) => f.endsWith('.html'));
      const reached = new Set(checked.map((l) => new URL(l.url).pathname));
      for (const file of pages) expect(reached.has(`/${file.replace(/(^|\/)index\.html$/, '$1')}`), file).toBe(true);
      expect(checked.length).toBeGreaterThan(pages.length);
    } finally {
      await server.close();
    }
  });
});
