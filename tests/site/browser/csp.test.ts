/**
 * The Content Security Policy holds on every kind of page: Chromium reports
 * no violation (the `securitypolicyviolation` event and its console message)
 * while each page loads and runs, search included. A planted inline script
 * proves the policy is enforced and that violations would be seen.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../scripts/support/browser.ts';
import { seedSite } from '../../support/sharedSites.ts';
import { readPaperSources } from '../../support/siteFiles.ts';
import { serveStatic, type StaticServer } from '../../../scripts/support/staticServer.ts';

const { out, content } = seedSite();
const papers = readPaperSources(content);
const paper = papers[0]!;

/** Every kind of page, by path under the base. */
const PAGES = [
  '',
  `papers/${paper.slug}/`,
  `topics/${paper.topics[0]!.topic}/`,
  'topics/',
  'days/2025-03-11/',
  'days/',
  'no-such-page/',
  'search/?q=learning',
];

/** Records violations in the page from before its first script runs. */
const LISTEN = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile + ':' + e.lineNumber });
  }, true);
`;

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;

/** Loads a page, lets it settle (search: until results show), and returns what it reported. */
async function visit(page: Page, path: string): Promise<{ violations: unknown[]; policy: string | null }> {
  await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  if (path.startsWith('search/')) {
    await page.waitForFunction(() => /^\d+ papers? found/.test(document.querySelector('.search-status')?.textContent ?? ''));
  }
  await page.waitForLoadState('networkidle');
  return {
    violations: await page.evaluate(() => (window as unknown as { __cspViolations: unknown[] }).__cspViolations),
    policy: await page.getAttribute('meta[http-equiv="content-security-policy"]', 'content'),
  };
}

beforeAll(async () => {
  server = await serveStatic(out);
  browser = await launchBrowser();
  context = await browser.newContext();
  await context.addInitScript({ content: LISTEN });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the Content Security Policy', () => {
  it.each(PAGES)('is not violated on /%s', async (path) => {
    const page = await context.newPage();
    const messages: string[] = [];
    page.on('console', (m) => {
      if (/Content[- ]Security[- ]Policy/i.test(m.text())) messages.push(m.text());
    });
    const { violations, policy } = await visit(page, path);
    expect(policy, 'the page declares a policy').toMatch(/script-src 'self'/);
    expect(violations).toEqual([]);
    expect(messages).toEqual([]);
    if (path.startsWith('search/')) expect(await page.locator('.search-results > li').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('blocks an inline script nobody hashed, and the test sees it', async () => {
    const page = await context.newPage();
    const messages: string[] = [];
    page.on('console', (m) => {
      if (/Content[- ]Security[- ]Policy/i.test(m.text())) messages.push(m.text());
    });
    await visit(page, `papers/${paper.slug}/`);
    // An inline script runs as it is inserted, if it may run at all.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__planted = true;';
      document.body.append(script);
      return (window as unknown as { __planted?: boolean }).__planted === true;
    });
    expect(ran).toBe(false);
    // The violation is reported to the page (an event) and to the console.
    await page.waitForFunction(() => (window as unknown as { __cspViolations: unknown[] }).__cspViolations.length > 0);
    const violations = await page.evaluate(() => (window as unknown as { __cspViolations: { directive: string }[] }).__cspViolations);
    expect(violations.map((v) => v.directive)).toContain('script-src-elem');
    await expect.poll(() => messages.length).toBeGreaterThan(0);
    await page.close();
  });
});
