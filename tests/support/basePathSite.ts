/**
 * The shared base-path site: a site hosted under a sub-path, with a short
 * feed and a newsletter, whose only listing is three papers, the first full
 * of markup and entities. Built once per run by the global setup and read
 * by the tests of hosting under a base path and of feeds' text
 * (tests/site/browser/basePath.test.ts, tests/site/feeds/hostile-text.test.ts).
 */
import { type FixtureOptions, listingText } from './fixtureSite.ts';

export const ORIGIN = 'https://papers.example.org';
export const BASE = '/papers-site/';
export const NEWSLETTER = 'https://mail.example.com/subscribe?list=papers&from=site';
export const NEWSLETTER_LABEL = 'Papers <by> email & more';
/** How many papers each feed holds. */
export const FEED_ITEMS = 2;

/** The listing lines as scraped (raw), in rank order. */
export const RAW = [
  {
    title: `Markup <b>bold</b> & </title><script>alert(1)</script> &amp; "q" 'a' {x} caf&eacute;`,
    abstract: `</p><script>alert(1)</script> <b>bold</b> &amp; & < > " ' $\\frac{a}{b}$ {x}`,
  },
  // An HTML reader would show this title unchanged: RSS carries it as plain text.
  { title: `Q&A on Transformers: x < 5 & AT&T's R&D`, abstract: 'Transformers answer questions about R&D at AT&T, where x < 5 and y > 2.' },
  { title: 'A Plain Paper About Diffusion', abstract: 'Diffusion models generate images, plainly.' },
];

/** The fixture: the three papers as the only listing, under BASE, FEED_ITEMS per feed, with a newsletter. */
export const basePathFixture: FixtureOptions = {
  replaceListings: true,
  listings: { '2025-03-11.txt': listingText('Mar 11', RAW) },
  site: { base: BASE, feedItems: String(FEED_ITEMS), newsletter: JSON.stringify({ url: NEWSLETTER, label: NEWSLETTER_LABEL }) },
};
