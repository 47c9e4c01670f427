/**
 * Trends (src/lib/trends/): papers per topic per week, the rising rule,
 * and the SVG charts drawn from them, whose data attributes hold exactly
 * the numbers and whose text is escaped.
 */
import { describe, expect, test } from 'vitest';
import { makeCatalog } from '../../src/lib/catalog/catalog.ts';
import { composeBuildData, type PaperFile } from '../../src/lib/buildData/compose.ts';
import type { Taxonomy } from '../../src/lib/topics/schema.ts';
import { lineChart } from '../../src/lib/trends/chart.ts';
import { topicTrends, weekSpan } from '../../src/lib/trends/series.ts';

const taxonomy: Taxonomy = {
  maxTopicsPerPaper: 4,
  fallback: 'misc',
  topics: [
    { slug: 'misc', name: 'Misc', description: 'Everything else.', keywords: ['miscellany'] },
    { slug: 'vision', name: 'Vision & <Sight>', description: 'Seeing.', keywords: ['image'] },
  ],
};

/** A paper listed on one day, of the vision topic or not. */
function paper(slug: string, date: string, vision: boolean): PaperFile {
  return {
    slug,
    data: { title: slug, abstract: `About ${slug}.`, firstSeen: date, listings: [{ date, rank: 1 }], topics: [{ topic: vision ? 'vision' : 'misc', rule: 'x', field: 'title' }] },
  };
}

// Weeks 10 to 19 of 2025 (Mondays 3 March to 5 May), none listed in week 12; vision rises in the last four weeks.
const files: PaperFile[] = [];
for (let w = 0; w < 10; w++) {
  if (w === 2) continue;
  const monday = new Date(Date.UTC(2025, 2, 3 + 7 * w)).toISOString().slice(0, 10);
  for (let i = 0; i < 4; i++) files.push(paper(`p${w}-${i}`, monday, w >= 6 ? i < 3 : i < 1));
}
const catalog = makeCatalog(composeBuildData(files, { taxonomy, site: { title: 'T', description: 'D' }, redirects: [], previewImages: 'none' }));

describe('topicTrends', () => {
  test('counts each topic\'s papers in every week of the archive, weeks without listings as zero', () => {
    expect(weekSpan(catalog.weeks)).toEqual(['2025-W10', '2025-W11', '2025-W12', '2025-W13', '2025-W14', '2025-W15', '2025-W16', '2025-W17', '2025-W18', '2025-W19']);
    const vision = topicTrends(catalog.topics.map((t) => t.topic), catalog.weeks).find((t) => t.topic.slug === 'vision')!;
    expect(vision.weeks.map((w) => w.count)).toEqual([1, 1, 0, 1, 1, 1, 3, 3, 3, 3]);
    expect(vision.weeks.map((w) => w.total)).toEqual([4, 4, 0, 4, 4, 4, 4, 4, 4, 4]);
    expect(vision.weeks.map((w) => w.finished)).toEqual([true, true, true, true, true, true, true, true, true, false]);
  });

  test('puts rising topics first, by the share gained in the last four weeks against the four before', () => {
    const trends = topicTrends(catalog.topics.map((t) => t.topic), catalog.weeks);
    expect(trends.map((t) => [t.topic.slug, t.growth])).toEqual([['vision', 50], ['misc', -50]]);
  });
});

describe('lineChart', () => {
  test('carries every point as data and its text escaped, with a title and description for screen readers', () => {
    const svg = lineChart([{ label: 'W1 <x>', value: 3 }, { label: 'W2', value: 0 }, { label: 'W3', value: 7 }], { id: 'c1', title: 'Vision & <Sight>', description: 'A "description" & more', width: 200, height: 80 });
    expect([...svg.matchAll(/data-label="([^"]*)" data-value="(\d+)"/g)].map((m) => [m[1], Number(m[2])])).toEqual([['W1 &lt;x&gt;', 3], ['W2', 0], ['W3', 7]]);
    expect(svg).toContain('<title id="c1-title">Vision &amp; &lt;Sight&gt;</title>');
    expect(svg).toContain('<desc id="c1-desc">A &quot;description&quot; &amp; more</desc>');
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="c1-title c1-desc"/);
    expect(svg).not.toMatch(/<script|on\w+=/);
  });

  test('draws large values high, or small values high for ranks', () => {
    const y = (svg: string) => [...svg.matchAll(/cy="([\d.]+)"/g)].map((m) => Number(m[1]));
    const [a, b] = y(lineChart([{ label: 'a', value: 1 }, { label: 'b', value: 9 }], { id: 'c', title: 't', description: 'd', width: 100, height: 60 }));
    expect(b!).toBeLessThan(a!);
    const [ra, rb] = y(lineChart([{ label: 'a', value: 1 }, { label: 'b', value: 9 }], { id: 'c', title: 't', description: 'd', width: 100, height: 60, invert: true }));
    expect(ra!).toBeLessThan(rb!);
  });
});
