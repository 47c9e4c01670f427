/**
 * Related papers by TF-IDF cosine similarity of titles and abstracts,
 * computed at build time. Deterministic: ties break on slug.
 */

import { createHash } from 'node:crypto';

/** A document to compare: its slug and text. */
export interface RelatedInput {
  slug: string;
  text: string;
}

/** A paper as related papers compare it: its title counts double. */
export function relatedInput(slug: string, data: { title: string; abstract: string }): RelatedInput {
  return { slug, text: `${data.title} ${data.title} ${data.abstract}` };
}

/**
 * A digest of `findRelated`'s inputs, order included (ties in its ranking
 * follow the order): an answer worked out elsewhere is only used for the
 * exact inputs it was worked out from.
 */
export function relatedInputsDigest(docs: readonly RelatedInput[]): string {
  const hash = createHash('sha256');
  for (const { slug, text } of docs) hash.update(`${slug.length}:${slug}${text.length}:${text}`);
  return hash.digest('base64url');
}

const STOP_WORDS = new Set(
  'a an and are as at be been by can for from has have in into is it its of on or our that the their these this to we which with via while using use used based show shows new also than such both more most over under between through can not our paper propose proposed approach method methods results model models task tasks however'.split(' '),
);

/** Splits text into lower-case word tokens worth comparing. */
export function tokenize(text: string): string[] {
  return (text.toLowerCase().normalize('NFKD').match(/[a-z][a-z0-9-]{2,}/g) ?? []).filter((t) => !STOP_WORDS.has(t));
}

/** Puts `j` into `top` (best first, at most `count` long) if it ranks there. */
function insertRanked(top: number[], j: number, count: number, better: (a: number, b: number) => boolean): void {
  if (top.length === count && !better(j, top[count - 1]!)) return;
  let k = top.length < count ? top.length : count - 1;
  while (k > 0 && better(j, top[k - 1]!)) {
    top[k] = top[k - 1]!;
    k--;
  }
  top[k] = j;
}

/**
 * A paper is compared through its most telling terms only, and each term
 * through the papers where it weighs most. Exact TF-IDF over every shared
 * term costs time quadratic in the number of papers (6 s at 10k, minutes at
 * 50k); with both lists bounded the cost per paper is fixed, and the
 * neighbours found are the ones that share heavily weighted terms anyway.
 */
export const QUERY_TERMS = 24;
export const POSTING_LIMIT = 256;

/**
 * Returns slug → up to `count` related slugs, most similar first. The title
 * counts double. Pairs with no shared term are never related.
 *
 * Terms are numbered and vectors kept in typed arrays, and each document's
 * scores go into one reused dense array. Sums run in the same order as the
 * plain map-based version in the tests, so results are the same to the last bit.
 */
export function findRelated(docs: readonly RelatedInput[], count = 5, limits = { queryTerms: QUERY_TERMS, postingLimit: POSTING_LIMIT }): Map<string, string[]> {
  const n = docs.length;
  const termIds = new Map<string, number>();
  const df: number[] = [];
  // Per document: its distinct terms in order of first appearance, and their counts.
  const docTerms = docs.map((d) => {
    const counts = new Map<number, number>();
    for (const t of tokenize(d.text)) {
      let id = termIds.get(t);
      if (id === undefined) {
        id = df.length;
        termIds.set(t, id);
        df.push(0);
      }
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const id of counts.keys()) df[id]!++;
    return counts;
  });
  // Unit-length sparse vectors: term ids and weights, heaviest first (ties: lower term id).
  const vectors = docTerms.map((counts) => {
    const ids = new Int32Array(counts.size);
    const raw = new Float64Array(counts.size);
    let size = 0;
    let norm = 0;
    for (const [t, c] of counts) {
      const w = (1 + Math.log(c)) * Math.log((n + 1) / (df[t]! + 0.5));
      if (w > 0) {
        ids[size] = t;
        raw[size++] = w;
        norm += w * w;
      }
    }
    norm = Math.sqrt(norm) || 1;
    const order = Array.from({ length: size }, (_, k) => k).sort((x, y) => raw[y]! - raw[x]! || ids[x]! - ids[y]!);
    return { ids: Int32Array.from(order, (k) => ids[k]!), weights: Float64Array.from(order, (k) => raw[k]! / norm) };
  });
  // Inverted index, each list heaviest first (ties: lower document index), cut at postingLimit.
  const postingLength = new Int32Array(df.length);
  for (const v of vectors) for (const t of v.ids) postingLength[t]!++;
  const postingDocs = Array.from(postingLength, (len) => new Int32Array(len));
  const postingWeights = Array.from(postingLength, (len) => new Float64Array(len));
  const filled = new Int32Array(df.length);
  vectors.forEach((v, i) => {
    v.ids.forEach((t, k) => {
      postingDocs[t]![filled[t]!] = i;
      postingWeights[t]![filled[t]!++] = v.weights[k]!;
    });
  });
  for (let t = 0; t < df.length; t++) {
    const list = postingDocs[t]!;
    if (list.length <= limits.postingLimit) continue;
    const weights = postingWeights[t]!;
    const order = Array.from({ length: list.length }, (_, k) => k)
      .sort((x, y) => weights[y]! - weights[x]! || list[x]! - list[y]!)
      .slice(0, limits.postingLimit);
    postingDocs[t] = Int32Array.from(order, (k) => list[k]!);
    postingWeights[t] = Float64Array.from(order, (k) => weights[k]!);
  }

  const scores = new Float64Array(n);
  const touched = new Int32Array(n);
  const seenBy = new Int32Array(n).fill(-1);
  const result = new Map<string, string[]>();
  const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && docs[a]!.slug.localeCompare(docs[b]!.slug) < 0);
  vectors.forEach((v, i) => {
    let touchedCount = 0;
    const queryTerms = Math.min(v.ids.length, limits.queryTerms);
    for (let k = 0; k < queryTerms; k++) {
      const t = v.ids[k]!;
      const w = v.weights[k]!;
      const list = postingDocs[t]!;
      const weights = postingWeights[t]!;
      for (let p = 0; p < list.length; p++) {
        const j = list[p]!;
        if (j === i) continue;
        if (seenBy[j] !== i) {
          seenBy[j] = i;
          touched[touchedCount++] = j;
        }
        scores[j] = scores[j]! + w * weights[p]!;
      }
    }
    const top: number[] = [];
    for (let k = 0; k < touchedCount && count > 0; k++) {
      const j = touched[k]!;
      if (scores[j]! > 0.02) insertRanked(top, j, count, better);
    }
    result.set(docs[i]!.slug, top.map((j) => docs[j]!.slug));
    for (let k = 0; k < touchedCount; k++) scores[touched[k]!] = 0;
  });
  return result;
}
