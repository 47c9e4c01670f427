/**
 * Where the project's inputs live, and how to read each of them. The only
 * module that knows the layout of `content/`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { formatDiagnostic, hasErrors, InputError, type Diagnostic } from '../listing/diagnostics.ts';
import { parseDailyPapers } from '../listing/dailyPapers.ts';
import { parseListing, type ParseResult } from '../listing/parse.ts';
import type { Listing } from '../listing/schema.ts';
import { checkRegistry, PermalinkRegistry } from '../papers/permalinks.ts';
import { SiteConfig } from '../site/schema.ts';
import { Taxonomy } from '../topics/schema.ts';
import { readConfigFile } from './readConfigFile.ts';

/** Paths of every input and generated file, given the project root and its content folder. */
export function projectPaths(root: string, content: string = join(root, 'content')) {
  return {
    root,
    listings: join(content, 'listings'),
    papers: join(content, 'papers'),
    manifest: join(content, 'papers', '.generated.json'),
    topics: join(content, 'topics.yaml'),
    permalinks: join(content, 'permalinks.json'),
    site: join(content, 'site.yaml'),
  };
}
export type ProjectPaths = ReturnType<typeof projectPaths>;

/** The paper files (`*.mdx`) in the papers folder, sorted; none when the folder does not exist yet. */
export function listPaperFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.mdx')).sort() : [];
}

/** Reads and validates the site configuration. */
export function readSiteConfig(paths: ProjectPaths): SiteConfig {
  return readConfigFile(relative(paths.root, paths.site) || paths.site, SiteConfig, 'see the comments in content/site.yaml for what each field takes');
}

/** Reads and validates the topic taxonomy. */
export function readTaxonomy(paths: ProjectPaths): Taxonomy {
  return readConfigFile(relative(paths.root, paths.topics), Taxonomy, 'see the comment at the top of content/topics.yaml for the format');
}

/**
 * The registry exactly as the generator writes it (`JSON.stringify(registry,
 * null, 2)` of valid data, nothing more), read as JSON; otherwise undefined.
 * Reading 10,000 entries through the YAML parser took about a second. The
 * result is the same: text that is exactly its own canonical JSON has no
 * duplicate keys or comments, holds only the schema's strings, and YAML
 * reads every character of a JSON string as JSON does
 * (tests/unit/permalinks.test.ts checks each one).
 */
export function parseCanonicalRegistry(text: string): PermalinkRegistry | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const result = PermalinkRegistry.safeParse(data);
  return result.success && `${JSON.stringify(result.data, null, 2)}\n` === text ? result.data : undefined;
}

/** Reads the permalink registry, or an empty one before the first run. */
export function readRegistry(paths: ProjectPaths): PermalinkRegistry {
  if (!existsSync(paths.permalinks)) return { papers: [] };
  const file = relative(paths.root, paths.permalinks);
  // Anything else (hand-formatted, YAML, invalid) takes the YAML path, which reports problems by line.
  const registry =
    parseCanonicalRegistry(readFileSync(paths.permalinks, 'utf8')) ??
    readConfigFile(file, PermalinkRegistry, 'each entry needs a title and a slug; see README "Permanent URLs"');
  const diagnostics = checkRegistry(registry, file);
  if (hasErrors(diagnostics)) throw new InputError(diagnostics);
  return registry;
}

/** The listing formats, by file extension: a scraped page, or a daily papers API response. */
const LISTING_PARSERS: Readonly<Record<string, (file: string, bytes: Uint8Array) => ParseResult>> = {
  '.txt': parseListing,
  '.json': parseDailyPapers,
};

/**
 * Finds days listed by both a `.txt` and a `.json` file: one day is one
 * listing, and the `.json` is the one to keep (it has ids, authors and links).
 */
export function findDoubleDays(names: readonly string[], display: string): Diagnostic[] {
  const json = new Set(names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length)));
  return names
    .filter((n) => n.endsWith('.txt') && json.has(n.slice(0, -'.txt'.length)))
    .map((n) => {
      const day = n.slice(0, -'.txt'.length);
      return {
        severity: 'error' as const,
        file: `${display}/${n}`,
        line: 0,
        message: `the day ${day} has two listings: ${display}/${n} and ${display}/${day}.json`,
        hint: `keep ${display}/${day}.json (it has arXiv ids, authors and links) and delete ${display}/${n}`,
      };
    });
}

/** Reads every `YYYY-MM-DD.txt` and `YYYY-MM-DD.json` listing. Throws with every error found in every file. */
export function readListings(paths: ProjectPaths, warn: (message: string) => void): Listing[] {
  const names = existsSync(paths.listings) ? readdirSync(paths.listings).filter((n) => extname(n) in LISTING_PARSERS).sort() : [];
  const display = relative(paths.root, paths.listings);
  if (names.length === 0) {
    throw new InputError([
      {
        severity: 'error',
        file: display,
        line: 0,
        message: 'there are no listings (*.txt or *.json files)',
        hint: 'put at least one listing in content/listings/, named after its day: YYYY-MM-DD.txt (a scraped page) or YYYY-MM-DD.json (npm run fetch downloads one)',
      },
    ]);
  }
  const listings: Listing[] = [];
  const diagnostics: Diagnostic[] = findDoubleDays(names, display);
  for (const name of names) {
    const parse = LISTING_PARSERS[extname(name)]!;
    const result = parse(`${display}/${name}`, readFileSync(join(paths.listings, name)));
    diagnostics.push(...result.diagnostics);
    if (result.listing) listings.push(result.listing);
  }
  for (const d of diagnostics) if (d.severity === 'warning') warn(formatDiagnostic(d));
  if (hasErrors(diagnostics)) throw new InputError(diagnostics);
  return listings;
}
