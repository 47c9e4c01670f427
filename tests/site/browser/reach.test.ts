/**
 * Papers people can reach, in Chromium on the reach site: the author fold
 * opens in place (by mouse and keyboard, without JavaScript), the links out
 * lead where they say, and search finds a paper by an author's name and by
 * its arXiv id, however it is pasted.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../scripts/support/browser.ts';
import { serveStatic, type StaticServer } from '../../../scripts/support/staticServer.ts';
import { FROM_TEXT, MANY_AUTHORS } from '../../support/reachSite.ts';
import { reachSite } from '../../support/sharedSites.ts';
import { readPaperSources } from '../../support/siteFiles.ts';

const site = reachSite();
const sources = readPaperSources(site.content);
const titleOf = (slug: string) => sources.find((s) => s.slug === slug)!.title;

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(site.out);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The titles of a search's first results, once they are shown. */
async function search(page: Page, query: string): Promise<string[]> {
  await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
  await page.waitForSelector('.search-result');
  return page.locator('.search-result h2').allTextContents();
}

describe('the author fold', () => {
  it('shows the first six authors, and all of them in place after "and 59 more", with and without JavaScript', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${server.url}papers/${MANY_AUTHORS.slug}/`);
      const visible = () => page.locator('.authors bdi').evaluateAll((els) => els.filter((e) => e.checkVisibility()).length);
      expect(await visible()).toBe(6);
      await page.getByText(`and ${MANY_AUTHORS.authors - 6} more`).click();
      expect(await visible()).toBe(MANY_AUTHORS.authors);
      await expect.poll(() => page.getByText(`and ${MANY_AUTHORS.authors - 6} more`).isVisible()).toBe(false);
      // The rest follows the first six on the same lines of text, not in a box of its own.
      const [sixth, seventh] = await page.locator('.authors bdi').evaluateAll((els) => els.slice(5, 7).map((e) => e.getBoundingClientRect().top));
      expect(Math.abs(seventh! - sixth!)).toBeLessThan(40);
      await context.close();
    }
  });

  it('opens from the keyboard', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}papers/${MANY_AUTHORS.slug}/`);
    await page.focus('.authors summary');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('.authors details', 'open')).toBe('');
    await page.close();
  });
});

describe('links out', () => {
  it('lead to the arXiv page, PDF and Hugging Face page of the paper\'s id', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}papers/${FROM_TEXT.slug}/`);
    for (const [name, href] of [['arXiv', `https://arxiv.org/abs/${FROM_TEXT.arxivId}`], ['PDF', `https://arxiv.org/pdf/${FROM_TEXT.arxivId}`], ['Hugging Face', `https://huggingface.co/papers/${FROM_TEXT.arxivId}`]]) {
      expect(await page.getByRole('link', { name: name!, exact: true }).getAttribute('href')).toBe(href);
    }
    await page.close();
  });
});

describe('search', () => {
  it('finds a paper by an author\'s name', async () => {
    const page = await browser.newPage();
    // Priya Castell is an author of the 65-author paper only, listed past its fold.
    expect(await search(page, 'Priya Castell')).toEqual([titleOf(MANY_AUTHORS.slug)]);
    expect((await search(page, 'Zoltán Ueda'))[0]).toBe(titleOf(FROM_TEXT.slug));
    await page.close();
  });

  it('finds a paper first by its arXiv id, typed or pasted as arXiv:ID, with a version or as a URL', async () => {
    const page = await browser.newPage();
    for (const query of [MANY_AUTHORS.arxivId, `arXiv:${MANY_AUTHORS.arxivId}`, `${MANY_AUTHORS.arxivId}v2`, `https://arxiv.org/abs/${MANY_AUTHORS.arxivId}`]) {
      expect((await search(page, query))[0], query).toBe(titleOf(MANY_AUTHORS.slug));
    }
    expect((await search(page, FROM_TEXT.arxivId))[0]).toBe(titleOf(FROM_TEXT.slug));
    await page.close();
  });
});
