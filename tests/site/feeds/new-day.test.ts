/**
 * Feeds over time: new listing days put their new papers first and leave
 * every earlier item exactly as it was (guid, link, date), so readers show
 * only the new papers. The seed site's feeds are compared with those of the
 * shared new-day site (the seed plus two later days). That a rebuild with
 * nothing new gives identical bytes is checked, for every file, by
 * tests/site/build/incremental.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { newestFirst, parseFeed, readPapers, readTopicNames, type ParsedEntry, type ParsedFeed } from '../../support/feedTools.ts';
import { BILBY, NEW_DAY, NUMBAT, PROMPTING, SECOND_DAY, ZEBRA } from '../../support/newDaySite.ts';
import { newDaySite, seedSite } from '../../support/sharedSites.ts';

const seed = seedSite();
const site = newDaySite();
const topicSlugs = [...readTopicNames(seed.content).keys()];
const SEED_DAY = '2025-03-11';

/** The papers of the later days, newest day first, in rank order within a day: the order new items must come in. */
const newPapers = newestFirst(readPapers(site.content)).filter((p) => p.firstSeen !== SEED_DAY);

/** Every feed of a site whose items we compare, relative to its output folder. */
const FEEDS = ['rss.xml', 'atom.xml', ...topicSlugs.map((slug) => `topics/${slug}/rss.xml`)];

/** What a reader keeps of an item to recognise it. */
const identity = (e: ParsedEntry) => ({ id: e.id, link: e.link, published: e.published });

const before = new Map<string, ParsedFeed>();
const after = new Map<string, ParsedFeed>();

beforeAll(async () => {
  for (const feed of FEEDS) {
    before.set(feed, await parseFeed(join(seed.out, feed)));
    after.set(feed, await parseFeed(join(site.out, feed)));
  }
});

describe('after two new listing days', () => {
  test('the site feeds start with the new papers, newest day first and in rank order, each dated its day', () => {
    expect(newPapers.filter((p) => p.firstSeen === NEW_DAY).length).toBeGreaterThan(30);
    expect(newPapers.filter((p) => p.firstSeen === SECOND_DAY).length).toBe(2);
    for (const file of ['rss.xml', 'atom.xml']) {
      const entries = after.get(file)!.entries;
      expect(after.get(file)!.bozo, file).toBe(false);
      expect(entries.length, file).toBe(before.get(file)!.entries.length + newPapers.length);
      expect(entries.slice(0, newPapers.length).map((e) => e.title.text), file).toEqual(newPapers.map((p) => p.title));
      expect(
        entries.slice(0, newPapers.length).map((e) => e.publishedIso),
        file,
      ).toEqual(newPapers.map((p) => `${p.firstSeen}T00:00:00Z`));
      // The new papers of the new day keep their listing's order among themselves.
      const titles = entries.map((e) => e.title.text);
      const places = [ZEBRA, NUMBAT, BILBY].map((p) => titles.indexOf(p.title));
      expect(places.every((place) => place >= 0) && places.every((place, i) => i === 0 || place > places[i - 1]!), file).toBe(true);
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
    const entries = after.get('rss.xml')!.entries.filter((e) => e.title.text === PROMPTING.title);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.publishedIso).toBe(`${PROMPTING.firstSeen}T00:00:00Z`);
    expect(readPapers(site.content).find((p) => p.title === PROMPTING.title)!.listings.map((l) => l.date)).toEqual([SEED_DAY, NEW_DAY]);
  });

  test('the feeds are dated by the newest day', () => {
    for (const file of ['rss.xml', 'atom.xml']) expect(after.get(file)!.updatedIso, file).toBe(`${NEW_DAY}T00:00:00Z`);
  });

  test('the JSON Feed starts with the new papers too', () => {
    const doc = JSON.parse(readFileSync(join(site.out, 'feed.json'), 'utf8')) as { items: { title: string; date_published: string }[] };
    expect(doc.items.slice(0, newPapers.length).map((i) => i.title)).toEqual(newPapers.map((p) => p.title));
    expect(doc.items[0]!.date_published).toBe(`${NEW_DAY}T00:00:00.000Z`);
  });
});
