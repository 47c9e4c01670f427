/**
 * The trust property end to end: random titles and abstracts built from
 * hostile pieces go through the parser, the generator, Astro and the feeds,
 * and come back as exactly the same text, inert, on the page, in its meta
 * tags and in the RSS feed. A seeded sample (the same on every run) is part
 * of the newest day of the shared new-day site (tests/support/newDaySite.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../scripts/support/browser.ts';
import { parseFeed, type ParsedFeed } from '../../support/feedReader.ts';
import { NEW_DAY, randomPapers, shown } from '../../support/newDaySite.ts';
import { newDaySite } from '../../support/sharedSites.ts';
import { readPaperSources } from '../../support/siteFiles.ts';
import { serveStatic, type StaticServer } from '../../../scripts/support/staticServer.ts';

const site = newDaySite();
const papers = randomPapers;

describe('random hostile text, built and rendered', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let rss: ParsedFeed;
  const sources = readPaperSources(site.content);
  const slugOf = new Map(sources.map((source) => [source.title, source.slug]));
  const dialogs: string[] = [];

  beforeAll(async () => {
    rss = await parseFeed(join(site.out, 'rss.xml'));
    server = await serveStatic(site.out);
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('builds a page for every sampled paper, listed on the new day', () => {
    expect(papers.length).toBeGreaterThanOrEqual(20);
    for (const p of papers) {
      const title = shown(p.title);
      expect(slugOf.has(title), title).toBe(true);
      expect(sources.find((s) => s.title === title)!.listings.map((l) => l.date), title).toEqual([NEW_DAY]);
    }
  });

  it('shows every title and abstract verbatim on its page and in its meta tags, and runs nothing', async () => {
    for (const p of papers) {
      const title = shown(p.title);
      const abstract = shown(p.abstract);
      await page.goto(`${server.url}papers/${slugOf.get(title)}/`);
      expect(await page.textContent('h1')).toBe(title);
      const source = await page.$eval('.abstract', (el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        for (const math of copy.querySelectorAll('.math')) math.replaceWith(`$${math.querySelector('annotation')?.textContent ?? ''}$`);
        return copy.textContent;
      });
      // The page drops the braces a scraper wrapped around a URL (the URL becomes the link).
      expect(source, title).toBe(abstract.replace(/\{(https?:\/\/[^\s{}<>"]+)\}/g, '$1'));
      expect(await page.getAttribute('meta[property="og:title"]', 'content')).toBe(title);
      const hasHandlers = await page.evaluate(() => [...document.querySelectorAll('*')].some((el) => [...el.attributes].some((a) => a.name.startsWith('on'))));
      expect(hasHandlers, title).toBe(false);
    }
    expect(dialogs).toEqual([]);
  });

  it('gives every title and abstract to a feed reader as exactly the same text', () => {
    const xml = readFileSync(join(site.out, 'rss.xml'), 'utf8');
    expect(xml).not.toMatch(/<script/i);
    expect(rss.bozo).toBe(0);
    for (const p of papers) {
      const link = `https://papers.example.org/papers/${slugOf.get(shown(p.title))}/`;
      const entry = rss.entries.find((e) => e.link === link);
      expect(entry, link).toBeDefined();
      expect(entry!.titleText).toBe(shown(p.title));
      expect(entry!.summaryText).toBe(shown(p.abstract));
    }
  });
});
