/**
 * Finding and reading papers in a real browser (Debian's Chromium): search
 * with topic and day filters and date sort, deep links, the `/` shortcut,
 * dark mode, pages without JavaScript, search code loaded only on the search
 * page, related papers, previous/next, the skip link and 360 px phones.
 *
 * Search filters and sorting run on the shared new-day site (the seed plus
 * two later days), so a day filter and "newest first" really change
 * results; everything else runs on the seed site.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../scripts/support/browser.ts';
import { DISTILLATION, NEW_DAY, NUMBAT } from '../../support/newDaySite.ts';
import { newDaySite, seedSite } from '../../support/sharedSites.ts';
import { readPaperSources, slugsOfDay, type PaperSource } from '../../support/siteFiles.ts';
import { serveStatic, type StaticServer } from '../../../scripts/support/staticServer.ts';

const seed = seedSite();
const papers: PaperSource[] = readPaperSources(seed.content);
const SEED_DAY = '2025-03-11';
const seedDay = slugsOfDay(papers, SEED_DAY);

/** A seed paper about diffusion (generative-models) that the new day lists again. */
const repeated = papers.find((p) => p.slug === DISTILLATION.slug)!;

let browser: Browser;
let server: StaticServer;

/** Waits for the search page to finish a search; returns its status and results. */
async function results(page: Page): Promise<{ status: string; items: { href: string; title: string; excerpt: string; marks: string[]; topics: string[] }[] }> {
  await page.waitForFunction(() => /^(No papers found|\d+ papers? found)/.test(document.querySelector('.search-status')?.textContent ?? ''));
  return page.evaluate(() => ({
    status: document.querySelector('.search-status')?.textContent ?? '',
    items: Array.from(document.querySelectorAll('.search-results > li')).map((li) => ({
      href: new URL(li.querySelector('h2 a')!.getAttribute('href')!, location.href).pathname,
      title: li.querySelector('h2')?.textContent ?? '',
      excerpt: li.querySelector('.excerpt')?.textContent ?? '',
      marks: Array.from(li.querySelectorAll('.excerpt mark')).map((m) => m.textContent ?? ''),
      topics: Array.from(li.querySelectorAll('.chip')).map((c) => c.textContent ?? ''),
    })),
  }));
}

/** The paper path of a slug. */
const paperPath = (slug: string) => `/papers/${slug}/`;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await serveStatic(seed.out);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('searching a site of three days', () => {
  const site = newDaySite();
  let later: StaticServer;
  let context: BrowserContext;
  const byTitle = new Map(readPaperSources(site.content).map((p) => [p.title, p]));
  /** The new paper of the new day about diffusion. */
  const numbat = byTitle.get(NUMBAT.title)!;
  /** Every search control, as the page shows it. */
  const controls = (page: Page) =>
    page.evaluate(() => ({
      q: document.querySelector<HTMLInputElement>('#search-query')!.value,
      topics: Array.from(document.querySelectorAll<HTMLInputElement>('input[name="topic"]:checked')).map((b) => b.value),
      day: document.querySelector<HTMLSelectElement>('select[name="day"]')!.value,
      sort: document.querySelector<HTMLSelectElement>('select[name="sort"]')!.value,
    }));

  beforeAll(async () => {
    later = await serveStatic(site.out);
    context = await browser.newContext();
  });

  afterAll(async () => {
    await context?.close();
    await later?.close();
  });

  it('narrows a typed query by topic and by day, sorts it newest first, and keeps all of it in the URL', async () => {
    const page = await context.newPage();
    await page.goto(`${later.url}search/`);
    await page.waitForSelector('input[name="topic"]');
    await page.locator('#search-query').pressSequentially('diffusion');
    await page.waitForURL((url) => url.searchParams.get('q') === 'diffusion');
    const typed = await results(page);
    expect(typed.items.length).toBeGreaterThan(2);
    expect(typed.items.map((i) => i.href)).toContain(paperPath(numbat.slug));

    await page.check('input[name="topic"][value="generative-models"]');
    await page.waitForURL((url) => url.searchParams.getAll('topic').includes('generative-models'));
    const byTopic = await results(page);
    expect(byTopic.items.length).toBeGreaterThan(2);
    for (const item of byTopic.items) expect(item.topics, item.href).toContain('Generative Models');

    await page.selectOption('select[name="day"]', NEW_DAY);
    await page.waitForURL((url) => url.searchParams.get('day') === NEW_DAY);
    const byDay = await results(page);
    // Only the new day's diffusion papers: the new one and the seed paper listed again.
    expect(repeated.listings.map((l) => l.date)).toEqual([SEED_DAY]);
    expect(byTitle.get(repeated.title)!.listings.map((l) => l.date)).toEqual([SEED_DAY, NEW_DAY]);
    expect(byDay.items.map((i) => i.href).sort()).toEqual([paperPath(numbat.slug), paperPath(repeated.slug)].sort());

    await page.selectOption('select[name="sort"]', 'date');
    await page.waitForURL((url) => url.searchParams.get('sort') === 'date');
    const newest = await results(page);
    // The paper first listed on the new day comes before the one first listed the day before.
    expect(newest.items.map((i) => i.href)).toEqual([paperPath(numbat.slug), paperPath(repeated.slug)]);
    expect(newest.status).toMatch(/^2 papers found/);

    const params = new URL(page.url()).searchParams;
    expect(Object.fromEntries(params)).toEqual({ q: 'diffusion', topic: 'generative-models', day: NEW_DAY, sort: 'date' });
    await page.close();
  });

  it('orders every result newest first when sorted by date', async () => {
    const page = await context.newPage();
    await page.goto(`${later.url}search/?q=diffusion&sort=date`);
    const found = await results(page);
    const bySlug = new Map([...byTitle.values()].map((p) => [paperPath(p.slug), p]));
    const dates = found.items.map((i) => bySlug.get(i.href)!.firstSeen);
    expect(dates.length).toBeGreaterThan(2);
    expect(dates[0]).toBe(NEW_DAY);
    expect(dates).toEqual([...dates].sort().reverse());
    await page.close();
  });

  it('restores the query, the topic, the day, the sort and the results from a deep link', async () => {
    const page = await context.newPage();
    await page.goto(`${later.url}search/?q=diffusion&topic=generative-models&day=${NEW_DAY}&sort=date`);
    const found = await results(page);
    expect(await controls(page)).toEqual({ q: 'diffusion', topics: ['generative-models'], day: NEW_DAY, sort: 'date' });
    expect(found.items.map((i) => i.href)).toEqual([paperPath(numbat.slug), paperPath(repeated.slug)]);
    await page.close();
  });
});

describe('reading the seed site', () => {
  let context: BrowserContext;

  beforeAll(async () => {
    context = await browser.newContext({ colorScheme: 'light' });
  });
  afterAll(async () => {
    await context?.close();
  });

  it('shows each result with its title, an excerpt with the query highlighted, and its topics', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}search/?q=diffusion`);
    const found = await results(page);
    expect(found.items.length).toBeGreaterThan(3);
    for (const item of found.items) {
      const paper = papers.find((p) => paperPath(p.slug) === item.href)!;
      expect(paper, item.href).toBeDefined();
      expect(item.title).toBe(paper.title);
      expect(item.excerpt.length).toBeGreaterThan(40);
      expect(item.topics.length).toBeGreaterThan(0);
    }
    // Pagefind highlights the matched word in the excerpts of papers whose abstract has it.
    const marked = found.items.filter((i) => i.marks.length > 0);
    expect(marked.length).toBeGreaterThan(0);
    for (const item of marked) for (const mark of item.marks) expect(mark.toLowerCase()).toMatch(/diffusion/);
    await page.close();
  });

  it('focuses the search field when / is pressed on the home page and on a paper page', async () => {
    const page = await context.newPage();
    for (const path of ['', `papers/${seedDay[0]}/`]) {
      await page.goto(`${server.url}${path}`);
      await page.waitForSelector('[data-theme-toggle]:not([hidden])'); // the chrome script has run
      await page.keyboard.press('/');
      expect(await page.evaluate(() => document.activeElement?.id), path).toBe('site-search');
      // The slash itself is not typed into the field.
      expect(await page.inputValue('#site-search')).toBe('');
    }
    await page.close();
  });

  it('types / into a search field instead of moving focus', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}search/`);
    await page.waitForSelector('input[name="topic"]');
    // The header box on the search page: `/` would otherwise jump to the page's own field.
    await page.focus('#site-search');
    await page.keyboard.type('a/b');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    expect(await page.inputValue('#site-search')).toBe('a/b');
    // Outside any field, `/` goes to the search page's own field.
    await page.click('h1');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-query');
    await page.keyboard.type('x/y');
    expect(await page.inputValue('#search-query')).toBe('x/y');
    await page.close();
  });

  it('moves focus to the main content with the skip link, the first thing Tab reaches', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}papers/${seedDay[0]}/`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const box = el.getBoundingClientRect();
      return { cls: el.className, text: el.textContent, visible: box.top >= 0 && box.height > 0 };
    });
    expect(focused).toEqual({ cls: 'skip-link', text: 'Skip to content', visible: true });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(new URL(page.url()).hash).toBe('#main');
    // The next Tab continues inside main, not back in the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    await page.close();
  });

  it('lists up to five related papers, each linking to a page that exists', async () => {
    const page = await context.newPage();
    const checked = new Set<string>();
    for (const slug of seedDay.slice(0, 5)) {
      await page.goto(`${server.url}papers/${slug}/`);
      const links = await page.$$eval('.related a', (as) => as.map((a) => ({ href: new URL((a as HTMLAnchorElement).href).pathname, text: a.textContent ?? '' })));
      expect(links.length, slug).toBeGreaterThan(0);
      expect(links.length, slug).toBeLessThanOrEqual(5);
      expect(new Set(links.map((l) => l.href)).size).toBe(links.length);
      for (const link of links) {
        const target = papers.find((p) => paperPath(p.slug) === link.href);
        expect(target, link.href).toBeDefined();
        expect(target!.slug).not.toBe(slug);
        expect(link.text).toBe(target!.title);
        checked.add(link.href);
      }
    }
    for (const href of checked) {
      const response = await page.goto(`${server.origin}${href}`);
      expect(response?.status(), href).toBe(200);
    }
    await page.close();
  });

  it('links each paper to the previous and next paper of its day, and follows them', async () => {
    const page = await context.newPage();
    const pager = () =>
      page.evaluate(() => ({
        prev: document.querySelector<HTMLAnchorElement>('.pager a[rel="prev"]')?.pathname ?? null,
        next: document.querySelector<HTMLAnchorElement>('.pager a[rel="next"]')?.pathname ?? null,
      }));
    await page.goto(`${server.url}papers/${seedDay[0]}/`);
    expect(await pager()).toEqual({ prev: null, next: paperPath(seedDay[1]!) });
    await page.click('.pager a[rel="next"]');
    await page.waitForURL((url) => url.pathname === paperPath(seedDay[1]!));
    expect(await pager()).toEqual({ prev: paperPath(seedDay[0]!), next: paperPath(seedDay[2]!) });
    await page.click('.pager a[rel="prev"]');
    await page.waitForURL((url) => url.pathname === paperPath(seedDay[0]!));
    const last = seedDay.at(-1)!;
    await page.goto(`${server.url}papers/${last}/`);
    expect(await pager()).toEqual({ prev: paperPath(seedDay.at(-2)!), next: null });
    await page.close();
  });

  it('loads the search code (pagefind.js and its wasm) on the search page only', async () => {
    const page = await context.newPage();
    const requests: string[] = [];
    const scripts: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    page.on('response', async (r) => {
      if (r.request().resourceType() === 'script') scripts.push(await r.text().catch(() => ''));
    });
    const topic = papers[0]!.topics[0]!.topic;
    for (const path of ['', `papers/${seedDay[0]}/`, `topics/${topic}/`, `days/${SEED_DAY}/`]) {
      requests.length = 0;
      scripts.length = 0;
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      await page.keyboard.press('/'); // using the shortcut does not load search either
      await page.waitForLoadState('networkidle');
      expect(requests.filter((r) => /pagefind|\.wasm$/.test(r)), path).toEqual([]);
      expect(scripts.filter((s) => s.includes('pagefind')), path).toEqual([]);
    }
    requests.length = 0;
    await page.goto(`${server.url}search/?q=diffusion`);
    await results(page);
    expect(requests).toContain('/pagefind/pagefind.js');
    expect(requests.some((r) => /^\/pagefind\/wasm\.[a-z-]+\.pagefind$/.test(r))).toBe(true);
    await page.close();
  });

  it('has no horizontal scroll at 360 px on the home, topic, search and every paper page', async () => {
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, colorScheme: 'light' });
    const page = await phone.newPage();
    const overflow = async (path: string) => {
      await page.goto(`${server.url}${path}`);
      if (path.startsWith('search/')) await results(page);
      return page.evaluate(() => document.documentElement.scrollWidth);
    };
    const topic = papers[0]!.topics[0]!.topic;
    const wide: string[] = [];
    for (const path of ['', `topics/${topic}/`, 'topics/', `days/${SEED_DAY}/`, 'search/?q=learning', 'subscribe/', ...papers.map((p) => `papers/${p.slug}/`)]) {
      const width = await overflow(path);
      if (width > 360) wide.push(`/${path}: ${width}px`);
    }
    expect(wide).toEqual([]);
    await phone.close();
  });

  it('folds the topic filter on a phone so results come first, unless the link chose a topic', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await phone.newPage();
    await page.goto(`${server.url}search/?q=diffusion`);
    await results(page);
    expect(await page.$eval('details.topic-filter', (d) => (d as HTMLDetailsElement).open)).toBe(false);
    const resultTop = await page.$eval('.search-result', (el) => el.getBoundingClientRect().top);
    expect(resultTop).toBeLessThan(844);
    const topic = papers[0]!.topics[0]!.topic;
    await page.goto(`${server.url}search/?q=diffusion&topic=${topic}`);
    await page.waitForSelector(`input[name="topic"][value="${topic}"]:checked`);
    expect(await page.$eval('details.topic-filter', (d) => (d as HTMLDetailsElement).open)).toBe(true);
    await phone.close();
  });
});

describe('dark mode', () => {
  /** The theme the page shows: its background colour and the toggle's state. */
  const shown = (page: Page) =>
    page.evaluate(() => ({
      background: getComputedStyle(document.documentElement).backgroundColor,
      pressed: document.querySelector('[data-theme-toggle]')!.getAttribute('aria-pressed'),
    }));
  const LIGHT = { background: 'rgb(255, 255, 255)', pressed: 'false' };
  const DARK = { background: 'rgb(13, 17, 23)', pressed: 'true' };

  it('follows the system setting when the reader has not chosen', async () => {
    for (const [scheme, expected] of [['light', LIGHT], ['dark', DARK]] as const) {
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForSelector('[data-theme-toggle]:not([hidden])');
      expect(await shown(page), scheme).toEqual(expected);
      expect(await page.getAttribute('html', 'data-theme')).toBeNull();
      await context.close();
    }
  });

  it('switches with the toggle, and the choice persists across reloads and pages and over the system setting', async () => {
    for (const [scheme, before, after] of [['light', LIGHT, DARK], ['dark', DARK, LIGHT]] as const) {
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForSelector('[data-theme-toggle]:not([hidden])');
      expect(await shown(page)).toEqual(before);
      await page.click('[data-theme-toggle]');
      expect(await shown(page), `${scheme} system, toggled`).toEqual(after);
      await page.reload();
      await page.waitForSelector('[data-theme-toggle]:not([hidden])');
      expect(await shown(page), 'after reload').toEqual(after);
      await page.goto(`${server.url}papers/${seedDay[3]}/`);
      await page.waitForSelector('[data-theme-toggle]:not([hidden])');
      expect(await shown(page), 'on another page').toEqual(after);
      // Toggling back returns to the system's theme.
      await page.click('[data-theme-toggle]');
      expect(await shown(page)).toEqual(before);
      await context.close();
    }
  });
});

describe('without JavaScript', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ javaScriptEnabled: false });
  });
  afterAll(async () => {
    await context?.close();
  });

  it('renders the home, paper, topic and day pages with their content', async () => {
    const page = await context.newPage();
    const paper = papers.find((p) => p.slug === seedDay[0])!;
    const topic = paper.topics[0]!.topic;
    const topicCount = papers.filter((p) => p.topics.some((t) => t.topic === topic)).length;

    await page.goto(server.url);
    expect(await page.locator('.paper-list > li').count()).toBe(seedDay.length);
    expect(await page.locator('.paper-list > li .paper-title').first().textContent()).toBe(paper.title);

    await page.goto(`${server.url}papers/${paper.slug}/`);
    expect(await page.textContent('h1')).toBe(paper.title);
    expect((await page.textContent('.abstract'))!.length).toBeGreaterThan(200);
    expect(await page.locator('.related a').count()).toBeGreaterThan(0);

    await page.goto(`${server.url}topics/${topic}/`);
    expect(await page.locator('.paper-list > li').count()).toBe(topicCount);

    await page.goto(`${server.url}days/${SEED_DAY}/`);
    expect(await page.locator('.paper-list > li').count()).toBe(seedDay.length);
    await page.close();
  });

  it('submits the header search box to /search/?q=', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}papers/${seedDay[0]}/`);
    expect(await page.isHidden('[data-theme-toggle]')).toBe(true); // a toggle that cannot work is not shown
    await page.fill('#site-search', 'graph learning');
    await page.press('#site-search', 'Enter');
    await page.waitForURL((url) => url.pathname === '/search/');
    expect(new URL(page.url()).searchParams.get('q')).toBe('graph learning');
    // The search page says how to browse instead.
    expect(await page.locator('main noscript, main :text("needs JavaScript")').count()).toBeGreaterThan(0);
    await page.close();
  });
});
