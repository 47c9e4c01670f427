/** The catalog's cache keys for list pages (src/lib/catalog/catalog.ts): same page, same key; any change a list shows, another key. */
import { describe, expect, test } from 'vitest';
import { listPageKey } from '../../src/lib/catalog/catalog.ts';
import { paperView, topic } from '../support/paperView.ts';

const site = { title: 'Trending Papers' };
const day = (papers: ReturnType<typeof paperView>[]) => ({ day: { date: '2025-03-11', entries: papers.map((paper, i) => ({ paper, rank: i + 1 })) }, older: '2025-03-10' });

describe('listPageKey', () => {
  const a = paperView({ slug: 'a' });
  const b = paperView({ slug: 'b' });

  test('is the same for the same list, built again from equal data', () => {
    expect(listPageKey(day([a, b]), site)).toBe(listPageKey(day([paperView({ slug: 'a' }), paperView({ slug: 'b' })]), site));
  });

  test('changes with the order, a paper\'s data, its topic names, a neighbour or the site', () => {
    const key = listPageKey(day([a, b]), site);
    expect(listPageKey(day([b, a]), site)).not.toBe(key);
    expect(listPageKey(day([{ ...a, digest: 'edited' }, b]), site)).not.toBe(key);
    expect(listPageKey(day([paperView({ slug: 'a', topics: [topic('machine-learning', 'Renamed')] }), b]), site)).not.toBe(key);
    expect(listPageKey({ ...day([a, b]), newer: '2025-03-12' }, site)).not.toBe(key);
    expect(listPageKey(day([a, b]), { title: 'Other' })).not.toBe(key);
  });

  test('does not change with what a list does not show of a paper, such as its related papers', () => {
    expect(listPageKey(day([{ ...a, related: ['b'] }, b]), site)).toBe(listPageKey(day([a, b]), site));
  });
});
