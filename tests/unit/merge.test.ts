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

describe('mergeListings with arXiv ids', () => {
  const text = makeListing('2025-03-10', [{ title: 'Scaling Laws  for Agents', abstract: 'As scraped.' }]);
  const json = makeListing('2025-03-12', [
    {
      title: 'scaling laws for agents',
      abstract: 'From the API.',
      paper: { arxivId: '2503.10001', authors: ['Ada Lovelace', 'Alan Turing'], publishedAt: '2025-03-09', upvotes: 41, githubRepo: 'https://github.com/a/b' },
    },
  ]);

  test('makes a paper first listed from text and later from JSON one paper, which gains the id, authors and links', () => {
    const merged = mergeListings([json, text]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({
      key: 'Scaling Laws  for Agents',
      title: 'Scaling Laws  for Agents',
      abstract: 'As scraped.',
      firstSeen: '2025-03-10',
      arxivId: '2503.10001',
      authors: ['Ada Lovelace', 'Alan Turing'],
      published: '2025-03-09',
      links: { code: 'https://github.com/a/b' },
      appearances: [{ date: '2025-03-10', rank: 1 }, { date: '2025-03-12', rank: 1, upvotes: 41 }],
    });
  });

  test('keeps one paper when its id is listed again with a revised title, and a text listing of the revised title finds it too', () => {
    const revised = makeListing('2025-03-13', [{ title: 'Scaling Laws for Agents (v2)', paper: { arxivId: '2503.10001', upvotes: 60 } }]);
    const scraped = makeListing('2025-03-14', ['Scaling Laws for Agents (v2)']);
    const merged = mergeListings([text, json, revised, scraped]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.appearances.map((a) => a.date)).toEqual(['2025-03-10', '2025-03-12', '2025-03-13', '2025-03-14']);
    expect(merged[0]!.title).toBe('Scaling Laws  for Agents');
  });

  test('keeps two papers with one title and different ids apart', () => {
    const merged = mergeListings([
      makeListing('2025-03-12', [{ title: 'Attention', paper: { arxivId: '2503.00001' } }, { title: 'attention', paper: { arxivId: '2503.00002' } }]),
    ]);
    expect(merged.map((p) => p.arxivId)).toEqual(['2503.00001', '2503.00002']);
  });

  test('takes a code link given later, keeping the authors first given', () => {
    const later = makeListing('2025-03-13', [{ title: 'Scaling laws for agents', paper: { arxivId: '2503.10001', authors: ['Someone Else'], githubRepo: 'https://github.com/a/c', projectPage: 'https://a.org/' } }]);
    const [paper] = mergeListings([json, later]);
    expect(paper!.authors).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(paper!.links).toEqual({ code: 'https://github.com/a/c', project: 'https://a.org/' });
  });
});
