/**
 * The build data (src/lib/buildData/compose.ts): papers newest first,
 * neighbours on their first day, related papers, and which papers get a
 * preview card of their own under `previewImages`.
 */
import { describe, expect, test } from 'vitest';
import { buildDataInputs, composeBuildData, type PaperFile } from '../../src/lib/buildData/compose.ts';
import { previewJobs } from '../../src/lib/build/previewImages.ts';
import type { Taxonomy } from '../../src/lib/topics/schema.ts';

const taxonomy: Taxonomy = {
  maxTopicsPerPaper: 4,
  fallback: 'misc',
  topics: [
    { slug: 'misc', name: 'Misc', description: 'Everything else.', keywords: ['miscellany'] },
    { slug: 'vision', name: 'Vision', description: 'Seeing.', keywords: ['image'] },
  ],
};
const site = { title: 'Trending Papers', description: 'Papers, day by day.' };

/** A paper file listed on the given days at the given ranks. */
function paper(slug: string, listings: [date: string, rank: number][], title = `Paper ${slug} about images and vision`): PaperFile {
  return {
    slug,
    data: {
      title,
      abstract: `An abstract about ${title}.`,
      firstSeen: listings[0]![0],
      listings: listings.map(([date, rank]) => ({ date, rank })),
      topics: [{ topic: 'vision', rule: 'image', field: 'title' }, { topic: 'gone', rule: 'x', field: 'title' }],
    },
  };
}

const FILES = [paper('b', [['2025-03-10', 2]]), paper('a', [['2025-03-10', 1], ['2025-03-12', 3]]), paper('c', [['2025-03-11', 1]]), paper('d', [['2025-03-12', 1]]), paper('e', [['2025-03-12', 2]])];

describe('composeBuildData', () => {
  const data = composeBuildData(FILES, { taxonomy, site, redirects: [], previewImages: 'all' });

  test('orders papers newest first, by the day first listed, then rank that day', () => {
    expect(data.papers.map((p) => p.slug)).toEqual(['d', 'e', 'c', 'a', 'b']);
  });

  test('gives each paper its neighbours on the day it was first listed, papers listed again that day included', () => {
    const at = (slug: string) => data.papers.find((p) => p.slug === slug)!;
    expect([at('d').prev, at('d').next]).toEqual([undefined, 'e']);
    expect([at('e').prev, at('e').next]).toEqual(['d', 'a']);
    expect([at('a').prev, at('a').next]).toEqual([undefined, 'b']);
  });

  test('draws cards with topic names, leaving out topics the taxonomy no longer has, and makes the site card from the site', () => {
    expect(data.papers[0]!.card).toEqual({ title: 'Paper d about images and vision', topics: ['Vision'], date: '12 March 2025', siteTitle: 'Trending Papers' });
    expect(data.siteCard).toEqual({ title: 'Papers, day by day.', topics: [], date: '', siteTitle: 'Trending Papers' });
    expect(previewJobs(data).map((job) => job.path)).toEqual(['og.png', 'og/d.png', 'og/e.png', 'og/c.png', 'og/a.png', 'og/b.png']);
  });

  test('gives cards to the papers of the newest N days only, or to none, and the site card always', () => {
    const newest2 = composeBuildData(FILES, { taxonomy, site, redirects: [], previewImages: 2 });
    // The newest two days are 12 and 11 March: a is listed again on the 12th, b is not.
    expect(newest2.papers.filter((p) => p.card).map((p) => p.slug)).toEqual(['d', 'e', 'c', 'a']);
    const none = composeBuildData(FILES, { taxonomy, site, redirects: [], previewImages: 'none' });
    expect(none.papers.filter((p) => p.card)).toEqual([]);
    expect(previewJobs(none)).toEqual([{ path: 'og.png', card: none.siteCard }]);
  });

  test('digests its inputs whatever their order, and differently when anything changes', () => {
    const context = { taxonomy, site, redirects: [], previewImages: 'all' as const };
    expect(buildDataInputs([...FILES].reverse(), context)).toBe(data.inputs);
    expect(buildDataInputs(FILES, { ...context, previewImages: 3 })).not.toBe(data.inputs);
    expect(buildDataInputs([...FILES.slice(1), { ...FILES[0]!, notes: { file: 'content/papers/b.mdx', body: 'A note.' } }], context)).not.toBe(data.inputs);
  });
});

describe('the redirects of the build data', () => {
  test('lead each retired slug to its paper, and only while that paper has a page', () => {
    const data = composeBuildData(FILES, { taxonomy, site, previewImages: 'none', redirects: [{ from: 'old-a', to: 'a' }, { from: 'old-gone', to: 'gone' }] });
    expect(data.redirects).toEqual([{ from: 'old-a', to: 'a' }]);
  });
});
