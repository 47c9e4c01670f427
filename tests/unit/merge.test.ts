/**
 * mergeListings: one paper per distinct title across days.
 */
import { describe, expect, test } from 'vitest';
import { mergeListings } from '../../src/lib/papers/merge.ts';
import { makeListing } from '../support/listings.ts';

describe('mergeListings', () => {
  const day1 = makeListing('2025-03-10', ['Other Paper', { title: 'Shared Paper', abstract: 'First abstract.' }]);
  const day2 = makeListing('2025-03-11', [{ title: 'Shared Paper', abstract: 'Revised abstract.' }, 'Newer Paper']);

  test('merges the same title on two days into one paper with both days and ranks', () => {
    const shared = mergeListings([day1, day2]).filter((p) => p.title === 'Shared Paper');
    expect(shared).toHaveLength(1);
    expect(shared[0]!.appearances).toEqual([
      { date: '2025-03-10', rank: 2 },
      { date: '2025-03-11', rank: 1 },
    ]);
  });

  test('dates a paper from the earliest day it was listed, whatever order the listings come in', () => {
    for (const input of [[day1, day2], [day2, day1]]) {
      const shared = mergeListings(input).find((p) => p.title === 'Shared Paper')!;
      expect(shared.firstSeen).toBe('2025-03-10');
      expect(shared.appearances.map((a) => a.date)).toEqual(['2025-03-10', '2025-03-11']);
      expect(shared.source).toEqual({ file: 'content/listings/2025-03-10.txt', line: 15 });
    }
  });

  test('keeps the abstract as first seen, so a later day never rewrites it', () => {
    expect(mergeListings([day2, day1]).find((p) => p.title === 'Shared Paper')!.abstract).toBe('First abstract.');
  });

  test('returns the same papers in the same order for any input order', () => {
    const forward = mergeListings([day1, day2]);
    expect(mergeListings([day2, day1])).toEqual(forward);
    expect(forward.map((p) => p.title)).toEqual(['Other Paper', 'Shared Paper', 'Newer Paper']);
  });

  test('keeps titles that differ only in case and punctuation as two papers', () => {
    const merged = mergeListings([
      makeListing('2025-03-10', ['Model Soups, Revisited!']),
      makeListing('2025-03-11', ['Model soups revisited?']),
    ]);
    expect(merged.map((p) => [p.key, p.firstSeen])).toEqual([
      ['Model Soups, Revisited!', '2025-03-10'],
      ['Model soups revisited?', '2025-03-11'],
    ]);
  });

  test('returns no papers for no listings', () => {
    expect(mergeListings([])).toEqual([]);
  });
});
