/**
 * findRelated: TF-IDF neighbours, deterministic, and the same answers as the
 * plain map-based formulation it was optimised from.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findRelated, POSTING_LIMIT, QUERY_TERMS, tokenize, type RelatedInput } from '../../src/lib/papers/related.ts';

/**
 * The straightforward version: maps for vectors and scores, a full sort per
 * document; each document queried through its QUERY_TERMS heaviest terms,
 * each term through its POSTING_LIMIT heaviest documents.
 */
function referenceRelated(docs: readonly RelatedInput[], count = 5, limits = { queryTerms: QUERY_TERMS, postingLimit: POSTING_LIMIT }): Map<string, string[]> {
  const termCounts = docs.map((d) => {
    const counts = new Map<string, number>();
    for (const t of tokenize(d.text)) counts.set(t, (counts.get(t) ?? 0) + 1);
    return counts;
  });
  const df = new Map<string, number>();
  const order = new Map<string, number>();
  for (const counts of termCounts) {
    for (const t of counts.keys()) {
      df.set(t, (df.get(t) ?? 0) + 1);
      if (!order.has(t)) order.set(t, order.size);
    }
  }
  const n = docs.length;
  const vectors = termCounts.map((counts) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, c] of counts) {
      const w = (1 + Math.log(c)) * Math.log((n + 1) / (df.get(t)! + 0.5));
      if (w > 0) {
        v.set(t, w);
        norm += w * w;
      }
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return new Map([...v].sort((a, b) => b[1] - a[1] || order.get(a[0])! - order.get(b[0])!));
  });
  const postings = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    for (const t of v.keys()) postings.set(t, [...(postings.get(t) ?? []), i]);
  });
  for (const [t, list] of postings) {
    const sorted = list.length > limits.postingLimit ? [...list].sort((a, b) => vectors[b]!.get(t)! - vectors[a]!.get(t)! || a - b) : list;
    postings.set(t, sorted.slice(0, limits.postingLimit));
  }
  const result = new Map<string, string[]>();
  vectors.forEach((v, i) => {
    const scores = new Map<number, number>();
    for (const [t, w] of [...v].slice(0, limits.queryTerms)) {
      for (const j of postings.get(t)!) if (j !== i) scores.set(j, (scores.get(j) ?? 0) + w * vectors[j]!.get(t)!);
    }
    const ranked = [...scores]
      .filter(([, s]) => s > 0.02)
      .sort((a, b) => b[1] - a[1] || docs[a[0]]!.slug.localeCompare(docs[b[0]]!.slug))
      .slice(0, count)
      .map(([j]) => docs[j]!.slug);
    result.set(docs[i]!.slug, ranked);
  });
  return result;
}

const WORDS = 'diffusion model language agent reasoning vision robot policy reward graph token attention sparse expert retrieval benchmark video speech protein'.split(' ');

/** A random paper text: a few words from WORDS. */
const doc = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));

describe('findRelated', () => {
  test('should relate papers that share rare terms, most similar first', () => {
    const related = findRelated([
      { slug: 'a', text: 'protein folding diffusion' },
      { slug: 'b', text: 'protein folding with diffusion priors' },
      { slug: 'c', text: 'protein design' },
      { slug: 'd', text: 'speech recognition benchmark' },
    ]);
    expect(related.get('a')).toEqual(['b', 'c']);
    expect(related.get('d')).toEqual([]);
  });

  test('should break ties between equally similar papers by slug', () => {
    const related = findRelated([
      { slug: 'x', text: 'sparse expert routing' },
      { slug: 'c', text: 'sparse expert routing' },
      { slug: 'b', text: 'sparse expert routing' },
      { slug: 'z', text: 'unrelated robotics' },
    ]);
    expect(related.get('x')).toEqual(['b', 'c']);
  });

  test('should give the same answers as the map-based formulation', () => {
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 80 }), fc.integer({ min: 1, max: 6 }), (texts, count) => {
        const docs = texts.map((text, i) => ({ slug: `p${String(i).padStart(3, '0')}`, text }));
        expect(findRelated(docs, count)).toEqual(referenceRelated(docs, count));
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  test('should give the same answers as the map-based formulation when term and posting lists are cut short', () => {
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 80 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 12 }), (texts, count, queryTerms, postingLimit) => {
        const docs = texts.map((text, i) => ({ slug: `p${String(i).padStart(3, '0')}`, text }));
        const limits = { queryTerms, postingLimit };
        expect(findRelated(docs, count, limits)).toEqual(referenceRelated(docs, count, limits));
      }),
      { seed: 11, numRuns: 200 },
    );
  });
});
