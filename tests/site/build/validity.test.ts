/**
 * The seed site is valid HTML (html-validate, recommended rules, with the
 * project's .htmlvalidate.json; and the Nu HTML checker, which finds what
 * html-validate lets pass) and has no broken internal link or fragment
 * (linkinator, crawling the site served over HTTP).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { LinkChecker } from 'linkinator';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../support/fixtureSite.ts';
import { seedSite } from '../../support/sharedSites.ts';
import { nuErrors } from '../../support/nuChecker.ts';
import { listFiles } from '../../support/siteFiles.ts';
import { serveStatic } from '../../../scripts/support/staticServer.ts';

const { out } = seedSite();

describe('the seed site', () => {
  it('passes html-validate\'s recommended rules on every page', async () => {
    const config = JSON.parse(readFileSync(join(projectRoot, '.htmlvalidate.json'), 'utf8')) as ConfigData;
    expect(config.extends).toContain('html-validate:recommended');
    const validator = new HtmlValidate(config);
    const pages = listFiles(out).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(92);
    const errors: string[] = [];
    for (const file of pages) {
      const report = await validator.validateString(readFileSync(join(out, file), 'utf8'), file);
      for (const result of report.results) {
        for (const m of result.messages) errors.push(`${file}:${m.line}:${m.column}: ${m.ruleId}: ${m.message} (${m.selector ?? ''})`);
      }
    }
    expect(errors).toEqual([]);
  });

  it('has no error under the Nu HTML checker on any page', async () => {
    expect(await nuErrors(out)).toEqual([]);
    expect(listFiles(out).filter((f) => f.endsWith('.html')).length).toBeGreaterThan(92);
  });

  it('has no broken internal link or fragment, checked by linkinator crawling the served site', async () => {
    const server = await serveStatic(out);
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
      const pages = listFiles(out).filter((f) => f.endsWith('.html'));
      const reached = new Set(checked.map((l) => new URL(l.url).pathname));
      for (const file of pages) expect(reached.has(`/${file.replace(/(^|\/)index\.html$/, '$1')}`), file).toBe(true);
      expect(checked.length).toBeGreaterThan(pages.length);
    } finally {
      await server.close();
    }
  });
});
