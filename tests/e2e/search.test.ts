/**
 * Search and page health in a real browser: Debian's Chromium on the seed
 * site served over HTTP, searching with Pagefind from the header box, deep
 * links and topic filters, and no errors in the console on any kind of page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { seedSite } from '../support/seedSite.ts';
import { readPaperSources, type PaperSource } from '../support/siteFiles.ts';
import { serveStatic, type StaticServer } from '../support/staticServer.ts';

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
  page.on('requestfailed', (request) => problems.push(`${page.url()}: request failed: ${request.url()} ${request.failure()?.errorText}`));
  return page;
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
