/**
 * Accessibility in a real browser: axe-core finds no violation on every kind
 * of page (home, paper, topic, day, search with results, subscribe) in light
 * and dark mode, whether the mode comes from the system setting or from the
 * reader's toggle overriding it.
 *
 * Every rule runs in light mode. The modes change colours only (the
 * stylesheet's light-dark() values), so in the three others the test checks
 * that the page is the very page checked in light mode, its theme's own
 * marks aside (html data-theme, the toggle's pressed state and title), and
 * runs the rules whose outcome depends on colours: contrast, and links told
 * apart from text.
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
  { name: 'light (system)', colorScheme: 'light', stored: null, theme: 'light', everyRule: true },
  { name: 'dark (system)', colorScheme: 'dark', stored: null, theme: 'dark' },
  { name: 'dark (toggle over a light system)', colorScheme: 'light', stored: 'dark', theme: 'dark' },
  { name: 'light (toggle over a dark system)', colorScheme: 'dark', stored: 'light', theme: 'light' },
] as const;

let server: StaticServer;
let browser: Browser;
/** The document of each page in light mode, where every rule is checked, as `themeless` gives it. */
const checked = new Map<string, string>();

/** The light-mode document of a page: kept by the light-mode test, or loaded in a light tab when that test did not run. */
async function lightDocument(path: string): Promise<string> {
  if (!checked.has(path)) {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await open(page, path);
    checked.set(path, await themeless(page));
    await context.close();
  }
  return checked.get(path)!;
}

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

/** The page's document with its theme's own marks taken out: html data-theme, the toggle's pressed state and title. */
function themeless(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    copy.removeAttribute('data-theme');
    for (const toggle of copy.querySelectorAll('[data-theme-toggle]')) {
      toggle.removeAttribute('aria-pressed');
      toggle.removeAttribute('title');
    }
    return copy.outerHTML;
  });
}

/** The axe rules whose outcome depends on the colours a page is drawn in. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * axe's violations (every rule of the tags, or only `rules`), one line per
 * element, readable in a failure message. Legacy mode runs axe.run in the
 * page itself: the pages have no frames, and the default mode's second pass
 * in a blank page doubles the time.
 */
async function violations(page: Page, rules?: string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page }).setLegacyMode(true);
  const result = await (rules ? builder.withRules(rules) : builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`));
}

describe.each(MODES)('in $name mode', (mode) => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({ colorScheme: mode.colorScheme });
    if (mode.stored) {
      // What the toggle stores; the page's inline script applies it before first paint.
      await context.addInitScript(`try { localStorage.setItem('theme', '${mode.stored}') } catch {}`);
    }
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('shows the expected theme (so contrast is checked in it)', async () => {
    await open(page, '');
    const shown = await page.evaluate(() => ({
      dark: getComputedStyle(document.documentElement).backgroundColor !== 'rgb(255, 255, 255)',
      pressed: document.querySelector('[data-theme-toggle]')?.getAttribute('aria-pressed'),
    }));
    expect(shown).toEqual({ dark: mode.theme === 'dark', pressed: String(mode.theme === 'dark') });
  });

  if ('everyRule' in mode) {
    it.each(PAGES)('has no axe violation on /%s', async (path) => {
      await open(page, path);
      checked.set(path, await themeless(page));
      expect(await violations(page)).toEqual([]);
    });
  } else {
    it.each(PAGES)('shows /%s as the page checked in light mode, with no contrast violation', async (path) => {
      await open(page, path);
      expect(await themeless(page)).toBe(await lightDocument(path));
      expect(await violations(page, COLOUR_RULES)).toEqual([]);
    });
  }
});

describe('axe itself', () => {
  it('reports a planted contrast problem with every rule and with the colour rules, so a clean run means something', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await open(page, 'subscribe/');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'planted';
      p.textContent = 'Barely visible text';
      p.style.color = '#eeeeee';
      document.querySelector('main')!.append(p);
    });
    expect((await violations(page)).filter((v) => v.startsWith('color-contrast'))).toEqual([expect.stringContaining('#planted')]);
    expect(await violations(page, COLOUR_RULES)).toEqual([expect.stringContaining('color-contrast (serious): #planted')]);
    await context.close();
  });
});
