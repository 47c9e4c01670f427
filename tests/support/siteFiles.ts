/**
 * Reading built sites and their content folders from tests: file listings,
 * hashes, the papers' frontmatter and Pagefind's compressed files.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse as parseYaml } from 'yaml';

/** Every file under `dir`, as sorted `/`-separated paths relative to it. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1).split(sep).join('/'))
    .sort();
}

/** The sha256 of every file under `dir`, by relative path. */
export function hashTree(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((file) => [file, createHash('sha256').update(readFileSync(join(dir, file))).digest('hex')]));
}

/** The generator-owned frontmatter of one paper file. */
export interface PaperSource {
  slug: string;
  title: string;
  abstract: string;
  firstSeen: string;
  listings: { date: string; rank: number; upvotes?: number }[];
  topics: { topic: string; rule: string; field: string }[];
  /** What a JSON listing gives. */
  arxivId?: string;
  published?: string;
  authors?: string[];
  links?: { code?: string; project?: string };
}

/** Reads the frontmatter of every `content/papers/*.mdx` with a YAML parser. */
export function readPaperSources(content: string): PaperSource[] {
  const folder = join(content, 'papers');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(folder, name), 'utf8');
      const match = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text);
      if (!match) throw new Error(`${name} has no frontmatter`);
      return { slug: name.slice(0, -'.mdx'.length), ...(parseYaml(match[1]!) as Omit<PaperSource, 'slug'>) };
    });
}

/** The slugs of `date`'s papers in rank order. */
export function slugsOfDay(papers: readonly PaperSource[], date: string): string[] {
  return papers
    .flatMap((p) => p.listings.filter((l) => l.date === date).map((l) => ({ slug: p.slug, rank: l.rank })))
    .sort((a, b) => a.rank - b.rank)
    .map((e) => e.slug);
}

/** The header Pagefind writes at the start of each of its files once decompressed. */
export const PAGEFIND_HEADER = 'pagefind_dcd';

/**
 * Reads a Pagefind data file (fragment, index, filter, metadata): gzip, then
 * the `pagefind_dcd` header, then the payload (JSON for fragments, CBOR for
 * the rest). Throws when the file is not in that format.
 */
export function readPagefindFile(file: string): Buffer {
  const bytes = gunzipSync(readFileSync(file));
  const header = bytes.subarray(0, PAGEFIND_HEADER.length).toString('latin1');
  if (header !== PAGEFIND_HEADER) throw new Error(`${file}: expected the "${PAGEFIND_HEADER}" header, found ${JSON.stringify(header)}`);
  return bytes.subarray(PAGEFIND_HEADER.length);
}

/** One indexed page as Pagefind stores it. */
export interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  [key: string]: unknown;
}

/** Every Pagefind fragment (one per indexed page) of a built site. */
export function readPagefindFragments(out: string): PagefindFragment[] {
  const folder = join(out, 'pagefind', 'fragment');
  return readdirSync(folder)
    .sort()
    .map((name) => JSON.parse(readPagefindFile(join(folder, name)).toString('utf8')) as PagefindFragment);
}
