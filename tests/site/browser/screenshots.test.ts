/**
 * Full-page screenshots of the home page, a paper page and search results at
 * a phone width (390 px) and a desktop width (1280 px), light mode, written to
 * test-results/screenshots/ (CI keeps test-results/) for people to look at.
 * Each test checks what its screenshot shows: nothing wider than the screen,
 * no text cut off, the page's heading and its first paper (or result) in the
 * first screen, and at 1280 px the reading column at its width, centred.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../scripts/support/browser.ts';
import { projectRoot } from '../../support/fixtureSite.ts';
import { seedSite } from '../../support/sharedSites.ts';
import { readPaperSources, slugsOfDay } from '../../support/siteFiles.ts';
import { serveStatic, type StaticServer } from '../../../scripts/support/staticServer.ts';

const { out, content } = seedSite();
const papers = readPaperSources(content);
const seedDay = slugsOfDay(papers, '2025-03-11');
/** The second paper of the day: it has both pager links, related papers and a code link. */
const paper = papers.find((p) => p.slug === seedDay[1])!;

/** Where screenshots go. */
const SHOTS = join(projectRoot, 'test-results', 'screenshots');

/** The pages, by name and path under the base, and what must be in their first screen. */
const PAGES = [
  { name: 'home', path: '', first: '.paper-list > li:first-child .paper-title', firstText: papers.find((p) => p.slug === seedDay[0])!.title },
  { name: 'paper', path: `papers/${paper.slug}/`, first: '.abstract', firstText: null },
  { name: 'search', path: 'search/?q=diffusion', first: '.search-results > li:first-child h2', firstText: null },
];
/** Phone and desktop screens. */
const SCREENS = [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
];

/** What the page shows, measured in the browser. */
interface Shown {
  viewport: { width: number; height: number };
  scrollWidth: number;
  /** Text that reaches past the screen's edges or is clipped by its box. */
  cut: string[];
  /** Top and bottom of the h1 and of the first paper or result (or of the abstract), and their text. */
  h1: { top: number; bottom: number; text: string } | null;
  first: { top: number; bottom: number; text: string } | null;
  /** The main column: its box, its maximum width, and the left edge of the header's and footer's columns. */
  main: { left: number; width: number; maxWidth: string; right: number };
  columns: number[];
}

/** Measures the laid-out page. */
function measure(page: Page, first: string): Promise<Shown> {
  return page.evaluate((first) => {
    const box = (selector: string) => {
      const el = document.querySelector(selector);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, text: (el.textContent ?? '').trim() };
    };
    const cut: string[] = [];
    const describe = (node: Node) => `${(node.parentElement?.tagName ?? '').toLowerCase()}.${node.parentElement?.className ?? ''}: ${(node.textContent ?? '').trim().slice(0, 40)}`;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim()) continue;
      const parent = node.parentElement!;
      // Only what is drawn: not the text of a closed <details>, nor text kept for screen readers only.
      if (parent.closest('.visually-hidden, noscript, script, style') || !parent.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) continue;
      // The nearest box that does something with what overflows it, if any.
      let clip: Element | null = parent;
      while (clip && clip !== document.body && getComputedStyle(clip).overflowX === 'visible') clip = clip.parentElement;
      const overflow = clip && clip !== document.body ? getComputedStyle(clip).overflowX : 'visible';
      if (overflow === 'hidden' || overflow === 'clip') {
        // Text wider than a box that hides what overflows it is cut off.
        if (clip!.scrollWidth > clip!.clientWidth + 1) cut.push(`clipped by <${clip!.tagName.toLowerCase()} class="${clip!.className}">: ${describe(node)}`);
        continue;
      }
      // In a box that scrolls (a code block), the text can be scrolled to, if the box itself is on the screen.
      const rects = overflow === 'visible' ? (() => {
        const range = document.createRange();
        range.selectNodeContents(node);
        return [...range.getClientRects()];
      })() : [clip!.getBoundingClientRect()];
      // Past the screen's left or right edge it is cut off: the page does not scroll sideways.
      if (rects.some((r) => r.width > 0 && (r.left < -0.5 || r.right > innerWidth + 0.5))) cut.push(`past the edge: ${describe(node)}`);
    }
    const main = document.querySelector('main')!;
    const m = main.getBoundingClientRect();
    return {
      viewport: { width: innerWidth, height: innerHeight },
      scrollWidth: document.documentElement.scrollWidth,
      cut: [...new Set(cut)],
      h1: box('h1'),
      first: box(first),
      main: { left: m.left, width: m.width, right: innerWidth - m.right, maxWidth: getComputedStyle(main).maxWidth },
      columns: [...document.querySelectorAll('header .wrap, footer .wrap')].map((el) => el.getBoundingClientRect().left),
    };
  }, first);
}

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await serveStatic(out);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(SCREENS)('at $width px', (screen) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: screen, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce' });
  });
  afterAll(async () => {
    await context?.close();
  });

  it.each(PAGES)('the $name page fits the screen, cuts no text and shows its heading and first content in the first screen', async ({ name, path, first, firstText }) => {
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    if (path.startsWith('search/')) {
      await page.waitForFunction(() => /^\d+ papers? found/.test(document.querySelector('.search-status')?.textContent ?? ''));
    }
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(SHOTS, `${name}-${screen.width}.png`), fullPage: true });
    const shown = await measure(page, first);
    await page.close();

    expect(shown.viewport).toEqual(screen);
    expect(shown.scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(screen.width);
    expect(shown.cut).toEqual([]);
    // The heading and the first paper (the abstract, the first result) start in the first screen, the heading whole.
    expect(shown.h1, 'h1').not.toBeNull();
    expect(shown.h1!.top).toBeGreaterThanOrEqual(0);
    expect(shown.h1!.bottom).toBeLessThanOrEqual(screen.height);
    expect(shown.first, first).not.toBeNull();
    expect(shown.first!.top).toBeGreaterThan(shown.h1!.top);
    expect(shown.first!.top + 24, `${first} starts in the first screen`).toBeLessThanOrEqual(screen.height);
    if (firstText !== null) expect(shown.first!.text).toBe(firstText);
    if (name === 'paper') expect(shown.h1!.text).toBe(paper.title);
    if (screen.width >= 1280) {
      // A reading column at its maximum width, centred, with header and footer aligned to it.
      expect(shown.main.maxWidth).toMatch(/px$/);
      expect(shown.main.width).toBe(parseFloat(shown.main.maxWidth));
      expect(shown.main.width).toBeLessThan(screen.width * 0.7);
      expect(Math.abs(shown.main.left - shown.main.right)).toBeLessThanOrEqual(1);
      expect(shown.columns.length).toBeGreaterThan(0);
      for (const left of shown.columns) expect(Math.abs(left - shown.main.left)).toBeLessThanOrEqual(1);
    } else {
      // The column takes the phone's whole width.
      expect(shown.main.width).toBe(screen.width);
    }
  });
});

describe('the measurements', () => {
  it('see text planted past the edge, text clipped by its box, and a page that scrolls sideways', async () => {
    const context = await browser.newContext({ viewport: SCREENS[0]!, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    await page.evaluate(() => {
      const wide = document.createElement('p');
      wide.textContent = 'Planted-text-that-is-far-too-wide '.repeat(3);
      wide.style.cssText = 'white-space: nowrap; overflow-wrap: normal';
      // Styles through the CSSOM: the page's Content Security Policy refuses style attributes in markup.
      const clipped = document.createElement('p');
      const span = document.createElement('span');
      span.textContent = 'Clipped planted text';
      span.style.cssText = 'display: block; width: 40px; overflow: hidden; white-space: nowrap';
      clipped.append(span);
      document.querySelector('main')!.prepend(wide, clipped);
    });
    const shown = await measure(page, 'h1');
    await context.close();
    expect(shown.scrollWidth).toBeGreaterThan(SCREENS[0]!.width);
    expect(shown.cut).toEqual([expect.stringMatching(/^past the edge: p\.: Planted-text/), expect.stringMatching(/^clipped by <span class="">: span\.: Clipped planted/)]);
  });
});

