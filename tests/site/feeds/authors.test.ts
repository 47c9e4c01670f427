/**
 * Feed items carry their authors (issue "Papers people can reach"): RSS as
 * dc:creator, Atom as author, JSON Feed as authors, read by real readers
 * (feedparser, newsboat) and xmllint on the reach site, markup in a name
 * reaching the reader as text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveStatic, type StaticServer } from '../../../scripts/support/staticServer.ts';
import { JsonFeed, newsboat, parseFeed, xmllint } from '../../support/feedTools.ts';
import { FROM_TEXT, HOSTILE, MANY_AUTHORS, NO_ID } from '../../support/reachSite.ts';
import { reachSite } from '../../support/sharedSites.ts';
import { readPaperSources } from '../../support/siteFiles.ts';

const site = reachSite();
const sources = readPaperSources(site.content);
const permalink = (slug: string) => `https://papers.example.org/papers/${slug}/`;
const authorsOf = (slug: string) => sources.find((s) => s.slug === slug)!.authors ?? [];
const hostileSlug = sources.find((s) => s.arxivId === HOSTILE.arxivId)!.slug;

let server: StaticServer;
beforeAll(async () => {
  server = await serveStatic(site.out);
});
afterAll(async () => {
  await server?.close();
});

describe('authors in the feeds', () => {
  test.each(['rss.xml', 'atom.xml'])('%s names every author of every item, in order, as feedparser reads it', async (file) => {
    expect(await xmllint(join(site.out, file))).toBe('');
    const feed = await parseFeed(join(site.out, file));
    expect(feed.bozo, feed.bozoException ?? '').toBe(false);
    const byId = new Map(feed.entries.map((e) => [e.id, e]));
    for (const slug of [FROM_TEXT.slug, MANY_AUTHORS.slug, hostileSlug]) expect(byId.get(permalink(slug))?.authors, slug).toEqual(authorsOf(slug));
    expect(authorsOf(MANY_AUTHORS.slug)).toHaveLength(MANY_AUTHORS.authors);
    expect(byId.get(permalink(hostileSlug))?.authors).toEqual(HOSTILE.authors);
    // A paper the listings name no author of has none in the feed.
    expect(byId.get(permalink(NO_ID.slug))?.authors).toEqual([]);
  });

  test('the JSON Feed gives each item its authors as JSON Feed 1.1 authors', () => {
    const feed = JsonFeed.parse(JSON.parse(readFileSync(join(site.out, 'feed.json'), 'utf8')));
    const item = (slug: string) => feed.items.find((i) => i.id === permalink(slug))!;
    expect(item(FROM_TEXT.slug).authors).toEqual(FROM_TEXT.authors.map((name) => ({ name })));
    expect(item(hostileSlug).authors).toEqual(HOSTILE.authors.map((name) => ({ name })));
    expect(item(NO_ID.slug).authors).toBeUndefined();
  });

  test('newsboat loads the RSS feed with every item and an author of each (it keeps one: the last named), as text', async () => {
    const result = await newsboat(`${server.url}rss.xml`);
    expect(result.unread, result.output).toBe(sources.length);
    const item = (slug: string) => result.items.find((i) => i.guid === permalink(slug))!;
    expect(item(FROM_TEXT.slug).author).toBe(FROM_TEXT.authors.at(-1));
    expect(item(MANY_AUTHORS.slug).author).toBe(authorsOf(MANY_AUTHORS.slug).at(-1));
    expect(item(hostileSlug).author).toBe(HOSTILE.authors.at(-1));
    expect(item(NO_ID.slug).author).toBe('');
  });
});
