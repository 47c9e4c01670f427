/**
 * Turn a title into a readable URL slug: ASCII letters and digits joined by
 * hyphens, cut at a word boundary. Invisible and right-to-left characters
 * never reach a URL.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** What every slug of the site looks like: lower-case ASCII words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A URL slug (of a paper or a topic), validated. */
export const Slug = z.string().regex(SLUG_PATTERN, 'a slug is lower-case ASCII letters and digits joined by single hyphens');

/** Longest slug, in characters, before collision suffixes. */
export const MAX_SLUG_LENGTH = 80;

/**
 * Slugifies a title. Returns `paper-<hash>` (stable for the same title) when
 * nothing readable is left, e.g. for a title made only of emoji or symbols.
 */
export function slugify(title: string, maxLength = MAX_SLUG_LENGTH): string {
  const words = title
    .normalize('NFKD')
    // Combining marks go (é → e); format characters (zero-width, bidi) go.
    .replace(/[\p{M}\p{Cf}]/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) {
      if (!slug) slug = word.slice(0, maxLength);
      break;
    }
    slug = next;
  }
  return slug || `paper-${createHash('sha256').update(title).digest('hex').slice(0, 10)}`;
}
