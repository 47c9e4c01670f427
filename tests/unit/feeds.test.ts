/**
 * The feed core: escapes, entries, and the RSS, Atom, JSON Feed and OPML
 * renderers, without a build. Real readers are in tests/feeds.
 */
import { decodeHTML, decodeXML } from 'entities';
import { afterEach, describe, expect, test, vi } from 'vitest';
import * as atom from '../../src/lib/feeds/atom.ts';
import * as channels from '../../src/lib/feeds/channels.ts';
import * as escape from '../../src/lib/feeds/escape.ts';
import * as items from '../../src/lib/feeds/items.ts';
import * as jsonFeed from '../../src/lib/feeds/jsonFeed.ts';
import * as opml from '../../src/lib/feeds/opml.ts';
import * as rss from '../../src/lib/feeds/rss.ts';
import * as siteFeeds from '../../src/lib/feeds/siteFeeds.ts';
import { absoluteUrl } from '../../src/lib/site/routes.ts';
import { paperView, topic } from '../support/paperView.ts';

const { escapeHtml, escapeXml } = escape;
const { dayStart, feedEntries, newestDate } = items;
const { renderRss, rssTitle, isHtmlInvariant } = rss;
const { renderAtom } = atom;
const { renderJsonFeed, upgradeToJsonFeed11, JSON_FEED_VERSION } = jsonFeed;
const { renderOpml } = opml;
const { listFeeds, feedTitle } = siteFeeds;
const { siteChannel, topicChannel } = channels;

const HOSTILE = `</p><script>alert(1)</script> <b>bold</b> & &amp; < > " ' $\\frac{a}{b}$ {x} \u00a0café ]]>`;
const absolute = (path: string) => absoluteUrl('https://papers.example.org', '/papers-site/', path);
const SITE = { title: 'Trending Papers', description: 'Papers & more', language: 'en' };

/** A paper on its first day, at a rank. */
function paper(slug: string, firstSeen: string, rank: number, extra: { title?: string; abstract?: string; topics?: ReturnType<typeof topic>[] } = {}) {
  return paperView({ slug, firstSeen, listings: [{ date: firstSeen, rank }], ...extra });
}

const PAPERS = [paper('newest', '2025-03-12', 1, { title: HOSTILE, abstract: HOSTILE }), paper('second', '2025-03-12', 2), paper('older', '2025-03-11', 1)];
const ENTRIES = feedEntries(PAPERS, 200, absolute);
const CHANNEL = siteChannel(SITE, 'rss.xml', ENTRIES, absolute);

afterEach(() => {
  vi.useRealTimers();
});

describe('escapeHtml', () => {
  test('should escape text so that one HTML decoding gives it back', () => {
    expect(decodeHTML(escapeHtml(HOSTILE))).toBe(HOSTILE);
    expect(escapeHtml('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
  });

  test('should use only entities that HTML 4 parsers know (no &apos;)', () => {
    expect(escapeHtml(`it's "quoted"`)).toBe(`it's "quoted"`);
    expect(escapeHtml(HOSTILE)).not.toMatch(/&(?!amp;|lt;|gt;|nbsp;)/);
  });
});

describe('escapeXml', () => {
  test('should escape text and attribute values so that one XML decoding gives them back', () => {
    expect(decodeXML(escapeXml(HOSTILE))).toBe(HOSTILE);
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});

describe('isHtmlInvariant and rssTitle', () => {
  test('should keep a title plain when an HTML reader would show it unchanged', () => {
    for (const title of [`Q&A: x < 5 & AT&T's R&D`, 'A > B', 'Model Soups!', '50 % & more']) {
      expect(isHtmlInvariant(title), title).toBe(true);
      expect(rssTitle(title)).toBe(title);
    }
  });

  test('should escape a title that holds a tag or a character reference', () => {
    for (const title of ['<b>bold</b>', 'x </p> y', 'a &amp; b', 'caf&eacute;', '&#38;', 'a <!-- c -->', 'x &copy y']) {
      expect(isHtmlInvariant(title), title).toBe(false);
      expect(decodeHTML(rssTitle(title))).toBe(title);
    }
  });
});

describe('feedEntries', () => {
  test('should keep the order given, newest first, up to the limit', () => {
    expect(feedEntries(PAPERS, 2, absolute).map((e) => e.id)).toEqual([absolute('papers/newest/'), absolute('papers/second/')]);
    expect(feedEntries(PAPERS, 200, absolute)).toHaveLength(3);
  });

  test('should use the permanent absolute URL, base path included, as id and link', () => {
    expect(ENTRIES[2]).toMatchObject({ id: 'https://papers.example.org/papers-site/papers/older/', link: 'https://papers.example.org/papers-site/papers/older/' });
  });

  test('should date an entry at midnight UTC of its first day, with topic names as categories', () => {
    expect(ENTRIES[2]!.date.toISOString()).toBe('2025-03-11T00:00:00.000Z');
    expect(ENTRIES[2]!.categories).toEqual(['General Machine Learning']);
    expect(dayStart('2025-01-02').toISOString()).toBe('2025-01-02T00:00:00.000Z');
  });

  test('should keep the text raw: escaping belongs to each format', () => {
    expect(ENTRIES[0]).toMatchObject({ title: HOSTILE, abstract: HOSTILE });
  });
});

describe('newestDate and the channels', () => {
  test('should date a feed by its newest entry, and leave an empty feed undated', () => {
    expect(newestDate([...ENTRIES].reverse())?.toISOString()).toBe('2025-03-12T00:00:00.000Z');
    expect(newestDate([])).toBeUndefined();
  });

  test('should give site and topic channels their own and home URLs', () => {
    expect(CHANNEL).toMatchObject({ home: 'https://papers.example.org/papers-site/', self: 'https://papers.example.org/papers-site/rss.xml' });
    const vision = topicChannel(SITE, topic('computer-vision', 'Vision'), [], absolute);
    expect(vision).toMatchObject({
      title: 'Trending Papers: Vision',
      home: 'https://papers.example.org/papers-site/topics/computer-vision/',
      self: 'https://papers.example.org/papers-site/topics/computer-vision/rss.xml',
      updated: undefined,
    });
  });
});

describe('renderRss', () => {
  test('should write permalink guids, first-day dates and a data-derived lastBuildDate', async () => {
    const xml = await renderRss(CHANNEL, ENTRIES);
    expect(xml).toContain('<guid isPermaLink="true">https://papers.example.org/papers-site/papers/older/</guid>');
    expect(xml).toContain('<pubDate>Tue, 11 Mar 2025 00:00:00 GMT</pubDate>');
    expect(xml).toContain('<lastBuildDate>Wed, 12 Mar 2025 00:00:00 GMT</lastBuildDate>');
    expect(xml).toContain('<atom:link href="https://papers.example.org/papers-site/rss.xml" rel="self" type="application/rss+xml"/>');
    expect(xml).toContain('<category>General Machine Learning</category>');
  });

  test('should escape the abstract as HTML inside the XML, so no markup survives two decodings', async () => {
    const xml = await renderRss(CHANNEL, ENTRIES);
    const description = /<description>([^<]*)<\/description>/.exec(xml.slice(xml.indexOf('<item>')))![1]!;
    expect(decodeXML(description)).toBe(`<p>${escapeHtml(HOSTILE)}</p>`);
    expect(decodeHTML(decodeXML(description).slice(3, -4))).toBe(HOSTILE);
    expect(xml).not.toMatch(/<script/i);
  });

  test('should not depend on the build clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T12:00:00Z'));
    const first = await renderRss(CHANNEL, ENTRIES);
    vi.setSystemTime(new Date('2031-06-01T00:00:00Z'));
    expect(await renderRss(CHANNEL, ENTRIES)).toBe(first);
  });

  test('should leave out lastBuildDate when the feed is empty', async () => {
    const xml = await renderRss({ ...CHANNEL, updated: undefined }, []);
    expect(xml).not.toContain('lastBuildDate');
    expect(xml).not.toContain('<item>');
  });
});

describe('renderAtom', () => {
  test('should write entry ids, links and dates from the entries and the feed date from the data', () => {
    const xml = renderAtom(siteChannel(SITE, 'atom.xml', ENTRIES, absolute), ENTRIES);
    expect(xml).toContain('<id>https://papers.example.org/papers-site/papers/older/</id>');
    expect(xml).toContain('<link href="https://papers.example.org/papers-site/papers/older/"/>');
    expect(xml).toContain('<link rel="self" href="https://papers.example.org/papers-site/atom.xml"/>');
    expect(xml).toMatch(/<feed[^>]*>\s*<id>https:\/\/papers\.example\.org\/papers-site\/<\/id>\s*<title>Trending Papers<\/title>\s*<updated>2025-03-12T00:00:00\.000Z<\/updated>/);
    expect(xml).toContain('<published>2025-03-11T00:00:00.000Z</published>');
    expect(xml).toContain('<name>Trending Papers</name>');
    expect(xml).not.toContain('<generator');
  });

  test('should write title and summary as HTML-typed escaped text that decodes to the original', () => {
    const xml = renderAtom(CHANNEL, ENTRIES);
    const summary = /<summary type="html"><!\[CDATA\[([\s\S]*?)\]\]><\/summary>/.exec(xml)![1]!;
    const title = /<entry>\s*<title type="html"><!\[CDATA\[([\s\S]*?)\]\]><\/title>/.exec(xml)![1]!;
    expect(decodeHTML(summary)).toBe(HOSTILE);
    expect(decodeHTML(title)).toBe(HOSTILE);
    expect(xml).not.toMatch(/<script/i);
  });

  test('should use a fixed date for an empty feed, never the clock', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T12:00:00Z'));
    expect(renderAtom({ ...CHANNEL, updated: undefined }, [])).toContain('<updated>1970-01-01T00:00:00.000Z</updated>');
  });

  test('should refuse a topic name the library cannot put in an attribute, saying what to fix', () => {
    const bad = feedEntries([paper('x', '2025-03-11', 1, { topics: [topic('bad', 'A <b> topic')] })], 10, absolute);
    expect(() => renderAtom(CHANNEL, bad)).toThrow(/rename the topic in content\/topics\.yaml/);
  });
});

describe('renderJsonFeed', () => {
  const doc = JSON.parse(renderJsonFeed(siteChannel(SITE, 'feed.json', ENTRIES, absolute), ENTRIES)) as jsonFeed.JsonFeed;

  test('should write a JSON Feed 1.1 document with the feed URL and language', () => {
    expect(doc).toMatchObject({
      version: JSON_FEED_VERSION,
      title: 'Trending Papers',
      home_page_url: 'https://papers.example.org/papers-site/',
      feed_url: 'https://papers.example.org/papers-site/feed.json',
      language: 'en',
    });
    expect(JSON_FEED_VERSION).toBe('https://jsonfeed.org/version/1.1');
  });

  test('should give each item the permalink, plain-text abstract, date and tags, and no HTML content', () => {
    expect(doc.items[0]).toEqual({
      id: 'https://papers.example.org/papers-site/papers/newest/',
      url: 'https://papers.example.org/papers-site/papers/newest/',
      title: HOSTILE,
      content_text: HOSTILE,
      summary: HOSTILE,
      date_published: '2025-03-12T00:00:00.000Z',
      date_modified: '2025-03-12T00:00:00.000Z',
      tags: ['General Machine Learning'],
    });
  });

  test('should refuse a library document whose items do not match the entries', () => {
    expect(() => upgradeToJsonFeed11({ version: 'x', title: 't', items: [] }, CHANNEL, ENTRIES)).toThrow(/3 entries/);
  });
});

describe('listFeeds and renderOpml', () => {
  const topics = [
    { topic: topic('speech-audio', 'Speech & Audio'), papers: [1, 2] },
    { topic: topic('robotics', 'Robots "R" <Us>'), papers: [] },
  ];
  const feeds = listFeeds(SITE, topics, absolute);

  test('should list the site feed in three formats, then one RSS feed per topic', () => {
    expect(feeds.site.map((f) => [f.format, f.url])).toEqual([
      ['rss', 'https://papers.example.org/papers-site/rss.xml'],
      ['atom', 'https://papers.example.org/papers-site/atom.xml'],
      ['json', 'https://papers.example.org/papers-site/feed.json'],
    ]);
    expect(feeds.topics.map((f) => [f.title, f.url, f.home, f.papers])).toEqual([
      ['Trending Papers: Speech & Audio (RSS)', 'https://papers.example.org/papers-site/topics/speech-audio/rss.xml', 'https://papers.example.org/papers-site/topics/speech-audio/', 2],
      ['Trending Papers: Robots "R" <Us> (RSS)', 'https://papers.example.org/papers-site/topics/robotics/rss.xml', 'https://papers.example.org/papers-site/topics/robotics/', 0],
    ]);
    expect(feedTitle('T', 'json')).toBe('T (JSON Feed)');
  });

  test('should write OPML whose every attribute decodes back to the feed data', () => {
    const xml = renderOpml({ title: 'All <feeds> & more', dateModified: new Date('2025-03-11T00:00:00Z'), groups: [{ text: 'Topics & co', feeds: feeds.topics }] });
    expect(xml).toContain('<title>All &lt;feeds&gt; &amp; more</title>');
    expect(xml).toContain('<dateModified>Tue, 11 Mar 2025 00:00:00 GMT</dateModified>');
    const outlines = [...xml.matchAll(/<outline type="rss" text="([^"]*)" title="[^"]*" description="[^"]*" xmlUrl="([^"]*)" htmlUrl="([^"]*)"\/>/g)];
    expect(outlines.map((m) => [decodeXML(m[1]!), decodeXML(m[2]!), decodeXML(m[3]!)])).toEqual(feeds.topics.map((f) => [f.title, f.url, f.home]));
    expect(xml).toContain('text="Topics &amp; co"');
    expect(xml).not.toMatch(/="[^"]*[<>][^"]*"/);
  });
});
