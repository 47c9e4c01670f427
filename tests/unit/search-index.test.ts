/**
 * The search document each paper is given to Pagefind: listing text stays
 * text (no markup it contains survives as markup). The newest-first order
 * search uses to sort by date. Pure: Pagefind itself is run by
 * tests/integration/search-index.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { searchDocument } from '../../src/lib/search/indexed.ts';
import { byNewest, type NewestFirst, newestFirst } from '../../src/lib/search/newestFirst.ts';
import { paperView, topic } from '../support/paperView.ts';

const hostile = paperView({
  slug: 'hostile',
  title: 'Attention </h1><script>alert(1)</script> & "quotes" <b>bold</b>',
  abstract: 'We show <img src=x onerror=alert(2)> that $a<b$ & <!-- comments --> stay text. Diffusion.',
  listings: [{ date: '2025-03-11', rank: 1 }, { date: '2025-03-12', rank: 4 }],
  topics: [topic('language-models', 'Language Models'), topic('efficiency', 'Efficiency')],
});

describe('the search document of a paper', () => {
  it('contains no element made from listing text', () => {
    const html = searchDocument(hostile);
    expect(html).not.toMatch(/<script|<img|<b>|<!--/);
    expect(html.match(/<h1/g)).toHaveLength(1);
  });
});

describe('the newest-first order', () => {
  const fragment = (url: string, ...days: string[]): { url: string; filters: Record<string, string[]> } => ({ url, filters: days.length ? { day: days, topic: ['x'] } : { topic: ['x'] } });

  it('puts each id under the first day its paper was listed, newest day first, ids sorted within a day', () => {
    const order = JSON.parse(
      newestFirst([
        ['en_b', fragment('/b/', '2025-03-11')],
        ['en_c', fragment('/c/', '2025-03-12', '2025-03-10')],
        ['en_a', fragment('/a/', '2025-03-11', '2025-03-12')],
        ['en_d', fragment('/d/', '2025-03-12')],
      ]),
    );
    expect(order).toEqual([
      ['2025-03-12', ['en_d']],
      ['2025-03-11', ['en_a', 'en_b']],
      ['2025-03-10', ['en_c']],
    ]);
  });

  it('is the same bytes whatever order the fragments are read in', () => {
    const entries = [0, 1, 2, 3, 4, 5].map((i) => [`en_${i}`, fragment(`/${i}/`, `2025-03-1${i % 3}`)] as const);
    expect(newestFirst([...entries].reverse())).toBe(newestFirst(entries));
  });

  it('refuses a fragment without a day, naming its URL', () => {
    expect(() => newestFirst([['en_x', fragment('/papers/x/')]])).toThrow(/\/papers\/x\/ has no day filter/);
  });

  it('orders search results by the day they were first listed, newest first, keeping relevance order within a day and unknown ids last', () => {
    const order: NewestFirst = [
      ['2025-03-12', ['en_c', 'en_d']],
      ['2025-03-11', ['en_a', 'en_b']],
    ];
    // As Pagefind ranks them: best match first.
    const results = ['en_b', 'en_new', 'en_d', 'en_a', 'en_c'].map((id) => ({ id }));
    expect(byNewest(results, order).map((r) => r.id)).toEqual(['en_d', 'en_c', 'en_b', 'en_a', 'en_new']);
    expect(results.map((r) => r.id)).toEqual(['en_b', 'en_new', 'en_d', 'en_a', 'en_c']);
  });
});
