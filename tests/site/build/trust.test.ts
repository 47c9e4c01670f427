/**
 * Issue "trust": every byte of a listing is untrusted. The shared new-day
 * site lists hostile papers (markup, script URLs, MDX code, Markdown syntax,
 * entities, invisible and right-to-left characters) first on its newest
 * day; their text must reach every page, feed and search result as exactly
 * the text, decoded once, and never as markup or code. Then a scan of every
 * file of the shared sites looks for anything that could run.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../scripts/support/browser.ts';
import { BASE } from '../../support/basePathSite.ts';
import { parseFeed, xmllint, type ParsedFeed } from '../../support/feedReader.ts';
import { hostilePapers } from '../../support/hostileListing.ts';
import { NEW_DAY } from '../../support/newDaySite.ts';
import { scanSite, type ScanReport, type ScriptInfo } from '../../support/safetyScan.ts';
import { basePathSite, newDaySite, seedSite } from '../../support/sharedSites.ts';
import { readPaperSources } from '../../support/siteFiles.ts';
import { serveStatic, type StaticServer } from '../../../scripts/support/staticServer.ts';

const SITE_TITLE = 'Trending Papers';
const SITE_URL = 'https://papers.example.org';
const hostile = newDaySite();
const sources = readPaperSources(hostile.content);
/** Slug of each hostile paper, in listing order. */
const slugs = hostilePapers.map((p) => sources.find((s) => s.title === p.title)?.slug ?? `(no paper titled ${JSON.stringify(p.title)})`);

let server: StaticServer;
let browser: Browser;

/** A tab of its own that records every dialog it opens (alert, confirm, prompt), dismissing them. */
async function openTab(): Promise<{ page: Page; dialogs: string[] }> {
  const page = await (await browser.newContext()).newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { page, dialogs };
}

/** The event-handler attributes of the live page (none may come from listing text). */
function eventHandlers(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('*')).flatMap((el) =>
      Array.from(el.attributes)
        .filter((a) => /^on/i.test(a.name))
        .map((a) => `<${el.tagName.toLowerCase()} ${a.name}="${a.value}">`),
    ),
  );
}

/** Opens a page of the hostile site in `tab`; checks it answered 200 and that nothing ran or was injected. */
async function visit(tab: { page: Page; dialogs: string[] }, path: string): Promise<void> {
  const response = await tab.page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  if (path.startsWith('search/')) await searchDone(tab.page);
  expect(await eventHandlers(tab.page), `event handlers on /${path}`).toEqual([]);
  expect(tab.dialogs, `dialogs opened by /${path}`).toEqual([]);
}

/** Waits until the search page has finished its search. */
async function searchDone(page: Page): Promise<void> {
  await page.waitForFunction(() => /^(No papers found|\d+ papers? found)/.test(document.querySelector('.search-status')?.textContent ?? ''));
}

/** Texts of the papers listed on the current page. */
async function listedPapers(page: Page): Promise<{ href: string; title: string; excerpt: string }[]> {
  return page.$$eval('.paper-list > li', (items) =>
    items.map((li) => ({
      href: li.querySelector('.paper-title a')?.getAttribute('href') ?? '',
      title: li.querySelector('.paper-title a')?.textContent ?? '',
      excerpt: li.querySelector('.excerpt')?.textContent ?? '',
    })),
  );
}

beforeAll(async () => {
  server = await serveStatic(hostile.out);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a hostile listing', () => {
  it('is stored as the scraped text with entities decoded once, one paper per title', () => {
    expect(hostilePapers.every((p) => p.abstract.length < 200), 'abstracts fit a meta description whole').toBe(true);
    for (const [i, paper] of hostilePapers.entries()) {
      const source = sources.find((s) => s.slug === slugs[i]);
      expect(source, paper.title).toBeDefined();
      expect(source!.abstract).toBe(paper.abstract);
      expect(source!.listings).toEqual([{ date: NEW_DAY, rank: i + 1 }]);
    }
    expect(new Set(slugs).size).toBe(hostilePapers.length);
  });

  it('shows each title and abstract as exact text on its paper page, in its <title> and in its description and social tags', async () => {
    const tab = await openTab();
    const { page } = tab;
    for (const [i, paper] of hostilePapers.entries()) {
      await visit(tab, `papers/${slugs[i]}/`);
      expect(await page.textContent('h1'), slugs[i]).toBe(paper.title);
      expect(await page.locator('h1').count()).toBe(1);
      // Inline TeX is rendered to MathML whose annotation keeps the exact source:
      // read each formula back as `$source$`, and the abstract is the exact text.
      const abstractSource = await page.$eval('.abstract', (el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        for (const math of copy.querySelectorAll('.math')) math.replaceWith(`$${math.querySelector('annotation')?.textContent ?? ''}$`);
        return copy.textContent;
      });
      expect(abstractSource, slugs[i]).toBe(paper.abstract);
      // MathML is inert markup: no links, no scripts, no event handlers inside a formula.
      expect(await page.$$eval('.abstract .math *', (els) => els.filter((e) => e.tagName === 'A' || e.tagName === 'SCRIPT' || [...e.attributes].some((a) => /^on|href|src/i.test(a.name))).length)).toBe(0);
      expect(await page.title()).toBe(`${paper.title} · ${SITE_TITLE}`);
      const meta = (selector: string) => page.getAttribute(`meta[${selector}]`, 'content');
      expect(await meta('name="description"')).toBe(paper.abstract);
      expect(await meta('property="og:title"')).toBe(paper.title);
      expect(await meta('property="og:description"')).toBe(paper.abstract);
      expect(await page.getAttribute('link[rel="canonical"]', 'href')).toBe(`${SITE_URL}/papers/${slugs[i]}/`);
      // Structured data, where the page has it, carries the title as a JSON string.
      for (const json of await page.$$eval('script[type="application/ld+json"]', (els) => els.map((e) => e.textContent ?? ''))) {
        expect(JSON.stringify(JSON.parse(json)), `JSON-LD of ${slugs[i]}`).toContain(JSON.stringify(paper.title).slice(1, -1));
      }
      // URLs in the abstract become links only as the http(s) URLs they are, cut where markup starts.
      const links = await page.$$eval('.abstract a', (as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent })));
      const urls = paper.abstract.match(/https?:\/\/[^\s{}<>"]+/g) ?? [];
      expect(links, slugs[i]).toEqual(urls.map((u) => ({ href: new URL(u).href, text: u })));
      // The pager to the next paper of the day names it exactly.
      if (i + 1 < hostilePapers.length) expect(await page.textContent('a[rel="next"]')).toBe(`${hostilePapers[i + 1]!.title} →`);
    }
  });

  it('lists the papers as exact text, first and in rank order, on its day page and on the home page', async () => {
    const tab = await openTab();
    for (const path of [`days/${NEW_DAY}/`, '']) {
      await visit(tab, path);
      const listed = await listedPapers(tab.page);
      expect(listed.length, path || 'home').toBe(sources.filter((s) => s.listings.some((l) => l.date === NEW_DAY)).length);
      expect(listed.slice(0, hostilePapers.length), path || 'home').toEqual(
        hostilePapers.map((p, i) => ({ href: `/papers/${slugs[i]}/`, title: p.title, excerpt: p.abstract })),
      );
    }
  });

  it('lists each paper by its exact title on its topic pages', async () => {
    const tab = await openTab();
    for (const [i, paper] of hostilePapers.entries()) {
      const source = sources.find((s) => s.slug === slugs[i])!;
      for (const { topic } of source.topics) {
        await visit(tab, `topics/${topic}/`);
        const entry = (await listedPapers(tab.page)).find((p) => p.href === `/papers/${slugs[i]}/`);
        expect(entry, `${slugs[i]} on topics/${topic}/`).toEqual({ href: `/papers/${slugs[i]}/`, title: paper.title, excerpt: paper.abstract });
      }
    }
  });

  it('is found with Pagefind by a word of each title, and the result shows the exact title as text', async () => {
    const searched = hostilePapers.filter((p) => p.word);
    expect(searched.length).toBeGreaterThan(5);
    const tab = await openTab();
    const { page } = tab;
    for (const paper of searched) {
      const slug = slugs[hostilePapers.indexOf(paper)];
      await visit(tab, `search/?q=${encodeURIComponent(paper.word!)}`);
      const results = await page.$$eval('.search-results > li', (items) =>
        items.map((li) => ({ href: new URL(li.querySelector('a')!.href).pathname, title: li.querySelector('a')!.textContent ?? '' })),
      );
      expect(results, paper.word).toContainEqual({ href: `/papers/${slug}/`, title: paper.title });
      // Results are built from text: the only elements are the UI's own (the Save button included).
      const tags = await page.$$eval('.search-results *', (els) => [...new Set(els.map((e) => e.tagName.toLowerCase()))]);
      expect(tags.filter((t) => !['li', 'h2', 'a', 'p', 'mark', 'ul', 'span', 'button'].includes(t)), paper.word).toEqual([]);
    }
  });

  describe('in rss.xml', () => {
    let feed: ParsedFeed;
    /** The feed entry of each hostile paper. */
    const entries = () => slugs.map((slug) => feed.entries.find((e) => e.link === `${SITE_URL}/papers/${slug}/`));

    beforeAll(async () => {
      feed = await parseFeed(join(hostile.out, 'rss.xml'));
    });

    it('stays well-formed XML that feedparser reads without complaint, one item per paper page', async () => {
      expect(await xmllint(join(hostile.out, 'rss.xml'))).toBe('');
      expect(feed.bozoException).toBeNull();
      expect(feed.bozo).toBe(0);
      expect(feed.entries).toHaveLength(sources.length);
      expect(sources.length).toBe(hostile.report.counts.papers);
      for (const entry of entries()) expect(entry).toBeDefined();
    });

    it('gives each abstract to feedparser as HTML whose displayed text is exactly the abstract', () => {
      for (const [i, entry] of entries().entries()) {
        expect(entry!.summaryType).toBe('text/html');
        // The description is the abstract, HTML-escaped, in one paragraph.
        expect(entry!.summary).toMatch(/^<p>[\s\S]*<\/p>$/);
        expect(entry!.summaryText, slugs[i]).toBe(hostilePapers[i]!.abstract);
      }
    });

    it('gives each title to feedparser so that a reader displays exactly the title', () => {
      for (const [i, entry] of entries().entries()) {
        expect({ slug: slugs[i], shown: entry!.titleText }).toEqual({ slug: slugs[i], shown: hostilePapers[i]!.title });
      }
    });
  });

  it('opens no dialog on any page that shows it: its paper pages, the home, its day, its topics, and search, for its words and for hostile queries', async () => {
    const tab = await openTab();
    const topics = [...new Set(slugs.flatMap((slug) => sources.find((s) => s.slug === slug)!.topics.map((t) => t.topic)))];
    const queries = [
      ...hostilePapers.flatMap((p) => (p.word ? [p.word] : [])),
      '<img src=x onerror=alert(1)>',
      '"><script>alert(2)</script>',
      'javascript:alert(3)',
    ];
    const paths = [
      ...slugs.map((slug) => `papers/${slug}/`),
      '',
      `days/${NEW_DAY}/`,
      ...topics.map((topic) => `topics/${topic}/`),
      ...queries.map((q) => `search/?q=${encodeURIComponent(q)}`),
      `search/?q=x&topic=${encodeURIComponent('"><svg onload=alert(4)>')}&day=${encodeURIComponent('<img src=x onerror=alert(5)>')}`,
    ];
    for (const path of paths) {
      const response = await tab.page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      expect(response?.status(), path).toBe(200);
      if (path.startsWith('search/')) await searchDone(tab.page);
      // Every image has loaded or failed, so an injected onload or onerror would have run by now.
      await tab.page.waitForFunction(() => [...document.images].every((image) => image.complete));
    }
    expect(tab.dialogs).toEqual([]);
    // The same tab reports a dialog a page does open, so an empty list means none opened.
    await tab.page.evaluate(() => setTimeout(() => alert('planted'), 0));
    await expect.poll(() => tab.dialogs).toEqual(['alert: planted']);
  });
});

describe('a safety scan of every HTML, feed, JSON and Pagefind file', () => {
  let page: Page;
  let seedScan: ScanReport;
  let hostileScan: ScanReport;
  let basePathScan: ScanReport;
  /** What identifies an executable script: its source file, or its inline text. */
  const executable = (scripts: ScriptInfo[] = []) =>
    scripts.filter((s) => !/json/.test(s.type)).map((s) => (s.src !== undefined ? `src ${s.src}` : `inline ${s.text}`));

  beforeAll(async () => {
    ({ page } = await openTab());
    seedScan = await scanSite(seedSite().out, page);
    hostileScan = await scanSite(hostile.out, page);
    basePathScan = await scanSite(basePathSite().out, page, BASE);
  });

  it('finds nothing that could run in the seed site', () => {
    expect(seedScan.counts.html).toBeGreaterThan(92);
    expect(seedScan.counts.xml).toBeGreaterThan(0);
    expect(seedScan.counts.pagefind).toBeGreaterThan(92);
    expect(seedScan.findings).toEqual([]);
  });

  it('finds nothing that could run in the new-day site, hostile papers and all', () => {
    expect(hostileScan.counts.html).toBeGreaterThan(seedScan.counts.html);
    expect(hostileScan.findings).toEqual([]);
  });

  it('finds nothing that could run in the base-path site, whose listing is markup and entities', () => {
    expect(basePathScan.counts.html).toBeGreaterThan(3);
    expect(basePathScan.counts.pagefind).toBeGreaterThan(3);
    expect(basePathScan.findings).toEqual([]);
  });

  it('finds on the hostile site only the scripts the seed site has, page for page', () => {
    const seedScripts = new Set([...seedScan.scripts.values()].flatMap((s) => executable(s)));
    const foreign = [...hostileScan.scripts].flatMap(([file, scripts]) => executable(scripts).filter((s) => !seedScripts.has(s)).map((s) => `${file}: ${s}`));
    expect(foreign).toEqual([]);
    const seedPaper = [...seedScan.scripts.keys()].find((f) => f.startsWith('papers/'))!;
    for (const slug of slugs) expect(executable(hostileScan.scripts.get(`papers/${slug}/index.html`)), slug).toEqual(executable(seedScan.scripts.get(seedPaper)));
    for (const file of ['index.html', 'search/index.html', '404.html', 'topics/index.html']) {
      expect(executable(hostileScan.scripts.get(file)), file).toEqual(executable(seedScan.scripts.get(file)));
    }
  });

  it('reports problems planted in a site, so a clean result means something', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'papers-scan-'));
    try {
      writeFileSync(
        join(dir, 'index.html'),
        '<!doctype html><title>t</title><p>onerror=alert(1) as text is fine</p><img src=x onerror=alert(1)><a href=" jav&#x09;ascript:alert(1)">x</a>' +
          '<script src="https://evil.example/x.js"></script><script>alert(1)</script><script type="application/ld+json">{"a":"</script><svg onload=alert(2)>"}</script>',
      );
      writeFileSync(
        join(dir, 'rss.xml'),
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>javascript:alert(1)</link><description>d</description>' +
          '<item><title>x</title><link>https://a.example/</link><description>&lt;img src=x onerror=alert(3)&gt;&lt;script&gt;alert(4)&lt;/script&gt;</description></item></channel></rss>',
      );
      writeFileSync(join(dir, 'feed.json'), JSON.stringify({ home_page_url: 'javascript:alert(5)', items: [{ url: 'https://a.example/', content_html: '<a href="javascript:alert(6)">x</a>' }] }));
      mkdirSync(join(dir, 'pagefind', 'fragment'), { recursive: true });
      writeFileSync(join(dir, 'pagefind', 'fragment', 'en_1.pf_fragment'), gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(JSON.stringify({ url: 'javascript:alert(7)', meta: { title: 't' } }))])));
      writeFileSync(join(dir, 'pagefind', 'fragment', 'en_2.pf_fragment'), gzipSync(Buffer.from('{"url":"/papers/x/"}')));
      const report = await scanSite(dir, page);
      const problems = report.findings.map((f) => `${f.file}: ${f.problem}`).join('\n');
      expect(problems).not.toContain('<p>');
      for (const expected of [
        /index\.html: event handler attribute onerror="alert\(1\)" on <img>/,
        /index\.html: javascript: URL href=/,
        /index\.html: script from outside \/_astro\/ or \/pagefind\/: \/x\.js/,
        /index\.html: event handler attribute onload="alert\(2\)" on <svg>/,
        /index\.html: a application\/ld\+json script is not valid JSON/,
        /rss\.xml: <link> is not an http\(s\) URL: javascript:alert\(1\)/,
        /rss\.xml: feed HTML: event handler attribute onerror="alert\(3\)"/,
        /rss\.xml: feed HTML holds a <script>/,
        /feed\.json: \$\.home_page_url is not an http\(s\) URL or path/,
        /feed\.json: feed HTML: javascript: URL href="javascript:alert\(6\)"/,
        /en_1\.pf_fragment: fragment url is not a paper page path: javascript:alert\(7\)/,
        /en_2\.pf_fragment: .*expected the "pagefind_dcd" header/,
      ]) {
        expect(problems).toMatch(expected);
      }
      expect(executable(report.scripts.get('index.html'))).toContain('inline alert(1)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
