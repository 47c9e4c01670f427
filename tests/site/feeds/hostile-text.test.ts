/**
 * Feeds carry listing text as text: an abstract and title full of markup and
 * entities come out of feedparser and newsboat exactly as the site shows
 * them (entities of the listing decoded once, nothing else changed), in the
 * shared base-path site: built under a base path with a short feed, and
 * with a newsletter (tests/support/basePathSite.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import { beforeAll, describe, expect, test } from 'vitest';
import { BASE, FEED_ITEMS, NEWSLETTER, ORIGIN, RAW } from '../../support/basePathSite.ts';
import {
  fileOfUrl,
  htmlText,
  JsonFeed,
  newsboat,
  opmlFeeds,
  parseFeed,
  readPapers,
  readTopicNames,
  xmllint,
  xmlTexts,
  xpathNumber,
  type PaperData,
  type ParsedFeed,
} from '../../support/feedTools.ts';
import { basePathSite } from '../../support/sharedSites.ts';
import { serveStatic } from '../../../scripts/support/staticServer.ts';

const site = basePathSite();
const papers: PaperData[] = readPapers(site.content);
/** The hostile paper as the site holds it. */
const hostile = papers.find((p) => p.listings[0]!.rank === 1)!;
/** The hostile paper's topic feed. */
const topicFeed = `topics/${hostile.topics[0]!.topic}/rss.xml`;
const parsed = new Map<string, ParsedFeed>();

beforeAll(async () => {
  for (const file of ['rss.xml', 'atom.xml', topicFeed]) parsed.set(file, await parseFeed(join(site.out, file)));
});

describe('a title and abstract full of markup and entities', () => {
  test('are held by the site as the listing text with entities decoded once', () => {
    expect(hostile.title).toBe(decodeHTML(RAW[0]!.title));
    expect(hostile.abstract).toBe(decodeHTML(RAW[0]!.abstract));
    expect(hostile.abstract).toBe(`</p><script>alert(1)</script> <b>bold</b> & & < > " ' $\\frac{a}{b}$ {x}`);
  });

  test('come out of feedparser as exactly that text, in RSS, Atom and the topic feed', () => {
    for (const [file, feed] of parsed) {
      expect(feed.bozo, `${file}: ${feed.bozoException}`).toBe(false);
      const entry = feed.entries.find((e) => e.link.endsWith(`/papers/${hostile.slug}/`));
      expect(entry, file).toBeDefined();
      expect(entry!.title.text, file).toBe(hostile.title);
      expect(entry!.title.tags, file).toEqual([]);
      expect(entry!.summary.text, file).toBe(hostile.abstract);
      // Nothing of the abstract was taken for markup: at most the feed's own <p> wrapper.
      expect(entry!.summary.tags.filter((t) => t !== 'p'), file).toEqual([]);
    }
  });

  test('a title an HTML reader shows unchanged goes into RSS as plain text', () => {
    const plain = papers.find((p) => p.listings[0]!.rank === 2)!;
    const entry = parsed.get('rss.xml')!.entries.find((e) => e.link.endsWith(`/papers/${plain.slug}/`))!;
    expect(entry.title).toMatchObject({ type: 'text/plain', value: plain.title });
    expect(entry.summary.text).toBe(plain.abstract);
  });

  test('are plain text in the JSON Feed', () => {
    const doc = JsonFeed.parse(JSON.parse(readFileSync(join(site.out, 'feed.json'), 'utf8')));
    const item = doc.items.find((i) => i.id.endsWith(`/papers/${hostile.slug}/`))!;
    expect(item.title).toBe(hostile.title);
    expect(item.content_text).toBe(hostile.abstract);
    expect(item.summary).toBe(hostile.abstract);
  });

  test('never become a script element, in the XML or in the HTML a reader renders from it', async () => {
    for (const file of ['rss.xml', 'atom.xml', topicFeed, 'feeds.opml']) {
      expect(await xmllint(join(site.out, file)), file).toBe('');
      expect(await xpathNumber(join(site.out, file), "count(//*[local-name()='script'])"), file).toBe(0);
      // Decoded once (the XML parse), the text is still escaped HTML: no reader's HTML parse can make an element of it.
      for (const text of await xmlTexts(join(site.out, file))) expect(text.toLowerCase(), file).not.toContain('<script');
    }
  });
});

describe('a site under a base path with feedItems: 2', () => {
  test('holds the newest two papers in each feed', () => {
    expect(papers).toHaveLength(3);
    const want = [...papers].sort((a, b) => a.listings[0]!.rank - b.listings[0]!.rank).slice(0, FEED_ITEMS).map((p) => `${ORIGIN}${BASE}papers/${p.slug}/`);
    for (const file of ['rss.xml', 'atom.xml']) expect(parsed.get(file)!.entries.map((e) => e.link), file).toEqual(want);
    const json = JsonFeed.parse(JSON.parse(readFileSync(join(site.out, 'feed.json'), 'utf8')));
    expect(json.items.map((i) => i.id)).toEqual(want);
    expect(parsed.get(topicFeed)!.entries.length).toBeLessThanOrEqual(FEED_ITEMS);
  });

  test('writes a valid feed for every topic, empty topics included', async () => {
    const counts = new Map<string, number>();
    for (const slug of readTopicNames(site.content).keys()) {
      const file = join(site.out, 'topics', slug, 'rss.xml');
      expect(await xmllint(file), slug).toBe('');
      const feed = await parseFeed(file);
      expect(feed.bozo, `${slug}: ${feed.bozoException}`).toBe(false);
      counts.set(slug, feed.entries.length);
    }
    expect([...counts.values()]).toContain(0);
  });

  test('puts the base path in every feed URL, each pointing at a built file', async () => {
    for (const [file, feed] of parsed) {
      for (const entry of feed.entries) {
        expect(entry.link.startsWith(`${ORIGIN}${BASE}papers/`), entry.link).toBe(true);
        expect(readFileSync(fileOfUrl(site.out, ORIGIN, BASE, entry.link), 'utf8').length, file).toBeGreaterThan(0);
      }
    }
    for (const outline of await opmlFeeds(join(site.out, 'feeds.opml'))) {
      expect(outline.xmlUrl.startsWith(`${ORIGIN}${BASE}`), outline.xmlUrl).toBe(true);
      readFileSync(fileOfUrl(site.out, ORIGIN, BASE, outline.xmlUrl));
    }
    const rss = readFileSync(join(site.out, 'rss.xml'), 'utf8');
    expect(rss).toContain(`<atom:link href="${ORIGIN}${BASE}rss.xml" rel="self" type="application/rss+xml"/>`);
    expect(rss).toContain(`<link>${ORIGIN}${BASE}</link>`);
    const home = readFileSync(join(site.out, 'index.html'), 'utf8');
    expect(home).toContain(`href="${BASE}rss.xml"`);
    expect(home).toContain(`href="${BASE}atom.xml"`);
    expect(home).toContain(`href="${BASE}feed.json"`);
  });

  test('loads in newsboat from the base path, titles and abstracts intact', async () => {
    const server = await serveStatic(site.out, BASE);
    try {
      const rss = await newsboat(`${server.url}rss.xml`);
      expect(rss.unread, rss.output).toBe(FEED_ITEMS);
      const plain = papers.find((p) => p.listings[0]!.rank === 2)!;
      expect(rss.items.find((i) => i.guid.endsWith(`/papers/${plain.slug}/`))?.title).toBe(plain.title);
      for (const item of rss.items) {
        const paper = papers.find((p) => item.guid.endsWith(`/papers/${p.slug}/`))!;
        const shown = await htmlText(item.content);
        expect(shown.text).toBe(paper.abstract);
        expect(shown.tags).toEqual(['p']);
      }
      const topic = await newsboat(`${server.url}${topicFeed}`);
      expect(topic.unread, topic.output).toBe(parsed.get(topicFeed)!.entries.length);
    } finally {
      await server.close();
    }
  });
});

describe('the subscribe page with a newsletter', () => {
  test('links to the sign-up page, URL and label escaped', () => {
    const html = readFileSync(join(site.out, 'subscribe/index.html'), 'utf8');
    expect(html).toContain('By email');
    expect(html).toContain(`href="${NEWSLETTER.replace(/&/g, '&amp;')}"`);
    expect(html).toContain('Papers &lt;by&gt; email &amp; more');
    expect(html).toContain(`value="${ORIGIN}${BASE}rss.xml"`);
  });
});
