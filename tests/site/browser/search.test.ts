/**
 * Search and page health in a real browser: Debian's Chromium on the seed
 * site served over HTTP, searching with Pagefind from the header box, deep
 * links and topic filters, ten results at a time with "Show more results"
 * (fetching only the fragments shown), and no errors in the console on any
 * kind of page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../scripts/support/browser.ts';
import { seedSite } from '../../support/sharedSites.ts';
import { readPaperSources, type PaperSource } from '../../support/siteFiles.ts';
import { serveStatic, type StaticServer } from '../../../scripts/support/staticServer.ts';

const { out, content } = seedSite();
const papers: PaperSource[] = readPaperSources(content);

/** Lower-case words of a text. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z]+/g) ?? [];
}

/**
 * A long word of one paper's abstract that no other paper's title or
 * abstract shares even a 7-letter prefix with (so stemming and prefix
 * matching cannot find other papers), with the paper it belongs to.
 */
function distinctiveWord(): { word: string; paper: PaperSource } {
  const prefixes = new Map<string, Set<string>>();
  for (const paper of papers) {
    for (const w of words(`${paper.title} ${paper.abstract}`)) {
      const key = w.slice(0, 7);
      if (!prefixes.has(key)) prefixes.set(key, new Set());
      prefixes.get(key)!.add(paper.slug);
    }
  }
  for (const paper of papers) {
    const word = words(paper.abstract).find((w) => w.length >= 9 && prefixes.get(w.slice(0, 7))!.size === 1);
    if (word) return { word, paper };
  }
  throw new Error('no paper has a distinctive word');
}

const { word, paper: wordPaper } = distinctiveWord();

/** The topic with the most papers in the seed (more than two pages of results), and its papers' URLs. */
const broadTopic = (() => {
  const counts = new Map<string, string[]>();
  for (const paper of papers) {
    for (const { topic } of paper.topics) counts.set(topic, [...(counts.get(topic) ?? []), `/papers/${paper.slug}/`]);
  }
  const [topic, hrefs] = [...counts].sort((a, b) => b[1].length - a[1].length)[0]!;
  return { topic, hrefs };
})();

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
/** Console errors and uncaught exceptions, per page URL. */
const problems: string[] = [];

/** Opens a fresh tab that records console errors and page errors. */
async function openTab(): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${page.url()}: console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // Chromium fetches the favicon on its own after `load`; going to the next page cancels it (net::ERR_ABORTED), which is no fault of the site.
    if (request.url().endsWith('/favicon.svg') && request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`${page.url()}: request failed: ${request.url()} ${request.failure()?.errorText}`);
  });
  return page;
}

/** Counts the Pagefind result fragments a tab requests (one per result whose `data()` was loaded). */
function countFragments(page: Page): { readonly count: number; readonly newestFirst: number } {
  const counter = { count: 0, newestFirst: 0 };
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/pagefind/fragment/')) counter.count++;
    if (path === '/pagefind/newest-first.json') counter.newestFirst++;
  });
  return counter;
}

/** Waits until the search page shows `n` results and a status that matches `status`. */
async function waitForShown(page: Page, n: number, status: RegExp): Promise<void> {
  await page.waitForFunction(
    ([n, source]) =>
      document.querySelectorAll('.search-results > li').length === n && new RegExp(source).test(document.querySelector('.search-status')?.textContent ?? ''),
    [n, status.source] as const,
  );
}

/** Waits until the search page reports a finished search, and returns the result links. */
async function results(page: Page): Promise<{ status: string; links: { href: string; title: string; topics: string[] }[] }> {
  await page.waitForFunction(() => /^(No papers found|\d+ papers? found)/.test(document.querySelector('.search-status')?.textContent ?? ''));
  return page.evaluate(() => ({
    status: document.querySelector('.search-status')?.textContent ?? '',
    links: Array.from(document.querySelectorAll('.search-results > li')).map((li) => ({
      href: new URL(li.querySelector('a')!.href).pathname,
      title: li.querySelector('a')!.textContent ?? '',
      topics: Array.from(li.querySelectorAll('.chip')).map((c) => c.textContent ?? ''),
    })),
  }));
}

beforeAll(async () => {
  server = await serveStatic(out);
  browser = await launchBrowser();
  context = await browser.newContext();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('search in Chromium', () => {
  it('finds a paper by a word of its abstract typed into the header search box on the home page', async () => {
    const page = await openTab();
    await page.goto(server.url);
    await page.fill('#site-search', word);
    await page.press('#site-search', 'Enter');
    await page.waitForURL((url) => url.pathname === '/search/' && url.searchParams.get('q') === word);
    const found = await results(page);
    expect(found.links.map((l) => l.href)).toContain(`/papers/${wordPaper.slug}/`);
    expect(found.links[0]).toMatchObject({ href: `/papers/${wordPaper.slug}/`, title: wordPaper.title });
    expect(await page.inputValue('#search-query')).toBe(word);
    await page.close();
  });

  it('shows results when /search/?q=<word> is opened directly', async () => {
    const page = await openTab();
    await page.goto(`${server.url}search/?q=${encodeURIComponent(word)}`);
    const found = await results(page);
    expect(found.links.map((l) => l.href)).toContain(`/papers/${wordPaper.slug}/`);
    expect(found.status).toMatch(/^\d+ papers? found/);
    // Ten results or fewer: nothing more to show.
    expect(found.links.length).toBeLessThanOrEqual(10);
    expect(await page.isVisible('button.search-more')).toBe(false);
    await page.close();
  });

  it('a search shows ten results first and the next ten after Show more, fetching only the fragments of the results shown', async () => {
    const { topic, hrefs } = broadTopic;
    const total = hrefs.length;
    expect(total).toBeGreaterThan(20);
    const page = await openTab();
    const fragments = countFragments(page);
    await page.goto(`${server.url}search/?topic=${topic}`);

    const first = await results(page);
    expect(first.status).toBe(`${total} papers found, showing 10.`);
    expect(first.links).toHaveLength(10);
    expect(fragments.count).toBe(10);
    // The newest-first order is only fetched for a search sorted by date.
    expect(fragments.newestFirst).toBe(0);
    const more = page.getByRole('button', { name: 'Show more results' });
    expect(await more.isVisible()).toBe(true);

    // With the keyboard: the button is reachable and Enter adds the next ten after the first ten.
    await more.focus();
    await page.keyboard.press('Enter');
    await waitForShown(page, 20, /, showing 20\.$/);
    const second = await results(page);
    expect(second.status).toBe(`${total} papers found, showing 20.`);
    expect(second.links.slice(0, 10)).toEqual(first.links);
    expect(fragments.count).toBe(20);
    // Focus moved to the first added result, so reading continues there.
    expect(await page.evaluate(() => document.activeElement === document.querySelector('.search-results > li:nth-child(11) a'))).toBe(true);
    expect(await more.isVisible()).toBe(true);

    // Clicking on until everything is shown; then the button goes away.
    let lastPageStart = 11;
    for (let shown = 20; shown < total; ) {
      lastPageStart = shown + 1;
      shown = Math.min(shown + 10, total);
      await more.click();
      await waitForShown(page, shown, shown < total ? new RegExp(`, showing ${shown}\\.$`) : /, showing all \d+\.$/);
    }
    const all = await results(page);
    expect(all.status).toBe(`${total} papers found, showing all ${total}.`);
    expect(fragments.count).toBe(total);
    expect(await more.isVisible()).toBe(false);
    // Every paper of the topic, each once.
    expect(all.links.map((l) => l.href).sort()).toEqual([...hrefs].sort());
    expect(await page.evaluate((n) => document.activeElement === document.querySelector(`.search-results > li:nth-child(${n}) a`), lastPageStart)).toBe(true);
    await page.close();
  });

  it('a new search after Show more starts again from its first ten results, keeping a deep link with its sort', async () => {
    const { topic, hrefs } = broadTopic;
    const page = await openTab();
    const fragments = countFragments(page);
    await page.goto(`${server.url}search/?topic=${topic}&sort=date`);
    await results(page);
    expect(await page.inputValue('select[name="sort"]')).toBe('date');
    expect(await page.isChecked(`input[name="topic"][value="${topic}"]`)).toBe(true);
    expect(fragments.newestFirst).toBe(1);
    await page.getByRole('button', { name: 'Show more results' }).click();
    await waitForShown(page, 20, /, showing 20\.$/);
    expect(fragments.count).toBe(20);

    // Add a word: a new search, back to its first ten results.
    const narrowed = papers.filter((p) => hrefs.includes(`/papers/${p.slug}/`) && /\bmodels?\b/i.test(`${p.title} ${p.abstract}`)).length;
    expect(narrowed).toBeGreaterThan(10);
    await page.fill('#search-query', 'model');
    await page.waitForURL((url) => url.searchParams.get('q') === 'model' && url.searchParams.get('topic') === topic && url.searchParams.get('sort') === 'date');
    await waitForShown(page, 10, /^\d+ papers found, showing 10\.$/);
    expect(await page.isVisible('button.search-more')).toBe(true);
    // At most the ten shown were fetched (Pagefind reuses fragments it already has), and the order once per page load.
    expect(fragments.count).toBeLessThanOrEqual(30);
    expect(fragments.newestFirst).toBe(1);
    await page.close();
  });

  it('narrows results to a topic when its box is ticked, and says so in the URL', async () => {
    const page = await openTab();
    await page.goto(`${server.url}search/?q=learning`);
    const before = await results(page);
    const total = Number(/^(\d+)/.exec(before.status)![1]);
    expect(total).toBeGreaterThan(10);

    // A topic some but not all of the first results have.
    const shown = before.links.map((l) => papers.find((p) => `/papers/${p.slug}/` === l.href)!);
    const topic = ['computer-vision', 'reinforcement-learning', 'generative-models', 'language-models'].find((slug) => {
      const n = shown.filter((p) => p.topics.some((t) => t.topic === slug)).length;
      return n > 0 && n < shown.length;
    })!;
    expect(topic).toBeDefined();

    await page.check(`input[type="checkbox"][name="topic"][value="${topic}"]`);
    await page.waitForURL((url) => url.searchParams.getAll('topic').includes(topic) && url.searchParams.get('q') === 'learning');
    await page.waitForFunction((before) => {
      const status = document.querySelector('.search-status')?.textContent ?? '';
      return /^\d+ papers? found/.test(status) && status !== before;
    }, before.status);
    const after = await results(page);
    const narrowed = Number(/^(\d+)/.exec(after.status)![1]);
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(total);
    for (const link of after.links) {
      const paper = papers.find((p) => `/papers/${p.slug}/` === link.href)!;
      expect(paper.topics.map((t) => t.topic), link.href).toContain(topic);
    }

    // The URL is a shareable search: opening it restores the filter.
    const shared = await openTab();
    await shared.goto(page.url());
    const again = await results(shared);
    expect(again.status).toBe(after.status);
    expect(await shared.isChecked(`input[name="topic"][value="${topic}"]`)).toBe(true);
    await shared.close();
    await page.close();
  });

  it('logs no console error or page error on the home, paper, topic, day, search and 404 pages', async () => {
    const paper = papers[0]!;
    const topic = paper.topics[0]!.topic;
    const pages = ['', `papers/${paper.slug}/`, `topics/${topic}/`, 'topics/', 'days/2025-03-11/', 'days/', `search/?q=${encodeURIComponent(word)}`];
    const page = await openTab();
    for (const path of pages) {
      const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      expect(response?.status(), path).toBe(200);
      if (path.startsWith('search/')) await results(page);
      else await page.waitForLoadState('networkidle');
    }
    const missing = await page.goto(`${server.url}no-such-page/`);
    expect(missing?.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Page not found');
    await page.waitForLoadState('networkidle');
    await page.close();
    // A 404 response is what the test asked for; anything else is a problem.
    expect(problems.filter((p) => !/no-such-page\/: console error: Failed to load resource: the server responded with a status of 404/.test(p))).toEqual([]);
  });
});
