/**
 * Issue "Papers people can reach", on the built reach site (a text day, then
 * two days of the daily papers API; tests/support/reachSite.ts): one paper
 * per arXiv id whatever the source, permanent URLs that survive a move from
 * text to JSON and a revised title, every author on the page, links out that
 * are only ever http(s), citations reference managers read, and the search
 * index holding authors and ids.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../scripts/support/browser.ts';
import { FROM_TEXT, HOSTILE, MANY_AUTHORS, NO_ID } from '../../support/reachSite.ts';
import { reachSite } from '../../support/sharedSites.ts';
import { listFiles, readPagefindFragments, readPaperSources } from '../../support/siteFiles.ts';

const site = reachSite();
const ORIGIN = 'https://papers.example.org';
const sources = readPaperSources(site.content);
const page = (slug: string) => readFileSync(join(site.out, 'papers', slug, 'index.html'), 'utf8');
const registry = JSON.parse(readFileSync(join(site.content, 'permalinks.json'), 'utf8')) as { papers: { title: string; slug: string; arxivId?: string }[] };

let browser: Browser;
let dom: Page;

/** Loads a built page into Chromium without running its scripts, to read it as a browser would. */
async function open(slug: string): Promise<void> {
  await dom.setContent(page(slug), { waitUntil: 'domcontentloaded' });
}

beforeAll(async () => {
  browser = await launchBrowser();
  dom = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('one paper, one page, whatever the source', () => {
  it('keeps the URL a paper got from a text listing when the API later lists it, and gives it the id, authors and links', () => {
    const paper = sources.find((s) => s.slug === FROM_TEXT.slug);
    expect(paper, 'the paper keeps its first slug').toBeDefined();
    expect(sources.filter((s) => s.arxivId === FROM_TEXT.arxivId)).toHaveLength(1);
    expect(paper).toMatchObject({ firstSeen: '2025-03-13', arxivId: FROM_TEXT.arxivId, authors: FROM_TEXT.authors, links: { code: FROM_TEXT.code, project: FROM_TEXT.project } });
    expect(paper!.listings).toEqual([{ date: '2025-03-13', rank: 1 }, { date: '2025-03-14', rank: 1, upvotes: FROM_TEXT.upvotes }]);
    // The registry keeps the title as first listed (white space collapsed by the parser), and now the id.
    expect(registry.papers.find((e) => e.slug === FROM_TEXT.slug)).toEqual({ title: FROM_TEXT.listedTitle.replace(/\s+/g, ' '), slug: FROM_TEXT.slug, redirectsFrom: [], arxivId: FROM_TEXT.arxivId });
  });

  it('keeps the URL of an id listed again under a revised title, and records every id in content/permalinks.json', () => {
    const paper = sources.find((s) => s.slug === MANY_AUTHORS.slug)!;
    expect(paper.title).toBe(MANY_AUTHORS.title);
    expect(paper.listings.map((l) => l.date)).toEqual(['2025-03-14', '2025-03-15']);
    expect(sources.some((s) => s.title === MANY_AUTHORS.revisedTitle)).toBe(false);
    const ids = registry.papers.flatMap((e) => e.arxivId ?? []);
    expect(ids.sort()).toEqual(['2503.10001', '2503.10002', '2503.10003', '2503.10004', '2503.10005', '2503.10006', '2503.20001', '2503.20002', '2503.20003', '2503.20004']);
    expect(registry.papers.find((e) => e.slug === NO_ID.slug)?.arxivId).toBeUndefined();
  });
});

describe('a paper page', () => {
  it('names every author, folding a long list after the first six with "and N more"', async () => {
    await open(MANY_AUTHORS.slug);
    const names = await dom.$$eval('.authors bdi', (els) => els.map((e) => e.textContent));
    expect(names).toHaveLength(MANY_AUTHORS.authors);
    expect(names).toEqual(sources.find((s) => s.slug === MANY_AUTHORS.slug)!.authors);
    expect(await dom.textContent('.authors summary .authors-more')).toBe(`and ${MANY_AUTHORS.authors - 6} more`);
    expect(await dom.$$eval('.authors summary bdi', (els) => els.length)).toBe(6);
    expect(await dom.getAttribute('.authors details', 'open')).toBeNull();
    // A short list is never folded.
    await open(FROM_TEXT.slug);
    expect(await dom.$$eval('.authors details', (els) => els.length)).toBe(0);
    expect(await dom.$$eval('.authors bdi', (els) => els.map((e) => e.textContent))).toEqual(FROM_TEXT.authors);
  });

  it('links the arXiv page, the PDF, the Hugging Face page, the code and the project page, and shows the upvotes of each day', async () => {
    await open(FROM_TEXT.slug);
    const links = await dom.$$eval('nav.paper-links li a', (els) => els.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links).toEqual([
      ['arXiv', `https://arxiv.org/abs/${FROM_TEXT.arxivId}`],
      ['PDF', `https://arxiv.org/pdf/${FROM_TEXT.arxivId}`],
      ['Hugging Face', `https://huggingface.co/papers/${FROM_TEXT.arxivId}`],
      ['Code', FROM_TEXT.code],
      ['Project page', FROM_TEXT.project],
    ]);
    expect(await dom.textContent('.paper-id')).toBe(`arXiv ${FROM_TEXT.arxivId}`);
    expect(await dom.$$eval('.listed li', (els) => els.map((li) => li.textContent))).toEqual(['13 March 2025: rank 1', `14 March 2025: rank 1, ${FROM_TEXT.upvotes} upvotes`]);
  });

  it('offers title searches, URL-encoded, for a paper without an id', async () => {
    await open(NO_ID.slug);
    const q = encodeURIComponent(NO_ID.title);
    expect(await dom.$$eval('nav.paper-links a', (els) => els.map((a) => a.getAttribute('href')))).toEqual([
      `https://arxiv.org/search/?query=${q}&searchtype=title`,
      `https://www.semanticscholar.org/search?q=${q}`,
      `https://scholar.google.com/scholar?q=${encodeURIComponent(`"${NO_ID.title}"`)}`,
    ]);
    expect(await dom.$$eval('.authors', (els) => els.length)).toBe(0);
  });

  it('shows markup in author names and titles as text, and links nothing but http(s) anywhere on the site', async () => {
    const slug = sources.find((s) => s.arxivId === HOSTILE.arxivId)!.slug;
    await open(slug);
    expect(await dom.textContent('h1')).toBe(HOSTILE.title);
    expect(await dom.$$eval('.authors bdi', (els) => els.map((e) => e.textContent))).toEqual(HOSTILE.authors);
    expect(await dom.$$eval('article script, article img, article [onerror]', (els) => els.length)).toBe(0);
    // The hostile day's javascript: and data: links never reach a page, a feed or a sitemap.
    const hrefs = listFiles(site.out)
      .filter((f) => /\.(html|xml|json|opml)$/.test(f) && !f.startsWith('pagefind/'))
      .flatMap((f) => [...readFileSync(join(site.out, f), 'utf8').matchAll(/(?:href|src|url)(?:="|":\s*")([^"]*)"/g)].map((m) => m[1]!));
    expect(hrefs.length).toBeGreaterThan(100);
    expect(hrefs.filter((h) => /^\s*(javascript|data|vbscript):/i.test(h))).toEqual([]);
    expect(hrefs.filter((h) => /^[a-z][a-z0-9+.-]*:/i.test(h) && !/^https?:/i.test(h))).toEqual([]);
  });
});

describe('citations', () => {
  it('give BibTeX with the authors, eprint, archivePrefix and the year of the arXiv date', async () => {
    await open(FROM_TEXT.slug);
    const bibtex = (await dom.textContent('#bibtex'))!;
    expect(bibtex).toMatch(/^@misc\{sparse-mixture-of-2025,\n/);
    expect(bibtex).toContain(`  author        = {${FROM_TEXT.authors.join(' and ')}},\n`);
    expect(bibtex).toContain(`  eprint        = {${FROM_TEXT.arxivId}},\n`);
    expect(bibtex).toContain('  archivePrefix = {arXiv},\n');
    expect(bibtex).toContain('  year          = {2025},\n');
    expect(bibtex).not.toContain('authors not given');
  });

  it('give Highwire Press citation tags, one citation_author per author', async () => {
    await open(FROM_TEXT.slug);
    const tags = await dom.$$eval('meta[name^="citation_"]', (els) => els.map((m) => [m.getAttribute('name'), m.getAttribute('content')]));
    expect(tags).toEqual([
      ['citation_title', sources.find((s) => s.slug === FROM_TEXT.slug)!.title],
      ...FROM_TEXT.authors.map((name) => ['citation_author', name]),
      ['citation_publication_date', '2025/03/13'],
      ['citation_arxiv_id', FROM_TEXT.arxivId],
      ['citation_pdf_url', `https://arxiv.org/pdf/${FROM_TEXT.arxivId}`],
      ['citation_abstract_html_url', `${ORIGIN}/papers/${FROM_TEXT.slug}/`],
    ]);
  });

  it('give ScholarlyArticle JSON-LD with author persons, the identifier and sameAs the arXiv page', async () => {
    await open(FROM_TEXT.slug);
    const data = JSON.parse((await dom.textContent('script[type="application/ld+json"]'))!) as Record<string, unknown>;
    expect(data).toMatchObject({
      '@type': 'ScholarlyArticle',
      url: `${ORIGIN}/papers/${FROM_TEXT.slug}/`,
      author: FROM_TEXT.authors.map((name) => ({ '@type': 'Person', name })),
      identifier: { '@type': 'PropertyValue', propertyID: 'arXiv', value: FROM_TEXT.arxivId },
      sameAs: `https://arxiv.org/abs/${FROM_TEXT.arxivId}`,
    });
    // The hostile names stay inside the JSON string: no "<" can close the script element.
    const hostile = page(sources.find((s) => s.arxivId === HOSTILE.arxivId)!.slug);
    expect(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(hostile)?.[1]).toContain('\\u003cscript>alert(1)\\u003c/script>');
  });
});

describe('the search index', () => {
  it('holds each paper\'s authors and its arXiv id as a word of its own', () => {
    const fragment = readPagefindFragments(site.out).find((f) => f.url === `/papers/${FROM_TEXT.slug}/`)!;
    for (const name of FROM_TEXT.authors) expect(fragment.content).toContain(name);
    expect(fragment.content).toMatch(new RegExp(`(^|\\s)${FROM_TEXT.arxivId.replace('.', '\\.')}[.\\s]`));
  });
});
