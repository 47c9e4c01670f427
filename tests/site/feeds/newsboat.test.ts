/**
 * A real feed reader, newsboat (Debian), loads the seed site's feeds from a
 * local server, headless, and sees every item once, unread, with the
 * paper's permanent URL as guid and link.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { newestFirst, newsboat, readPapers } from '../../support/feedTools.ts';
import { seedSite } from '../../support/sharedSites.ts';
import { serveStatic, type StaticServer } from '../../../scripts/support/staticServer.ts';

const { out, content } = seedSite();
const config = parseYaml(readFileSync(join(content, 'site.yaml'), 'utf8')) as { url: string; feedItems?: number };
const LIMIT = config.feedItems ?? 200;
const papers = newestFirst(readPapers(content));
const permalink = (slug: string) => `${config.url.replace(/\/+$/, '')}/papers/${slug}/`;

/** The topic with the most papers: the most telling topic feed. */
const topic = [...Map.groupBy(papers.flatMap((p) => p.topics.map((t) => t.topic)), (slug) => slug)].sort((a, b) => b[1].length - a[1].length)[0]![0];
const topicPapers = papers.filter((p) => p.topics.some((t) => t.topic === topic));

let server: StaticServer;
beforeAll(async () => {
  server = await serveStatic(out);
});
afterAll(async () => {
  await server?.close();
});

describe('newsboat', () => {
  test('loads the site RSS feed and sees every item unread', async () => {
    const result = await newsboat(`${server.url}rss.xml`);
    const want = papers.slice(0, LIMIT);
    expect(result.unread, result.output).toBe(want.length);
    expect(result.items.map((i) => i.guid).sort()).toEqual(want.map((p) => permalink(p.slug)).sort());
    for (const item of result.items) expect(item.url).toBe(item.guid);
  });

  test(`loads one topic feed and sees exactly that topic's papers`, async () => {
    const result = await newsboat(`${server.url}topics/${topic}/rss.xml`);
    const want = topicPapers.slice(0, LIMIT);
    expect(want.length).toBeGreaterThan(1);
    expect(result.unread, result.output).toBe(want.length);
    expect(result.items.map((i) => i.guid).sort()).toEqual(want.map((p) => permalink(p.slug)).sort());
  });

  test('loads the Atom feed and sees the same items', async () => {
    const result = await newsboat(`${server.url}atom.xml`);
    expect(result.unread, result.output).toBe(Math.min(papers.length, LIMIT));
  });

  test('dates each item at midnight UTC of its first day', async () => {
    const result = await newsboat(`${server.url}rss.xml`);
    const firstSeen = new Map(papers.map((p) => [permalink(p.slug), p.firstSeen]));
    for (const item of result.items) expect(new Date(item.pubDate * 1000).toISOString()).toBe(`${firstSeen.get(item.guid)}T00:00:00.000Z`);
  });
});
