/**
 * The `.bib` file of a reading list, made of the entries the paper pages
 * themselves show (their `#bibtex` block, src/lib/cite/bibtex.ts): nothing
 * here writes an entry or puts a title into the file. A paper whose page
 * could not be fetched is named in an `@comment` by its page's URL, built
 * from its validated slug only. A renamed paper's old address answers with
 * a redirect page; `movedPaperPage` says where it points.
 */
import { isSlug } from './list.ts';

/** The name the download is saved under. */
export const BIB_FILE_NAME = 'reading-list.bib';

/** One saved paper's entry, as taken from its page; `entry` is absent when the page could not be fetched or had none. */
export interface FetchedEntry {
  slug: string;
  entry?: string;
}

/** True for what a paper page's `#bibtex` block holds: one `@type{key, … }` entry. */
export function isBibtexEntry(text: string): boolean {
  return /^@[a-z]+\{[a-z0-9-]+,\n[\s\S]*\n\}$/i.test(text);
}

/**
 * The file: each entry as its page shows it, in the list's order, one blank
 * line between them. When some are missing, an `@comment` first names their
 * pages (`pageUrl(slug)`), so the reader knows the file is incomplete.
 */
export function bibFile(entries: readonly FetchedEntry[], pageUrl: (slug: string) => string): { text: string; missing: string[] } {
  const found = entries.filter((e): e is Required<FetchedEntry> => e.entry !== undefined && isBibtexEntry(e.entry));
  const missing = entries.filter((e) => !found.includes(e as Required<FetchedEntry>)).map((e) => e.slug);
  const parts = found.map((e) => e.entry);
  if (missing.length > 0) {
    // Slugs are lower-case words and hyphens, and a URL escapes braces: the comment's braces stay balanced.
    const urls = missing.filter(isSlug).map(pageUrl).filter((u) => !/[{}]/.test(u));
    const count = missing.length === 1 ? 'One saved paper is' : `${missing.length} saved papers are`;
    parts.unshift(
      [
        `@comment{${count} left out of this file: ${missing.length === 1 ? 'its page' : 'their pages'} could not be fetched.`,
        'Download the file again when online, or copy each entry from the paper page:',
        ...urls,
        '}',
      ].join('\n'),
    );
  }
  return { text: parts.length > 0 ? `${parts.join('\n\n')}\n` : '', missing };
}

/**
 * Where a moved paper page points: a renamed paper's old address is a page
 * with `<meta http-equiv="refresh" content="0;url=…">` (Astro's redirects,
 * src/astroConfig.ts). The target only when it is a paper page of this site
 * (same origin, `<base>papers/<slug>/`); otherwise undefined.
 */
export function movedPaperPage(refresh: string, page: URL, base: string): URL | undefined {
  const match = /^\s*\d*\s*[;,]\s*url\s*=\s*['"]?([^'"\s]+)/i.exec(refresh);
  if (!match) return undefined;
  let target: URL;
  try {
    target = new URL(match[1]!, page);
  } catch {
    return undefined;
  }
  const prefix = `${base.replace(/\/?$/, '/')}papers/`;
  const slug = target.pathname.startsWith(prefix) ? target.pathname.slice(prefix.length, -1) : '';
  return target.origin === page.origin && isSlug(slug) && target.pathname === `${prefix}${slug}/` ? new URL(target.pathname, page) : undefined;
}
