/**
 * Issue "Read on", part "A reading list", in a real browser (Debian's
 * Chromium) on the seed site: Save buttons on list entries, paper pages and
 * search results; /saved/ listing, removing and downloading BibTeX; storage
 * that is blocked or full; another tab's changes; no JavaScript; hostile
 * stored values; nothing requested from another origin; the CSP; axe in
 * light and dark mode; the Nu HTML checker; and the site under a base path.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../scripts/support/browser.ts';
import { serveStatic, type StaticServer } from '../../../scripts/support/staticServer.ts';
import { nuErrors } from '../../support/htmlCheckers.ts';
import { basePathSite, seedSite } from '../../support/sharedSites.ts';
import { readPaperSources, slugsOfDay, type PaperSource } from '../../support/siteFiles.ts';

const { out, content } = seedSite();
/** The base-path site's papers (all listed on one day). */
const basePathHome = readPaperSources(basePathSite().content);
const papers = readPaperSources(content);
const DAY = '2025-03-11';
const day = slugsOfDay(papers, DAY);
const bySlug = new Map(papers.map((p) => [p.slug, p]));
const paper = (i: number): PaperSource => bySlug.get(day[i]!)!;

/** The localStorage key and format of src/lib/readingList/list.ts. */
const KEY = 'reading-list';
type Stored = { slug: string; title: string; day: string; saved: number };

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(out);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh browser profile (its own localStorage) that records every request and page error. */
async function profile(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; requests: string[]; errors: string[] }> {
  const context = await browser.newContext(options);
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  context.on('page', (page) => page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`)));
  return { context, requests, errors };
}

/** Requests that went anywhere but the test server (blob: URLs of our own downloads count as our origin). */
const foreign = (requests: string[]) => requests.filter((u) => new URL(u).origin !== server.origin);

/** Opens a path of the site and waits until the site script has shown the Save buttons (or the reading list has drawn). */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  if (path.startsWith('saved/')) await page.waitForFunction(() => !document.querySelector('[data-count]')?.hasAttribute('hidden') || !document.querySelector('[data-empty]')?.hasAttribute('hidden') || !!document.querySelector('.saved-status')?.textContent);
  else if (path.startsWith('search/')) await page.waitForSelector('.search-result button.save:not([hidden])');
  else await page.waitForSelector('button.save:not([hidden])');
}

/** Writes a stored list into the profile of `page` (on the site's origin) before the next load. */
async function store(page: Page, value: unknown): Promise<void> {
  if (!page.url().startsWith(server.origin)) await page.goto(`${server.url}404.html`);
  await page.evaluate(([key, text]) => localStorage.setItem(key!, text!), [KEY, typeof value === 'string' ? value : JSON.stringify(value)]);
}

/** What localStorage holds, parsed. */
async function stored(page: Page): Promise<{ v: number; papers: Stored[] } | null> {
  const text = await page.evaluate((key) => localStorage.getItem(key), KEY);
  return text === null ? null : JSON.parse(text);
}

/** The /saved/ list as shown: title, link path, day text and datetime. */
async function savedList(page: Page): Promise<{ title: string; href: string; day: string; datetime: string }[]> {
  return page.$$eval('.saved-list > li', (items) =>
    items.map((li) => ({
      title: li.querySelector('h2 a')?.textContent ?? '',
      href: li.querySelector('h2 a')?.getAttribute('href') ?? '',
      day: li.querySelector('time')?.textContent ?? '',
      datetime: li.querySelector('time')?.getAttribute('datetime') ?? '',
    })),
  );
}

/** The Save button of the n-th list entry. */
const entryButton = (page: Page, n: number) => page.locator('.paper-list > li').nth(n).getByRole('button', { name: 'Save', exact: true });

/**
 * Presses a Save button and waits until it is pressed and the page's clock
 * has passed the save's time, so the next save is strictly later.
 */
async function saveInTurn(page: Page, button: Locator): Promise<void> {
  await button.click();
  await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
  await page.waitForFunction((key) => Date.now() > Math.max(...(JSON.parse(localStorage.getItem(key)!) as { papers: { saved: number }[] }).papers.map((p) => p.saved)), KEY);
}

/** The BibTeX entry a paper's page shows in #bibtex. */
async function pageEntry(page: Page, slug: string): Promise<string> {
  const response = await page.request.get(`${server.url}papers/${slug}/`);
  const html = await response.text();
  return page.evaluate((html) => new DOMParser().parseFromString(html, 'text/html').getElementById('bibtex')!.textContent!, html);
}

/** Clicks "Download BibTeX" and returns the downloaded file's name and text. */
async function downloadBib(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download BibTeX' }).click()]);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

describe('saving papers', () => {
  it('saves from a list entry and from a paper page: the button is pressed, keeps its name, and stays pressed after a reload', async () => {
    const { context, requests, errors } = await profile();
    const page = await context.newPage();
    await open(page, '');
    const first = entryButton(page, 0);
    expect(await first.getAttribute('aria-pressed')).toBe('false');
    expect(await first.getAttribute('title')).toBe('Save to your reading list');
    await first.click();
    // The same button, found by its unchanged name, now announces its pressed state.
    await expect.poll(() => first.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('button', { name: 'Save', exact: true, pressed: true }).count()).toBe(1);
    expect(await first.getAttribute('title')).toBe('In your reading list: press to remove it');

    await open(page, `papers/${paper(2).slug}/`);
    const onPage = page.getByRole('button', { name: 'Save', exact: true });
    expect(await onPage.count()).toBe(1);
    expect(await onPage.getAttribute('aria-pressed')).toBe('false');
    await onPage.click();
    await expect.poll(() => onPage.getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await page.waitForSelector('button.save:not([hidden])');
    expect(await onPage.getAttribute('aria-pressed')).toBe('true');

    await open(page, '');
    const pressed = await page.$$eval('.paper-list > li button.save', (buttons) => buttons.map((b) => b.getAttribute('aria-pressed')));
    expect(pressed.map((p, i) => (p === 'true' ? i : -1)).filter((i) => i >= 0)).toEqual([0, 2]);

    const list = await stored(page);
    expect(list?.v).toBe(1);
    expect(list?.papers.map(({ slug, title, day }) => ({ slug, title, day }))).toEqual([0, 2].map((i) => ({ slug: paper(i).slug, title: paper(i).title, day: paper(i).firstSeen })));

    // Pressing a saved paper's button again removes it.
    await first.click();
    await expect.poll(() => first.getAttribute('aria-pressed')).toBe('false');
    expect((await stored(page))?.papers.map((p) => p.slug)).toEqual([paper(2).slug]);
    expect(errors).toEqual([]);
    expect(foreign(requests)).toEqual([]);
    await context.close();
  });

  it('saves from topic and day pages and from search results, which the search page draws itself', async () => {
    const { context, requests, errors } = await profile();
    const page = await context.newPage();
    await open(page, 'search/?q=diffusion');
    const result = page.locator('.search-result').nth(0);
    const href = await result.locator('h2 a').getAttribute('href');
    const found = bySlug.get(/^\/papers\/([^/]+)\/$/.exec(href!)![1]!)!;
    const button = result.getByRole('button', { name: 'Save', exact: true });
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    // What the search page knows of the paper is what its page says: title, and the day it was first listed.
    expect((await stored(page))?.papers).toMatchObject([{ slug: found.slug, title: found.title, day: found.firstSeen }]);

    const topic = paper(5).topics[0]!.topic;
    await open(page, `topics/${topic}/`);
    const fromTopic = (await page.locator('.paper-list > li').nth(0).locator('.paper-title a').textContent())!;
    await entryButton(page, 0).click();
    await open(page, `days/${DAY}/`);
    await entryButton(page, 4).click();
    await page.waitForFunction(() => document.querySelectorAll('.paper-list > li')[4]?.querySelector('button.save')?.getAttribute('aria-pressed') === 'true');
    expect((await stored(page))!.papers.map((p) => p.title)).toEqual([...new Set([found.title, fromTopic, paper(4).title])]);

    // A new search draws buttons that know what is saved, and so does "Show more results".
    await open(page, 'search/?q=learning');
    const more = page.locator('button.search-more');
    if (await more.isVisible()) {
      await more.click();
      await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 10);
    }
    await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLButtonElement>('.search-result button.save')).every((b) => !b.hidden));
    const shown = await page.$$eval('.search-result', (items) => items.map((li) => ({ href: li.querySelector('h2 a')!.getAttribute('href')!, pressed: li.querySelector('button.save')!.getAttribute('aria-pressed') })));
    const savedSlugs = new Set((await stored(page))!.papers.map((p) => p.slug));
    expect(shown.length).toBeGreaterThan(0);
    for (const item of shown) expect(item.pressed, item.href).toBe(String(savedSlugs.has(item.href.split('/')[2]!)));
    expect(errors).toEqual([]);
    expect(foreign(requests)).toEqual([]);
    await context.close();
  });

  it('puts only slug, title and first-listed day on list entries\' buttons, hidden until the script shows them', () => {
    for (const file of ['index.html', `days/${DAY}/index.html`]) {
      const html = readFileSync(join(out, file), 'utf8');
      const buttons = [...html.matchAll(/<button [^>]*class="save"[^>]*>Save<\/button>/g)].map((m) => m[0]);
      expect(buttons, file).toHaveLength(day.length);
      for (const button of buttons) {
        const names = [...button.replace(/="[^"]*"/g, '').matchAll(/ ([a-z-]+)/g)].map((m) => m[1]);
        expect(names, button).toEqual(['type', 'class', 'data-save', 'data-title', 'data-day', 'hidden']);
      }
      expect(html, file).not.toContain('@misc{');
    }
  });
});

describe('the /saved/ page', () => {
  it('says how to save papers when nothing is saved, and that the list stays in this browser', async () => {
    const { context, errors } = await profile();
    const page = await context.newPage();
    await open(page, 'saved/');
    expect(await page.isVisible('[data-empty]')).toBe(true);
    expect(await page.textContent('[data-empty]')).toMatch(/Nothing saved yet\. To save a paper, press Save/);
    expect(await page.textContent('.lede')).toMatch(/kept only in this browser.*never sent anywhere/);
    expect(await page.isVisible('button[data-download]')).toBe(false);
    expect(await page.locator('.saved-list > li').count()).toBe(0);
    expect(await page.getAttribute('meta[name="robots"]', 'content')).toBe('noindex');
    expect(await page.getAttribute('nav[aria-label="Main"] a[aria-current="page"]', 'href')).toBe('/saved/');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists saved papers newest first, by first-listed day and then by when they were saved, and removes one', async () => {
    const { context, requests, errors } = await profile();
    const page = await context.newPage();
    await open(page, '');
    for (const i of [1, 3, 0]) await saveInTurn(page, entryButton(page, i));
    // A paper first listed on a later day (as after a new listing) comes first, though saved long ago.
    const later = { slug: paper(7).slug, title: paper(7).title, day: '2025-03-12', saved: 1 };
    const list = (await stored(page))!;
    await store(page, { ...list, papers: [...list.papers, later] });

    await open(page, 'saved/');
    // Same day: the latest saved first.
    const expected = [later, ...[0, 3, 1].map((i) => ({ ...paper(i), day: DAY }))];
    expect(await savedList(page)).toEqual(expected.map((p) => ({ title: p.title, href: `/papers/${p.slug}/`, day: p.day === DAY ? '11 March 2025' : '12 March 2025', datetime: p.day })));
    expect(await page.textContent('[data-count]')).toBe('4 papers saved in this browser, newest first.');
    expect(await page.isVisible('[data-empty]')).toBe(false);

    // Every title links to its paper's page.
    await page.locator('.saved-list > li').nth(1).locator('h2 a').click();
    await page.waitForURL(`${server.url}papers/${paper(0).slug}/`);
    await page.goBack();
    await page.waitForSelector('.saved-list > li');

    const remove = page.locator('.saved-list > li').nth(1).getByRole('button', { name: `Remove ${paper(0).title}`, exact: true });
    await remove.click();
    await expect.poll(() => savedList(page).then((l) => l.map((p) => p.title))).toEqual([later.title, paper(3).title, paper(1).title]);
    expect(await page.textContent('.saved-status')).toBe(`Removed “${paper(0).title}” from your reading list.`);
    // Focus goes on to the next paper's Remove button.
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.querySelector('h2')?.textContent)).toBe(paper(3).title);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
    expect((await stored(page))!.papers.map((p) => p.slug).sort()).toEqual([paper(1).slug, paper(3).slug, later.slug].sort());

    // Survives a reload; the home page shows the removed paper as not saved.
    await page.reload();
    await page.waitForSelector('.saved-list > li');
    expect((await savedList(page)).length).toBe(3);
    await open(page, '');
    expect(await entryButton(page, 0).getAttribute('aria-pressed')).toBe('false');
    expect(await entryButton(page, 3).getAttribute('aria-pressed')).toBe('true');

    // Removing the last papers leaves the how-to-save text and nothing stored.
    await open(page, 'saved/');
    for (let n = 3; n > 0; n--) {
      await page.locator('.saved-list > li').first().locator('button.remove').click();
      await expect.poll(() => page.locator('.saved-list > li').count()).toBe(n - 1);
    }
    expect(await page.isVisible('[data-empty]')).toBe(true);
    expect(await page.isVisible('button[data-download]')).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await stored(page)).toBeNull();
    expect(errors).toEqual([]);
    expect(foreign(requests)).toEqual([]);
    await context.close();
  });

  it('downloads one .bib file holding exactly the BibTeX entry each saved paper\'s page shows, in the list\'s order', async () => {
    const { context, requests, errors } = await profile();
    const page = await context.newPage();
    await open(page, '');
    for (const i of [2, 0, 5]) await saveInTurn(page, entryButton(page, i));
    await open(page, `papers/${paper(9).slug}/`);
    await saveInTurn(page, page.getByRole('button', { name: 'Save', exact: true }));

    await open(page, 'saved/');
    const order = [9, 5, 0, 2].map(paper);
    expect((await savedList(page)).map((p) => p.title)).toEqual(order.map((p) => p.title));
    const { name, text } = await downloadBib(page);
    expect(name).toBe('reading-list.bib');
    const entries = [];
    for (const p of order) entries.push(await pageEntry(page, p.slug));
    expect(text).toBe(`${entries.join('\n\n')}\n`);
    for (const entry of entries) expect(entry).toMatch(/^@misc\{[a-z0-9-]+,\n/);
    await page.waitForFunction(() => /^Downloaded/.test(document.querySelector('.saved-status')?.textContent ?? ''));
    expect(await page.textContent('.saved-status')).toBe('Downloaded reading-list.bib with the BibTeX of 4 papers.');
    expect(errors).toEqual([]);
    expect(foreign(requests)).toEqual([]);
    await context.close();
  });

  it('still downloads when a page cannot be fetched or is gone, naming those papers in the file and on the page, and follows a renamed paper', async () => {
    const { context, requests, errors } = await profile();
    const page = await context.newPage();
    const gone = { slug: 'a-paper-that-was-never-here', title: 'A Paper That Was Never Here', day: DAY, saved: 2 };
    const offline = paper(1);
    const kept = paper(4);
    // Saved under a name the paper had before it was renamed: that address now answers with a redirect page.
    const renamed = { slug: 'an-old-name-of-a-paper', title: paper(6).title, day: DAY, saved: 0 };
    await store(page, { v: 1, papers: [gone, { slug: offline.slug, title: offline.title, day: DAY, saved: 3 }, { slug: kept.slug, title: kept.title, day: DAY, saved: 1 }, renamed] });
    await open(page, 'saved/');
    const entry = await pageEntry(page, kept.slug);
    const movedEntry = await pageEntry(page, paper(6).slug);
    // The network drops this one page, as when offline; the other is a 404.
    await page.route(`**/papers/${offline.slug}/`, (route) => route.abort('internetdisconnected'));
    await page.route(`**/papers/${renamed.slug}/`, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Redirecting</title><meta http-equiv="refresh" content="0;url=/papers/${paper(6).slug}/">` }),
    );
    const { text } = await downloadBib(page);
    expect(text).toBe(
      [
        '@comment{2 saved papers are left out of this file: their pages could not be fetched.',
        'Download the file again when online, or copy each entry from the paper page:',
        `${server.url}papers/${offline.slug}/`,
        `${server.url}papers/${gone.slug}/`,
        '}',
        '',
        entry,
        '',
        `${movedEntry}\n`,
      ].join('\n'),
    );
    await page.waitForFunction(() => /^Downloaded/.test(document.querySelector('.saved-status')?.textContent ?? ''));
    expect(await page.textContent('.saved-status')).toBe(
      `Downloaded reading-list.bib with the BibTeX of 2 of 4 papers. Left out, because their pages could not be fetched (are you offline?): “${offline.title}”, “${gone.title}”. A comment at the top of the file names them.`,
    );
    expect(errors).toEqual([]);
    expect(foreign(requests)).toEqual([]);
    await context.close();
  });

  it('shows a hostile stored title as text, leaves out a stored slug that is not a slug, and says so', async () => {
    const { context, errors } = await profile();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const hostile = `<img src=x onerror="alert('img')"><script>alert('script')</script>\u202e reversed`;
    await store(page, {
      v: 1,
      papers: [
        { slug: paper(0).slug, title: hostile, day: DAY, saved: 5 },
        { slug: 'javascript:alert(1)', title: 'Script URL', day: DAY, saved: 4 },
        { slug: '../../../etc/passwd', title: 'Path', day: DAY, saved: 3 },
      ],
    });
    await open(page, 'saved/');
    expect(await savedList(page)).toEqual([{ title: hostile, href: `/papers/${paper(0).slug}/`, day: '11 March 2025', datetime: DAY }]);
    expect(await page.locator('.saved-list img, .saved-list script').count()).toBe(0);
    expect(await page.textContent('.saved-status')).toBe("2 saved papers could not be read from this browser's storage and are left out.");
    // The bidi override inside the title is fenced in its own island.
    expect(await page.$eval('.saved-list h2', (h) => getComputedStyle(h).unicodeBidi)).toBe('plaintext');
    // A tampered button is refused with a message, and nothing is stored.
    await open(page, '');
    await page.$eval('.paper-list > li button.save', (b) => ((b as HTMLButtonElement).dataset.save = '../../evil'));
    await entryButton(page, 0).click();
    await expect.poll(() => page.locator('.paper-list > li').nth(0).locator('.save-note').textContent()).toBe('This paper cannot be saved: the page gives it no valid name.');
    expect((await stored(page))!.papers.map((p) => p.slug)).toEqual([paper(0).slug, 'javascript:alert(1)', '../../../etc/passwd']);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sets aside a stored value that is not a reading list, and starts a new one', async () => {
    const { context, errors } = await profile();
    const page = await context.newPage();
    await store(page, '{"v":1,"papers":[{"slug":');
    await open(page, 'saved/');
    expect(await page.textContent('.saved-status')).toMatch(/could not be read, so it was set aside/);
    expect(await page.isVisible('[data-empty]')).toBe(true);
    await open(page, '');
    await entryButton(page, 0).click();
    await expect.poll(() => stored(page).then((s) => s?.papers.map((p) => p.slug))).toEqual([paper(0).slug]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('follows another tab: a paper saved or removed there appears or goes here, and focus stays put', async () => {
    const { context, errors } = await profile();
    const list = await context.newPage();
    const other = await context.newPage();
    await open(list, 'saved/');
    await open(other, '');
    const titles = () => list.$$eval('.saved-list h2', (hs) => hs.map((h) => h.textContent));
    await saveInTurn(other, entryButton(other, 6));
    await saveInTurn(other, entryButton(other, 7));
    await expect.poll(titles).toEqual([paper(7).title, paper(6).title]);
    expect(await list.isVisible('[data-empty]')).toBe(false);

    // The reader is on paper 6's link when the other tab removes paper 7: the list redraws, focus stays on that link.
    await list.locator('.saved-list h2 a').nth(1).focus();
    await entryButton(other, 7).click();
    await expect.poll(titles).toEqual([paper(6).title]);
    expect(await list.evaluate(() => document.activeElement?.textContent)).toBe(paper(6).title);
    // Paper 6 itself goes: focus moves to the page heading rather than being lost.
    await entryButton(other, 6).click();
    await expect.poll(titles).toEqual([]);
    expect(await list.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await list.isVisible('[data-empty]')).toBe(true);

    // And the other way round: removed on /saved/, the other tab's button shows it.
    await entryButton(other, 2).click();
    await expect.poll(titles).toEqual([paper(2).title]);
    await list.locator('.saved-list button.remove').click();
    await other.waitForFunction(() => document.querySelectorAll('.paper-list button.save')[2]?.getAttribute('aria-pressed') === 'false');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('storage that cannot be used', () => {
  /** localStorage whose mere access throws, as when site data is blocked. */
  const BLOCKED = `Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });`;
  /** localStorage that keeps what it has (one saved paper list) but takes nothing more. */
  const FULL = (seed: string) => `
    if (location.origin !== 'null' && localStorage.getItem('${KEY}') === null) localStorage.setItem('${KEY}', ${JSON.stringify(seed)});
    Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  `;

  it('says clearly, next to the button, that a paper cannot be saved when storage is blocked, with no page error', async () => {
    const { context, errors } = await profile();
    await context.addInitScript({ content: BLOCKED });
    const page = await context.newPage();
    await open(page, '');
    const button = entryButton(page, 0);
    await button.click();
    const note = page.locator('.paper-list > li').nth(0).locator('.save-note[role="status"]');
    await expect.poll(() => note.textContent()).toMatch(/^Not saved: this browser does not let this site store data \(site data or cookies are blocked, or a private window forbids it\)\.$/);
    expect(await note.isVisible()).toBe(true);
    expect(await button.getAttribute('aria-pressed')).toBe('false');

    await open(page, `papers/${paper(1).slug}/`);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('.save-row .save-note').textContent()).toMatch(/^Not saved: this browser does not let this site store data/);

    await open(page, 'saved/');
    expect(await page.textContent('.saved-status')).toMatch(/^No reading list can be kept here: this browser does not let this site store data/);
    expect(await page.isVisible('[data-empty]')).toBe(false);
    expect(await page.isVisible('button[data-download]')).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says clearly that storage is full, keeps the button unpressed, and keeps the list as it was', async () => {
    const { context, errors } = await profile();
    const seeded = { v: 1, papers: [0, 1].map((i) => ({ slug: paper(i).slug, title: paper(i).title, day: DAY, saved: i + 1 })) };
    await context.addInitScript({ content: FULL(JSON.stringify(seeded)) });
    const page = await context.newPage();
    await open(page, '');
    const button = entryButton(page, 4);
    await button.click();
    await expect.poll(() => page.locator('.paper-list > li').nth(4).locator('.save-note').textContent()).toBe(
      "Not saved: this browser's storage for this site is full. Remove papers from your reading list, or clear this site's data.",
    );
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    expect(await entryButton(page, 0).getAttribute('aria-pressed')).toBe('true');

    await open(page, 'saved/');
    expect((await savedList(page)).length).toBe(2);
    await page.locator('.saved-list button.remove').first().click();
    await expect.poll(() => page.textContent('.saved-status')).toMatch(/^Not removed: this browser's storage for this site is full\./);
    expect((await savedList(page)).length).toBe(2);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('shows no Save button, and /saved/ explains that the list lives in the browser and needs JavaScript', async () => {
    const { context } = await profile({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const path of ['', `papers/${paper(0).slug}/`, `days/${DAY}/`]) {
      await page.goto(`${server.url}${path}`);
      expect(await page.locator('button.save').count(), path).toBeGreaterThan(0);
      expect(await page.locator('button.save:visible').count(), path).toBe(0);
      expect(await page.getByRole('button', { name: 'Save' }).count(), path).toBe(0);
    }
    await page.goto(`${server.url}saved/`);
    const explanation = page.locator('.saved-note');
    expect(await explanation.isVisible()).toBe(true);
    expect(await explanation.textContent()).toMatch(/lives in your browser, which needs JavaScript/);
    expect(await page.locator('main button:visible').count()).toBe(0);
    expect(await page.isVisible('[data-empty]')).toBe(false);
    await context.close();
  });
});

describe('the Content Security Policy', () => {
  it('is not violated while saving, listing, removing and downloading', async () => {
    const { context, errors } = await profile();
    await context.addInitScript({
      content: `window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI), true);`,
    });
    const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    const page = await context.newPage();
    await open(page, '');
    await entryButton(page, 0).click();
    await entryButton(page, 1).click();
    expect(await violations(page)).toEqual([]);
    await open(page, 'saved/');
    await downloadBib(page);
    await page.locator('.saved-list button.remove').first().click();
    await page.waitForFunction(() => document.querySelectorAll('.saved-list > li').length === 1);
    expect(await violations(page)).toEqual([]);
    expect(await page.getAttribute('meta[http-equiv="content-security-policy"]', 'content')).toMatch(/script-src 'self'/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('accessibility', () => {
  /** axe's violations, one line per element. */
  async function violations(page: Page): Promise<string[]> {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`));
  }

  describe.each([
    { name: 'light', colorScheme: 'light' as const, background: 'rgb(255, 255, 255)' },
    { name: 'dark', colorScheme: 'dark' as const, background: 'rgb(13, 17, 23)' },
  ])('in $name mode', ({ colorScheme, background }) => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await browser.newContext({ colorScheme });
      page = await context.newPage();
    });
    afterAll(async () => {
      await context?.close();
    });

    it('has no axe violation on an empty /saved/', async () => {
      await open(page, 'saved/');
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(background);
      expect(await violations(page)).toEqual([]);
    });

    it('has no axe violation on a paper page with its Save button, unpressed, pressed and with a message', async () => {
      await open(page, `papers/${paper(1).slug}/`);
      expect(await violations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.waitForSelector('button.save[aria-pressed="true"]');
      expect(await violations(page)).toEqual([]);
      await open(page, '');
      await page.$eval('.paper-list > li button.save', (b) => ((b as HTMLButtonElement).dataset.day = 'not a day'));
      await entryButton(page, 0).click();
      await page.waitForFunction(() => !!document.querySelector('.save-note')?.textContent);
      expect(await violations(page)).toEqual([]);
    });

    it('has no axe violation on /saved/ with papers and a status message', async () => {
      await open(page, '');
      await entryButton(page, 3).click();
      await page.waitForSelector('button.save[aria-pressed="true"]');
      await open(page, 'saved/');
      expect(await page.locator('.saved-list > li').count()).toBe(2);
      expect(await violations(page)).toEqual([]);
      await downloadBib(page);
      await page.waitForFunction(() => /^Downloaded/.test(document.querySelector('.saved-status')?.textContent ?? ''));
      expect(await violations(page)).toEqual([]);
    });
  });
});

describe('valid HTML', () => {
  it('passes the Nu HTML checker as built, and as drawn with papers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'saved-nu-'));
    try {
      for (const file of ['saved/index.html', 'index.html', `papers/${paper(0).slug}/index.html`]) {
        mkdirSync(join(dir, file, '..'), { recursive: true });
        copyFileSync(join(out, file), join(dir, file));
      }
      const context = await browser.newContext();
      const page = await context.newPage();
      await open(page, '');
      await entryButton(page, 0).click();
      await page.$eval('.paper-list > li:nth-child(2) button.save', (b) => ((b as HTMLButtonElement).dataset.save = 'Not A Slug'));
      await entryButton(page, 1).click();
      await page.waitForSelector('.save-note');
      writeFileSync(join(dir, 'home-drawn.html'), `<!doctype html>\n${await page.evaluate(() => document.documentElement.outerHTML)}`);
      await open(page, 'saved/');
      await page.waitForSelector('.saved-list > li');
      writeFileSync(join(dir, 'saved-drawn.html'), `<!doctype html>\n${await page.evaluate(() => document.documentElement.outerHTML)}`);
      await context.close();
      expect(await nuErrors([dir])).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a site hosted under /papers-site/', () => {
  const BASE = '/papers-site/';
  let hosted: StaticServer;

  beforeAll(async () => {
    hosted = await serveStatic(basePathSite().out, BASE);
  });
  afterAll(async () => {
    await hosted?.close();
  });

  it('links saved papers and fetches their BibTeX under the base path', async () => {
    const { context, requests, errors } = await profile();
    const page = await context.newPage();
    await page.goto(hosted.url);
    await page.waitForSelector('button.save:not([hidden])');
    await entryButton(page, 0).click();
    await page.waitForSelector('button.save[aria-pressed="true"]');
    await page.click(`nav[aria-label="Main"] a[href="${BASE}saved/"]`);
    await page.waitForSelector('.saved-list > li');
    const first = basePathHome.find((p) => p.listings[0]!.rank === 1)!;
    expect(await page.getAttribute('.saved-list h2 a', 'href')).toBe(`${BASE}papers/${first.slug}/`);
    const { text } = await downloadBib(page);
    const response = await page.request.get(`${hosted.url}papers/${first.slug}/`);
    const entry = await page.evaluate((html) => new DOMParser().parseFromString(html, 'text/html').getElementById('bibtex')!.textContent!, await response.text());
    expect(text).toBe(`${entry}\n`);
    expect(requests.filter((u) => new URL(u).origin !== hosted.origin || (!u.startsWith('blob:') && !new URL(u).pathname.startsWith(BASE)))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
