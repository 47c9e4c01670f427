/**
 * The spine of the seed site: every paper, topic and day has its page with
 * the right text in the right order, the head of every page is complete, and
 * the feed and the search index hold exactly the papers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { launchBrowser } from '../../../scripts/support/browser.ts';
import { parseFeed, xmllint } from '../../support/feedReader.ts';
import { summarizePage, type PageSummary } from '../../support/pageSummary.ts';
import { seedSite } from '../../support/sharedSites.ts';
import { listFiles, readPagefindFragments, readPaperSources, slugsOfDay, type PaperSource } from '../../support/siteFiles.ts';

const { out, content, report } = seedSite();
const config = parseYaml(readFileSync(join(content, 'site.yaml'), 'utf8')) as { url: string; base: string; title: string };
const taxonomy = parseYaml(readFileSync(join(content, 'topics.yaml'), 'utf8')) as { topics: { slug: string; name: string }[] };
const papers: PaperSource[] = readPaperSources(content);
/** The public URL of a route path. */
const absolute = (path: string) => new URL(`${config.base}${path}`, config.url).href;

let browser: Browser;
let page: Page;

/** Summarises a built page by its path in dist/. */
async function summary(file: string): Promise<PageSummary> {
  return summarizePage(page, readFileSync(join(out, file), 'utf8'));
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('the seed site', () => {
  it('is built by every step, from the committed content as it is, into its pages and the search index', () => {
    expect(report.ok).toBe(true);
    expect(report.steps.map((step) => step.name).sort()).toEqual(['astro', 'generate', 'output', 'preview images', 'search documents', 'search index']);
    // The committed content/papers are what the listings produce: the generator writes nothing.
    expect(report.counts).toMatchObject({ papers: 92, withNotes: 0, filesWritten: 0, documentsIndexed: 92, imagesDrawn: 93 });
    expect(report.counts.pages).toBe(listFiles(out).filter((f) => f.endsWith('.html')).length);
    expect(report.output).toMatchObject({ files: listFiles(out).length });
  });

  it('has a page for each of the 92 papers', () => {
    const sitemap = readFileSync(join(out, 'sitemap-0.xml'), 'utf8');
    const slugs = [...sitemap.matchAll(/<loc>[^<]*\/papers\/([^/<]+)\/<\/loc>/g)].map((m) => m[1]);
    expect(slugs).toHaveLength(92);
    for (const slug of slugs) expect(existsSync(join(out, 'papers', slug!, 'index.html'))).toBe(true);
  });

  it('shows each paper\'s exact title, as read from its frontmatter, in the h1 of its page', async () => {
    expect(papers).toHaveLength(92);
    const built = listFiles(out).filter((f) => /^papers\/[^/]+\/index\.html$/.test(f));
    expect(built.sort()).toEqual(papers.map((p) => `papers/${p.slug}/index.html`).sort());
    for (const paper of papers) {
      const page = await summary(`papers/${paper.slug}/index.html`);
      expect(page.h1, paper.slug).toEqual([paper.title]);
      expect(page.abstract, paper.slug).not.toBeNull();
      expect(page.title).toBe(`${paper.title} · ${config.title}`);
    }
  });

  it('has a page for every topic of content/topics.yaml, named after it', async () => {
    expect(taxonomy.topics.length).toBeGreaterThan(0);
    for (const topic of taxonomy.topics) {
      const file = `topics/${topic.slug}/index.html`;
      expect(existsSync(join(out, file)), file).toBe(true);
      expect((await summary(file)).h1).toEqual([topic.name]);
    }
  });

  it('lists every topic on /topics/ with the number of papers that have it', async () => {
    const cards = (await summary('topics/index.html')).topics;
    expect(cards.map((c) => c.href)).toEqual(taxonomy.topics.map((t) => `${config.base}topics/${t.slug}/`));
    for (const [i, topic] of taxonomy.topics.entries()) {
      const count = papers.filter((p) => p.topics.some((t) => t.topic === topic.slug)).length;
      expect(cards[i]!.name).toBe(topic.name);
      expect(cards[i]!.count).toBe(`${count} ${count === 1 ? 'paper' : 'papers'}`);
    }
    // Every paper has at least one topic, so the counts cover the corpus.
    expect(papers.every((p) => p.topics.length > 0)).toBe(true);
  });

  it('lists the 92 papers of 2025-03-11 on /days/2025-03-11/ in rank order', async () => {
    const listed = (await summary('days/2025-03-11/index.html')).papers;
    const expected = slugsOfDay(papers, '2025-03-11');
    expect(expected).toHaveLength(92);
    expect(listed.map((p) => p.href)).toEqual(expected.map((slug) => `${config.base}papers/${slug}/`));
    expect(listed.map((p) => p.rank)).toEqual(expected.map((_, i) => `Rank ${i + 1}`));
    const bySlug = new Map(papers.map((p) => [p.slug, p]));
    expect(listed.map((p) => p.title)).toEqual(expected.map((slug) => bySlug.get(slug)!.title));
  });

  it('shows the latest listing on the home page in rank order', async () => {
    const latest = papers.flatMap((p) => p.listings.map((l) => l.date)).sort().at(-1)!;
    const listed = (await summary('index.html')).papers;
    expect(listed.map((p) => p.href)).toEqual(slugsOfDay(papers, latest).map((slug) => `${config.base}papers/${slug}/`));
  });

  it('has a 404 page that search engines skip', async () => {
    const notFound = await summary('404.html');
    expect(notFound.h1).toEqual(['Page not found']);
    expect(notFound.meta.robots).toBe('noindex');
  });

  it('points robots.txt at the sitemap under the configured site URL', () => {
    const robots = readFileSync(join(out, 'robots.txt'), 'utf8');
    const sitemap = absolute('sitemap-index.xml');
    expect(sitemap.startsWith(config.url)).toBe(true);
    expect(robots.split('\n')).toContain(`Sitemap: ${sitemap}`);
    expect(existsSync(join(out, 'sitemap-index.xml'))).toBe(true);
  });

  it('gives every page one canonical URL under the site URL and advertises the RSS feed', async () => {
    const pages = listFiles(out).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(92);
    const canonicals = new Set<string>();
    for (const file of pages) {
      const head = await summary(file);
      expect(head.canonical, file).toHaveLength(1);
      const canonical = head.canonical[0]!;
      expect(canonical.startsWith(absolute('')), file).toBe(true);
      const route = file === '404.html' ? '404.html' : file.replace(/index\.html$/, '');
      expect(canonical, file).toBe(absolute(route));
      expect(canonicals.has(canonical), `${file} shares its canonical URL`).toBe(false);
      canonicals.add(canonical);
      expect(head.meta['og:url'], file).toBe(canonical);
      expect(head.feeds, file).toContainEqual({ type: 'application/rss+xml', title: `${config.title} (RSS)`, href: `${config.base}rss.xml` });
    }
  });

  it('publishes an RSS feed that feedparser and xmllint accept, with one item per paper page', async () => {
    expect(await xmllint(join(out, 'rss.xml'))).toBe('');
    const feed = await parseFeed(join(out, 'rss.xml'));
    expect(feed.bozoException).toBeNull();
    expect(feed.bozo).toBe(0);
    expect(feed.version).toBe('rss20');
    expect(feed.entries).toHaveLength(92);
    const titles = new Map(papers.map((p) => [p.slug, p.title]));
    const prefix = absolute('papers/');
    for (const entry of feed.entries) {
      expect(entry.link.startsWith(prefix), entry.link).toBe(true);
      const slug = entry.link.slice(prefix.length).replace(/\/$/, '');
      expect(existsSync(join(out, 'papers', slug, 'index.html')), entry.link).toBe(true);
      expect(entry.id).toBe(entry.link);
      expect(entry.titleText).toBe(titles.get(slug));
      expect(entry.published).toBe('Tue, 11 Mar 2025 00:00:00 GMT');
    }
    expect(new Set(feed.entries.map((e) => e.link)).size).toBe(92);
  });

  it('indexes only the 92 paper pages with Pagefind', () => {
    const entry = JSON.parse(readFileSync(join(out, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0)).toBe(92);
    const fragments = readPagefindFragments(out);
    expect(fragments.map((f) => f.url).sort()).toEqual(papers.map((p) => `${config.base}papers/${p.slug}/`).sort());
    const bySlugUrl = new Map(papers.map((p) => [`${config.base}papers/${p.slug}/`, p]));
    for (const fragment of fragments) {
      const paper = bySlugUrl.get(fragment.url)!;
      expect(fragment.meta.title).toBe(paper.title);
      expect(fragment.filters.topic?.sort()).toEqual(paper.topics.map((t) => t.topic).sort());
      expect(fragment.filters.day).toEqual(paper.listings.map((l) => l.date));
    }
  });

  it('publishes none of the build\'s private files: no hidden file, no build data, no search document, only pages, feeds, images and the search bundle', () => {
    const files = listFiles(out);
    expect(files.filter((file) => file.split('/').some((part) => part.startsWith('.')))).toEqual([]);
    expect(files.filter((file) => /\.json$/.test(file) && !file.startsWith('pagefind/') && file !== 'feed.json')).toEqual([]);
    const kinds = new Set(files.map((file) => file.split('/')[0]!.replace(/^[^.]+\./, '.')));
    expect([...kinds].sort()).toEqual(['.html', '.opml', '.png', '.svg', '.txt', '.xml', '.json', '_astro', 'days', 'months', 'og', 'pagefind', 'papers', 'saved', 'search', 'subscribe', 'topics', 'trends', 'weeks'].sort());
  });

  it('puts every indexed paper once in the newest-first order, under the day it was first listed', () => {
    const order = JSON.parse(readFileSync(join(out, 'pagefind', 'newest-first.json'), 'utf8')) as [string, string[]][];
    const ids = listFiles(join(out, 'pagefind', 'fragment')).map((name) => name.replace(/\.pf_fragment$/, ''));
    expect(order.flatMap(([, dayIds]) => dayIds).sort()).toEqual(ids.sort());
    expect(order.map(([day]) => day)).toEqual([...new Set(papers.map((p) => p.firstSeen))].sort().reverse());
  });
});
