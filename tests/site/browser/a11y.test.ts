/**
 * Accessibility in a real browser: axe-core finds no violation on every kind
 * of page (home, paper, topic, day, search with results, subscribe) in light
 * and dark mode, whether the mode comes from the system setting or from the
 * reader's toggle overriding it. Colour contrast is checked in every mode.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../scripts/support/browser.ts';
import { seedSite } from '../../support/sharedSites.ts';
import { readPaperSources, slugsOfDay } from '../../support/siteFiles.ts';
import { serveStatic, type StaticServer } from '../../../scripts/support/staticServer.ts';

const { out, content } = seedSite();
const papers = readPaperSources(content);
const DAY = '2025-03-11';
/** A paper with related papers, a pager both ways and (often) code links: the second of the day. */
const paper = papers.find((p) => p.slug === slugsOfDay(papers, DAY)[1])!;

/** Every kind of page, by path under the base. */
const PAGES = ['', `papers/${paper.slug}/`, `topics/${paper.topics[0]!.topic}/`, `days/${DAY}/`, 'search/?q=diffusion', 'subscribe/'];

/** The modes a reader can see: the system setting, and the toggle's choice stored over it. */
const MODES = [
  { name: 'light (system)', colorScheme: 'light', stored: null, theme: 'light' },
  { name: 'dark (system)', colorScheme: 'dark', stored: null, theme: 'dark' },
  { name: 'dark (toggle over a light system)', colorScheme: 'light', stored: 'dark', theme: 'dark' },
  { name: 'light (toggle over a dark system)', colorScheme: 'dark', stored: 'light', theme: 'light' },
] as const;

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(out);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Loads a page and waits until it is complete (search: until results show). */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  if (path.startsWith('search/')) {
    await page.waitForFunction(() => /^\d+ papers? found/.test(document.querySelector('.search-status')?.textContent ?? ''));
  }
  await page.waitForSelector('[data-theme-toggle]:not([hidden])');
}

/** axe's violations, one line per element, readable in a failure message. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`));
}

describe.each(MODES)('in $name mode', (mode) => {
  let context: BrowserContext;

  beforeAll(async () => {
    context = await browser.newContext({ colorScheme: mode.colorScheme });
    if (mode.stored) {
      // What the toggle stores; the page's inline script applies it before first paint.
      await context.addInitScript(`try { localStorage.setItem('theme', '${mode.stored}') } catch {}`);
    }
  });
  afterAll(async () => {
    await context?.close();
  });

  it('shows the expected theme (so contrast is checked in it)', async () => {
    const page = await context.newPage();
    await open(page, '');
    const shown = await page.evaluate(() => ({
      dark: getComputedStyle(document.documentElement).backgroundColor !== 'rgb(255, 255, 255)',
      pressed: document.querySelector('[data-theme-toggle]')?.getAttribute('aria-pressed'),
    }));
    expect(shown).toEqual({ dark: mode.theme === 'dark', pressed: String(mode.theme === 'dark') });
    await page.close();
  });

  // Pages of one mode are checked side by side: each tab has its own renderer process.
  it.concurrent.for(PAGES)('has no axe violation on /%s', async (path, { expect }) => {
    const page = await context.newPage();
    await open(page, path);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});

describe('axe itself', () => {
  it('reports a planted contrast problem, so a clean run means something', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await open(page, '');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Barely visible text';
      p.style.color = '#eeeeee';
      document.querySelector('main')!.append(p);
    });
    expect((await violations(page)).some((v) => v.startsWith('color-contrast'))).toBe(true);
    await context.close();
  });
});
