/**
 * The search text of a paper is decided in one place
 * (src/lib/search/indexed.ts): the document Pagefind indexes for a paper
 * must hold exactly the text its built page marks as indexed
 * (`data-pagefind-body` without its `data-pagefind-ignore` parts). Read
 * both in Chromium, on the seed site and the reach site (authors and ids).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../scripts/support/browser.ts';
import { readBuildData } from '../../../src/lib/buildData/file.ts';
import { makeCatalog } from '../../../src/lib/catalog/catalog.ts';
import { searchDocument } from '../../../src/lib/search/indexed.ts';
import { reachSite, seedSite } from '../../support/sharedSites.ts';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * The text Pagefind would index from an HTML document: the marked body
 * without the ignored parts, a formula read as its TeX source (as the
 * document writes it), the filters as `name:value`. White space is left
 * out: pages and documents place their blocks differently.
 */
async function indexedText(html: string): Promise<{ text: string; filters: string[]; title: string | null }> {
  await page.setContent(html, { waitUntil: 'domcontentloaded' });
  return page.evaluate(() => {
    const body = document.querySelector('[data-pagefind-body]')!.cloneNode(true) as HTMLElement;
    const filters = [...body.querySelectorAll('[data-pagefind-filter]')].map((e) => e.getAttribute('data-pagefind-filter')!);
    for (const ignored of body.querySelectorAll('[data-pagefind-ignore]')) ignored.remove();
    for (const math of body.querySelectorAll('.math')) math.replaceWith(`$${math.querySelector('annotation')?.textContent ?? ''}$`);
    return { text: (body.textContent ?? '').replace(/\s+/g, ''), filters, title: body.querySelector('[data-pagefind-meta="title"]')?.textContent ?? null };
  });
}

describe.each([
  ['the seed site', seedSite],
  ['the reach site', reachSite],
])('on %s', (_, shared) => {
  it('gives every paper without notes a search document with exactly its page\'s indexed text, title and filters', async () => {
    const site = shared();
    const { papers } = makeCatalog(readBuildData(join(site.cache, 'data', 'build-data.json')));
    expect(papers.length).toBeGreaterThan(5);
    let checked = 0;
    for (const paper of papers.filter((p) => !p.notes)) {
      const built = await indexedText(readFileSync(join(site.out, 'papers', paper.slug, 'index.html'), 'utf8'));
      const document = await indexedText(searchDocument(paper));
      expect(document, paper.slug).toEqual(built);
      expect(built.text.length, paper.slug).toBeGreaterThan(paper.data.abstract.replace(/\s+/g, '').length / 2);
      checked++;
    }
    expect(checked).toBe(papers.length);
  });
});
