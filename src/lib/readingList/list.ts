/**
 * The reading list as the browser stores it (localStorage, one key), and
 * the pure operations on it: reading an untrusted stored value, writing
 * it, adding and removing (the display order is in order.ts). No DOM and no
 * Node modules: the site-wide script imports this on every page, so it stays
 * small (a hand validator, not zod).
 *
 * The stored value, version 1:
 *
 *     {"v":1,"papers":[{"slug":"…","title":"…","day":"2025-03-11","saved":1741708800000}]}
 *
 * `slug` names the paper page (`papers/<slug>/`), `title` is shown on
 * /saved/ (as text only), `day` is the day the paper was first listed and
 * `saved` when it was saved (milliseconds since 1970). Papers are kept in
 * the order they were saved; the list is ordered for display.
 *
 * The stored value is untrusted (another script, an older or newer site, a
 * hand edit in the browser's tools): anything malformed is left out and
 * reported, never thrown.
 */

/** The localStorage key. */
export const STORAGE_KEY = 'reading-list';

/** The version this code writes. */
export const FORMAT_VERSION = 1;

/** What a paper slug looks like: lower-case ASCII words joined by single hyphens (as src/lib/papers/slugify.ts makes them). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Longest slug accepted: slugs are cut at 80 characters, plus a collision suffix. */
export const MAX_SLUG_LENGTH = 120;

/** Longest title accepted: the listing parser's limit (src/lib/listing/parse.ts). */
export const MAX_TITLE_LENGTH = 400;

/** One saved paper. */
export interface SavedPaper {
  slug: string;
  title: string;
  /** `YYYY-MM-DD`: the day the paper was first listed. */
  day: string;
  /** When it was saved, in milliseconds since 1970. */
  saved: number;
}

/** What was wrong with a stored value: unreadable (set aside), written by a newer site (left alone), or some entries left out. */
export type ReadProblem = { kind: 'unreadable' } | { kind: 'newer' } | { kind: 'entries'; count: number };

/** The stored list, read. */
export interface ReadList {
  papers: SavedPaper[];
  /** What was wrong with the stored value; absent when nothing was. */
  problem?: ReadProblem;
}

/** True for a paper slug. */
export function isSlug(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(value);
}

/** True for a day written `YYYY-MM-DD` (month 01–12, day 01–31). */
export function isDay(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(value);
}

/** True for a title that can be shown: not blank, not too long, no control characters. */
function isTitle(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_TITLE_LENGTH && value.trim() !== '' && !/[\u0000-\u001f\u007f]/.test(value);
}

/**
 * A saved paper from untrusted parts (a stored entry, a button's data
 * attributes), or undefined when any part is not what it must be. Only the
 * four fields are kept.
 */
export function savedPaper(value: unknown): SavedPaper | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { slug, title, day, saved } = value as Record<string, unknown>;
  if (!isSlug(slug) || !isTitle(title) || !isDay(day) || typeof saved !== 'number' || !Number.isSafeInteger(saved) || saved < 0) return undefined;
  return { slug, title, day, saved };
}

/**
 * Reads a stored value (`null`: nothing stored). Never throws: an
 * unreadable value gives an empty list, unreadable entries are left out
 * and counted, and a paper saved twice counts once (its first save).
 */
export function parseReadingList(raw: string | null): ReadList {
  if (raw === null) return { papers: [] };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { papers: [], problem: { kind: 'unreadable' } };
  }
  const { v, papers } = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v > FORMAT_VERSION) return { papers: [], problem: { kind: 'newer' } };
  if (v !== FORMAT_VERSION || !Array.isArray(papers)) return { papers: [], problem: { kind: 'unreadable' } };
  const read: SavedPaper[] = [];
  const slugs = new Set<string>();
  let bad = 0;
  for (const entry of papers) {
    const paper = savedPaper(entry);
    if (!paper) bad++;
    else if (!slugs.has(paper.slug)) {
      slugs.add(paper.slug);
      read.push(paper);
    }
  }
  return bad === 0 ? { papers: read } : { papers: read, problem: { kind: 'entries', count: bad } };
}

/** The stored value of a list. */
export function serialiseReadingList(papers: readonly SavedPaper[]): string {
  return JSON.stringify({ v: FORMAT_VERSION, papers: papers.map(({ slug, title, day, saved }) => ({ slug, title, day, saved })) });
}

/** The list with `paper` saved; a paper already saved keeps its first save. */
export function withPaper(papers: readonly SavedPaper[], paper: SavedPaper): SavedPaper[] {
  return papers.some((p) => p.slug === paper.slug) ? [...papers] : [...papers, paper];
}

/** The list without the paper `slug`. */
export function withoutPaper(papers: readonly SavedPaper[], slug: string): SavedPaper[] {
  return papers.filter((p) => p.slug !== slug);
}
