/**
 * The trust property end to end: random titles and abstracts built from
 * hostile pieces go through the parser, the generator, Astro and the feeds,
 * and come back as exactly the same text, inert, on the page, in its meta
 * tags and in the RSS feed. One build of a seeded sample keeps it fast and
 * repeatable.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanText } from '../../../src/lib/listing/parse.ts';
import { cleanArtefacts } from '../../../src/lib/text/artefacts.ts';
import { launchBrowser } from '../../../scripts/support/browser.ts';
import { parseFeed, type ParsedFeed } from '../../support/feedReader.ts';
import { buildSite, type FixtureSite } from '../../support/fixtureSite.ts';
import { readPaperSources } from '../../support/siteFiles.ts';
import { serveStatic, type StaticServer } from '../../../scripts/support/staticServer.ts';

/** Pieces of text that mean something to Markdown, MDX, HTML, YAML, JavaScript or TeX. */
const PIECES = [
  'import x from "y"', 'export const a = 1', '{process.exit(1)}', '{/* c */}', '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>', '</p><script>', '<!-- c -->', '---', '# h', '> q', '1. item', '- b', '`code`',
  '```', '$\\frac{a}{b}$', '$x^2$', '[l](javascript:alert(1))', 'javascript:alert(1)', 'key: value', '!!js/function',
  '&amp;', '&lt;b&gt;', '&#60;i&#62;', '&quot;', '"', "'", '\\', '{', '}', '<', '>', '&', '%', '@', '|', '*', '_',
  'https://github.com/x/y', '{https://example.org/a}', 'café', 'Zero\u200bwidth', 'עברית', 'العربية', '日本語', '🚀',
];

/** A title or abstract: a few pieces and words joined by spaces. */
const text = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.constantFrom('model', 'learning', 'zeta', 'Robots') }), { minLength: 2, maxLength: 7 })
  .map((parts) => parts.join(' '));

/** What a reader must see for a raw listing line: entities decoded once, white space collapsed, artefacts cleaned. */
const shown = (raw: string) => cleanArtefacts(cleanText(raw));

const papers = fc
  .sample(fc.record({ title: text, abstract: text }), { seed: 20250311, numRuns: 40 })
  .filter((p, i, all) => shown(p.title) !== '' && all.findIndex((q) => shown(q.title) === shown(p.title)) === i)
  .slice(0, 24);

describe('random hostile text, built and rendered', () => {
  let site: FixtureSite;
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let rss: ParsedFeed;
  const slugOf = new Map<string, string>();
  const dialogs: string[] = [];

  beforeAll(async () => {
    const listing = ['Mar 12', '', ...papers.flatMap((p) => [p.title, '', p.abstract, ''])].join('\n');
    site = await buildSite({ listings: { '2025-03-12.txt': listing } });
    for (const source of readPaperSources(site.content)) slugOf.set(source.title, source.slug);
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

  it('builds a page for every sampled paper', () => {
    expect(papers.length).toBeGreaterThanOrEqual(20);
    for (const p of papers) expect(slugOf.has(shown(p.title)), shown(p.title)).toBe(true);
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
    const html = readFileSync(join(site.out, 'rss.xml'), 'utf8');
    expect(html).not.toMatch(/<script/i);
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
