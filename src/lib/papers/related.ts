/**
 * Related papers by TF-IDF cosine similarity of titles and abstracts,
 * computed at build time. Deterministic: ties break on slug.
 */

/** A document to compare: its slug and text. */
export interface RelatedInput {
  slug: string;
  text: string;
}

const STOP_WORDS = new Set(
  'a an and are as at be been by can for from has have in into is it its of on or our that the their these this to we which with via while using use used based show shows new also than such both more most over under between through can not our paper propose proposed approach method methods results model models task tasks however'.split(' '),
);

/** Splits text into lower-case word tokens worth comparing. */
export function tokenize(text: string): string[] {
  return (text.toLowerCase().normalize('NFKD').match(/[a-z][a-z0-9-]{2,}/g) ?? []).filter((t) => !STOP_WORDS.has(t));
}

/**
 * Returns slug → up to `count` related slugs, most similar first. The title
 * counts double. Pairs with no shared term are never related.
 */
export function findRelated(docs: readonly RelatedInput[], count = 5): Map<string, string[]> {
  const termCounts = docs.map((d) => {
    const counts = new Map<string, number>();
    for (const t of tokenize(d.text)) counts.set(t, (counts.get(t) ?? 0) + 1);
    return counts;
  });
  const df = new Map<string, number>();
  for (const counts of termCounts) for (const t of counts.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  // Unit-length sparse vectors.
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
    return v;
  });
  // Inverted index: only pairs that share a term are scored.
  const postings = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    for (const t of v.keys()) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  });
  const result = new Map<string, string[]>();
  vectors.forEach((v, i) => {
    const scores = new Map<number, number>();
    for (const [t, w] of v) {
      const list = postings.get(t)!;
      // Terms in a large share of documents say little and cost much.
      if (list.length > Math.max(50, n / 10)) continue;
      for (const j of list) if (j !== i) scores.set(j, (scores.get(j) ?? 0) + w * vectors[j]!.get(t)!);
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
