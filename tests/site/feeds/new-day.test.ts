/**
 * Feeds over time: a new listing day puts its new papers first and leaves
 * every earlier item exactly as it was (guid, link, date), so readers show
 * only the new papers; a rebuild with nothing new gives identical bytes.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseFeed, readPapers, readTopicNames, type ParsedEntry, type ParsedFeed } from '../../support/feedTools.ts';
import { buildFixture, makeFixture, type FixtureSite } from '../../support/fixtureSite.ts';
import { seedSite } from '../../support/seedSite.ts';

const seed = seedSite();
const topicSlugs = [...readTopicNames(seed.content).keys()];

/** A seed paper listed again on the new day: it must keep its first day and place. */
const repeated = readPapers(seed.content).find((p) => p.listings[0]!.rank === 5)!;

/** The new papers of the new day, in rank order (the repeated paper sits at rank 2). */
const NEW_PAPERS = [
  { title: 'Zebra Transformers for Striped Language Modeling', abstract: 'We train striped language models on zebra crossings and report new results.' },
  { title: 'Quokka Diffusion: Smiling Image Generation', abstract: 'A diffusion model that only generates smiling animals, with a new sampler.' },
  { title: 'Wombat Agents Plan Burrows', abstract: 'Reasoning agents plan underground burrows with reinforcement learning.' },
];

/** The listing of 2025-03-12, written the way the scraper writes it. */
function newDayListing(): string {
  const entries = [NEW_PAPERS[0]!, { title: repeated.title, abstract: repeated.abstract }, NEW_PAPERS[1]!, NEW_PAPERS[2]!];
  const header = ['new', 'Get trending papers in your email inbox!', 'Subscribe', 'byAK and the research community', 'Mar 12'];
  return `${[...header, ...entries.flatMap((e) => [e.title, e.abstract])].join('\n\n')}\n`;
}

/** Every feed of a site whose items we compare, relative to its output folder. */
const FEEDS = ['rss.xml', 'atom.xml', ...topicSlugs.map((slug) => `topics/${slug}/rss.xml`)];
/** Every feed file, JSON and OPML included, for the byte comparison. */
const FILES = [...FEEDS, 'feed.json', 'feeds.opml'];

/** What a reader keeps of an item to recognise it. */
const identity = (e: ParsedEntry) => ({ id: e.id, link: e.link, published: e.published });

let site: FixtureSite;
const before = new Map<string, ParsedFeed>();
const after = new Map<string, ParsedFeed>();
let firstBytes: Map<string, string>;

beforeAll(async () => {
  site = await buildFixture(makeFixture({ listings: { '2025-03-12.txt': newDayListing() } }));
  firstBytes = new Map(FILES.map((f) => [f, readFileSync(join(site.out, f), 'utf8')]));
  for (const feed of FEEDS) {
    before.set(feed, await parseFeed(join(seed.out, feed)));
    after.set(feed, await parseFeed(join(site.out, feed)));
  }
});

afterAll(() => {
  if (site) rmSync(site.dir, { recursive: true, force: true });
});

describe('after a new listing day', () => {
  test('the site feeds start with the new papers in rank order, dated the new day', () => {
    for (const file of ['rss.xml', 'atom.xml']) {
      const entries = after.get(file)!.entries;
      expect(after.get(file)!.bozo, file).toBe(false);
      expect(entries.slice(0, 3).map((e) => e.title.text), file).toEqual(NEW_PAPERS.map((p) => p.title));
      for (const entry of entries.slice(0, 3)) expect(entry.publishedIso, file).toBe('2025-03-12T00:00:00Z');
      expect(entries.length, file).toBe(before.get(file)!.entries.length + 3);
    }
  });

  test('every earlier item keeps exactly its guid, link, date and place', () => {
    for (const file of FEEDS) {
      const old = before.get(file)!.entries.map(identity);
      const now = after.get(file)!.entries.map(identity);
      const newIds = new Set(now.filter((e) => !old.some((o) => o.id === e.id)).map((e) => e.id));
      expect(now.filter((e) => !newIds.has(e.id)), file).toEqual(old);
      // New items only ever come before the old ones.
      expect(now.slice(0, newIds.size).every((e) => newIds.has(e.id)), file).toBe(true);
    }
  });

  test('a paper listed again keeps its first day and gets no second item', () => {
    const entries = after.get('rss.xml')!.entries.filter((e) => e.title.text === repeated.title);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.publishedIso).toBe(`${repeated.firstSeen}T00:00:00Z`);
  });

  test('the feeds are dated by the new day', () => {
    for (const file of ['rss.xml', 'atom.xml']) expect(after.get(file)!.updatedIso, file).toBe('2025-03-12T00:00:00Z');
  });

  test('the JSON Feed starts with the new papers too', () => {
    const doc = JSON.parse(firstBytes.get('feed.json')!) as { items: { title: string; date_published: string }[] };
    expect(doc.items.slice(0, 3).map((i) => i.title)).toEqual(NEW_PAPERS.map((p) => p.title));
    expect(doc.items[0]!.date_published).toBe('2025-03-12T00:00:00.000Z');
  });

  test('a rebuild with no new listing writes byte-identical feeds', async () => {
    await buildFixture(site);
    for (const file of FILES) expect(readFileSync(join(site.out, file), 'utf8') === firstBytes.get(file), file).toBe(true);
  });
});
