/**
 * The seed site's feeds, read by real parsers: feedparser (bozo, items,
 * dates, guids), xmllint, a JSON Feed 1.1 schema, the OPML bundle, and the
 * pages that advertise them (autodiscovery, /subscribe/).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  fileOfUrl,
  JsonFeed,
  newestFirst,
  opmlFeeds,
  parseFeed,
  readPapers,
  readTopicNames,
  xmllint,
  xpathNumber,
  type PaperData,
  type ParsedFeed,
} from '../../support/feedTools.ts';
import { seedSite } from '../../support/sharedSites.ts';

const { out, content } = seedSite();
const config = parseYaml(readFileSync(join(content, 'site.yaml'), 'utf8')) as { url: string; base?: string; feedItems?: number };
const ORIGIN = config.url.replace(/\/+$/, '');
const BASE = config.base ?? '/';
const LIMIT = config.feedItems ?? 200;
const papers = newestFirst(readPapers(content));
const topicNames = readTopicNames(content);
const topicSlugs = [...topicNames.keys()];
const permalink = (slug: string) => `${ORIGIN}${BASE}papers/${slug}/`;

/** Every XML feed of the built site, as paths relative to `out`. */
const xmlFeeds = ['rss.xml', 'atom.xml', ...topicSlugs.map((slug) => `topics/${slug}/rss.xml`)];

/** The papers a feed over `list` must hold, in order. */
const expected = (list: readonly PaperData[]) => list.slice(0, LIMIT);

/** The RFC 822 date readers get for a paper: midnight UTC of its first day. */
const rfc822 = (day: string) => new Date(`${day}T00:00:00Z`).toUTCString();

const parsed = new Map<string, ParsedFeed>();
beforeAll(async () => {
  for (const feed of xmlFeeds) parsed.set(feed, await parseFeed(join(out, feed)));
});

describe('the seed site feeds', () => {
  test('exist for the whole site in three formats, for every topic, and as OPML', () => {
    for (const file of [...xmlFeeds, 'feed.json', 'feeds.opml']) expect(existsSync(join(out, file)), file).toBe(true);
    const topicFeeds = readdirSync(join(out, 'topics'), { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(out, 'topics', d.name, 'rss.xml')));
    expect(topicFeeds.map((d) => d.name).sort()).toEqual([...topicSlugs].sort());
  });

  test('are well-formed XML according to xmllint', async () => {
    for (const file of [...xmlFeeds, 'feeds.opml']) expect(await xmllint(join(out, file)), file).toBe('');
  });

  test('parse in feedparser with bozo = 0 as RSS 2.0 or Atom 1.0', () => {
    for (const [file, feed] of parsed) {
      expect(feed.bozoException, file).toBeNull();
      expect(feed.bozo, file).toBe(false);
      expect(feed.version, file).toBe(file === 'atom.xml' ? 'atom10' : 'rss20');
    }
  });

  test('contain no script element', async () => {
    for (const file of [...xmlFeeds, 'feeds.opml']) expect(await xpathNumber(join(out, file), "count(//*[local-name()='script'])"), file).toBe(0);
  });

  test('hold the newest papers, newest first, as many as site.feedItems allows', () => {
    const want = expected(papers).map((p) => permalink(p.slug));
    expect(want.length).toBe(Math.min(papers.length, LIMIT));
    for (const file of ['rss.xml', 'atom.xml']) expect(parsed.get(file)!.entries.map((e) => e.link), file).toEqual(want);
  });

  test('give each item its permanent URL as guid and link, and a link that exists in dist', async () => {
    for (const [file, feed] of parsed) {
      for (const entry of feed.entries) {
        expect(entry.id, file).toBe(entry.link);
        expect(existsSync(fileOfUrl(out, ORIGIN, BASE, entry.link)), entry.link).toBe(true);
      }
      if (file === 'atom.xml') continue;
      const items = await xpathNumber(join(out, file), 'count(//item)');
      expect(await xpathNumber(join(out, file), "count(//item/guid[@isPermaLink='true'])"), file).toBe(items);
    }
  });

  test('date each item at midnight UTC of the day it was first listed', () => {
    const bySlugLink = new Map(papers.map((p) => [permalink(p.slug), p]));
    for (const [file, feed] of parsed) {
      for (const entry of feed.entries) {
        const paper = bySlugLink.get(entry.link)!;
        expect(entry.publishedIso, `${file} ${entry.link}`).toBe(`${paper.firstSeen}T00:00:00Z`);
        if (file !== 'atom.xml') expect(entry.published).toBe(rfc822(paper.firstSeen));
      }
    }
  });

  test('date the feed itself by its newest paper, not by the build clock', () => {
    const newest = `${papers[0]!.firstSeen}T00:00:00Z`;
    for (const file of ['rss.xml', 'atom.xml']) expect(parsed.get(file)!.updatedIso, file).toBe(newest);
  });

  test('show each title and abstract as its text, with the topic names as categories', () => {
    const byLink = new Map(papers.map((p) => [permalink(p.slug), p]));
    for (const [file, feed] of parsed) {
      for (const entry of feed.entries) {
        const paper = byLink.get(entry.link)!;
        expect(entry.title.text, file).toBe(paper.title);
        expect(entry.summary.text, file).toBe(paper.abstract);
        expect(entry.summary.tags.filter((t) => t !== 'p'), file).toEqual([]);
        expect(entry.tags, file).toEqual(paper.topics.map((t) => topicNames.get(t.topic)));
      }
    }
  });

  test('give every topic a feed of exactly its papers, newest first', () => {
    for (const slug of topicSlugs) {
      const feed = parsed.get(`topics/${slug}/rss.xml`)!;
      const want = expected(papers.filter((p) => p.topics.some((t) => t.topic === slug))).map((p) => permalink(p.slug));
      expect(feed.entries.map((e) => e.link), slug).toEqual(want);
      expect(feed.title, slug).toBe(`Trending Papers: ${topicNames.get(slug)}`);
    }
  });
});

describe('the JSON Feed', () => {
  const doc = JSON.parse(readFileSync(join(out, 'feed.json'), 'utf8')) as unknown;

  test('is a valid JSON Feed 1.1 document', () => {
    const result = JsonFeed.safeParse(doc);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  test('holds the same items as the RSS feed, with the abstract as plain text', () => {
    const feed = JsonFeed.parse(doc);
    const want = expected(papers);
    expect(feed.feed_url).toBe(`${ORIGIN}${BASE}feed.json`);
    expect(feed.items.map((i) => i.id)).toEqual(want.map((p) => permalink(p.slug)));
    feed.items.forEach((item, i) => {
      const paper = want[i]!;
      expect(item.url).toBe(item.id);
      expect(item.title).toBe(paper.title);
      expect(item.content_text).toBe(paper.abstract);
      expect(item.summary).toBe(paper.abstract);
      expect(item.content_html).toBeUndefined();
      expect(item.date_published).toBe(`${paper.firstSeen}T00:00:00.000Z`);
      expect(item.tags).toEqual(paper.topics.map((t) => topicNames.get(t.topic)));
    });
  });
});

describe('the OPML bundle', () => {
  test('lists each feed once: the site feed as RSS, the weekly digest and every topic feed, each of them built', async () => {
    const outlines = await opmlFeeds(join(out, 'feeds.opml'));
    expect(outlines.map((o) => o.xmlUrl)).toEqual([
      `${ORIGIN}${BASE}rss.xml`,
      `${ORIGIN}${BASE}weekly.xml`,
      ...topicSlugs.map((slug) => `${ORIGIN}${BASE}topics/${slug}/rss.xml`),
    ]);
    for (const outline of outlines) {
      expect(outline.type).toBe('rss');
      expect(outline.text).not.toBe('');
      expect(existsSync(fileOfUrl(out, ORIGIN, BASE, outline.xmlUrl)), outline.xmlUrl).toBe(true);
      expect(existsSync(fileOfUrl(out, ORIGIN, BASE, outline.htmlUrl)), outline.htmlUrl).toBe(true);
    }
    expect(outlines.find((o) => o.xmlUrl.endsWith('/speech-audio/rss.xml'))?.text).toBe('Trending Papers: Speech & Audio (RSS)');
  });
});

/** The feed autodiscovery links of a built page, in order. */
function alternates(page: string): { type: string; title: string; href: string }[] {
  const html = readFileSync(join(out, page), 'utf8');
  return [...html.matchAll(/<link rel="alternate"([^>]*)>/g)].map((m) => {
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(m[1]!)?.[1] ?? '';
    return { type: attr('type'), title: attr('title').replace(/&amp;/g, '&'), href: attr('href') };
  });
}

describe('feed autodiscovery', () => {
  const siteFeeds = [
    { type: 'application/rss+xml', title: 'Trending Papers (RSS)', href: `${BASE}rss.xml` },
    { type: 'application/atom+xml', title: 'Trending Papers (Atom)', href: `${BASE}atom.xml` },
    { type: 'application/feed+json', title: 'Trending Papers (JSON Feed)', href: `${BASE}feed.json` },
  ];

  test('advertises the site feeds on every kind of page', () => {
    const paper = papers[0]!.slug;
    for (const page of ['index.html', `papers/${paper}/index.html`, 'topics/index.html', 'subscribe/index.html', 'trends/index.html', '404.html']) {
      expect(alternates(page), page).toEqual(siteFeeds);
    }
  });

  test('advertises the weekly digest first on the archive pages', () => {
    const weekly = { type: 'application/rss+xml', title: 'Trending Papers: weekly digest (RSS)', href: `${BASE}weekly.xml` };
    for (const page of ['days/index.html', 'weeks/2025-W11/index.html', 'months/2025-03/index.html']) expect(alternates(page), page).toEqual([weekly, ...siteFeeds]);
  });

  test("advertises a topic's own feed first on its topic page", () => {
    for (const slug of topicSlugs) {
      const links = alternates(`topics/${slug}/index.html`);
      expect(links[0], slug).toEqual({ type: 'application/rss+xml', title: `Trending Papers: ${topicNames.get(slug)} (RSS)`, href: `${BASE}topics/${slug}/rss.xml` });
      expect(links.slice(1), slug).toEqual(siteFeeds);
    }
  });

  test('points only at feeds that exist', () => {
    for (const slug of topicSlugs) {
      for (const link of alternates(`topics/${slug}/index.html`)) expect(existsSync(join(out, link.href.slice(BASE.length))), link.href).toBe(true);
    }
  });
});

describe('the subscribe page', () => {
  const html = readFileSync(join(out, 'subscribe/index.html'), 'utf8');
  /** The read-only address fields: id → value. */
  const fields = new Map(
    [...html.matchAll(/<input([^>]*)>/g)]
      .filter((m) => /\breadonly\b/.test(m[1]!))
      .map((m) => [/id="([^"]*)"/.exec(m[1]!)?.[1] ?? '', (/value="([^"]*)"/.exec(m[1]!)?.[1] ?? '').replace(/&amp;/g, '&')]),
  );

  test('shows every feed address in a labelled read-only field', () => {
    const want = [
      `${ORIGIN}${BASE}rss.xml`,
      `${ORIGIN}${BASE}atom.xml`,
      `${ORIGIN}${BASE}feed.json`,
      `${ORIGIN}${BASE}weekly.xml`,
      ...topicSlugs.map((slug) => `${ORIGIN}${BASE}topics/${slug}/rss.xml`),
      `${ORIGIN}${BASE}feeds.opml`,
    ];
    expect([...fields.values()]).toEqual(want);
    for (const id of fields.keys()) expect(html, id).toContain(`<label for="${id}"`);
  });

  test('explains feed readers and OPML import, and is the current nav item', () => {
    expect(html).toContain('How to subscribe');
    expect(html).toContain('Import OPML');
    expect(html).toContain(`href="${BASE}feeds.opml"`);
    expect(html).toMatch(/<a href="[^"]*subscribe\/" aria-current="page">Subscribe<\/a>/);
  });

  test('offers no newsletter when site.yaml sets none', () => {
    expect(html).not.toContain('By email');
  });
});
