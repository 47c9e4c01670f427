/**
 * The sitemap integration (src/integrations/sitemap.ts) hands
 * `@astrojs/sitemap` the pages already in its order, so its slow sort has
 * nothing left to do. Pure: that it writes the same bytes is checked by
 * tests/integration/sitemap.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { inSitemapOrder } from '../../src/integrations/sitemap.ts';
import { scrambledPages } from '../support/sitemapPages.ts';

describe('the presorted sitemap', () => {
  it('puts pages in the order @astrojs/sitemap sorts URLs into', () => {
    const pages = scrambledPages();
    const url = (page: { pathname: string }) => new URL(page.pathname.replace(/^\//, ''), 'https://example.org/trending/').href;
    const expected = pages.map(url).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    const sorted = inSitemapOrder(pages).map(url);
    expect(sorted).toEqual(expected);
    // A numeric order, not a plain string one: 7 before 10.
    expect(sorted.indexOf('https://example.org/trending/papers/alpha-7/')).toBeLessThan(sorted.indexOf('https://example.org/trending/papers/alpha-10/'));
  });
});
