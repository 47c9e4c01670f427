/**
 * The frontmatter YAML of a paper file, written straight from its one fixed
 * shape. It is byte for byte what `toYaml` (the `yaml` serializer) writes for
 * the same data, at a small fraction of the cost: serialising 10,000 papers
 * through the general serializer took seconds. Anything outside the shape
 * this emitter knows goes to `toYaml` itself, and the generator still reads
 * every file it writes back through MDX and YAML before writing it.
 * tests/unit/mdx-safety.test.ts compares the two on hostile and random data.
 */
import { parse as parseYaml } from 'yaml';
import type { PaperFrontmatter } from '../papers/schema.ts';
import { toYaml } from './file.ts';

/** The escapes `yaml` writes in place of JSON's `\uXXXX` (its doubleQuotedString). */
const YAML_ESCAPES: Readonly<Record<string, string>> = {
  '0000': '\\0',
  '0007': '\\a',
  '000b': '\\v',
  '001b': '\\e',
  '0085': '\\N',
  '00a0': '\\_',
  '2028': '\\L',
  '2029': '\\P',
};

/**
 * A double-quoted YAML scalar for a string without a line feed, as `yaml`
 * writes it: JSON's quoting (valid YAML), with `\u00XX` escapes shortened.
 * Escapes are matched as pairs from the left, so an escaped backslash
 * followed by a `u` is left alone.
 */
function quote(value: string): string {
  const json = JSON.stringify(value);
  if (!json.includes('\\u')) return json;
  return json.replace(/\\(?:u([0-9a-f]{4})|.)/g, (escape: string, code: string | undefined) => {
    if (code === undefined) return escape;
    return YAML_ESCAPES[code] ?? (code.startsWith('00') ? `\\x${code.slice(2)}` : escape);
  });
}

/**
 * Whether the data is in the shape `quote` and the layout below reproduce
 * exactly: `yaml` folds strings holding a line feed over several lines, and
 * writes empty lists and objects, and numbers such as -0 or 1e+21, its own way.
 */
function isPlain(data: PaperFrontmatter): boolean {
  const strings = [data.title, data.abstract, data.firstSeen];
  const count = (n: number | undefined) => n === undefined || (Number.isSafeInteger(n) && n >= 0);
  for (const { date, rank, upvotes } of data.listings) {
    if (!Number.isSafeInteger(rank) || rank <= 0 || !count(upvotes)) return false;
    strings.push(date);
  }
  for (const { topic, rule, field } of data.topics) strings.push(topic, rule, field);
  if (data.arxivId !== undefined) strings.push(data.arxivId);
  if (data.published !== undefined) strings.push(data.published);
  if (data.authors !== undefined) {
    if (data.authors.length === 0) return false;
    strings.push(...data.authors);
  }
  if (data.links !== undefined) {
    const links = Object.values(data.links).filter((v) => v !== undefined);
    if (links.length === 0) return false;
    strings.push(...links);
  }
  return data.listings.length > 0 && data.topics.length > 0 && strings.every((s) => typeof s === 'string' && !s.includes('\n'));
}

/**
 * Serialises validated frontmatter (key order as in PaperFrontmatter, as the
 * schema's parse returns it) exactly as `toYaml` does.
 */
export function paperYaml(data: PaperFrontmatter): string {
  if (!isPlain(data)) return toYaml(data);
  let yaml = `title: ${quote(data.title)}\nabstract: ${quote(data.abstract)}\nfirstSeen: ${quote(data.firstSeen)}\nlistings:\n`;
  for (const { date, rank, upvotes } of data.listings) yaml += `  - date: ${quote(date)}\n    rank: ${rank}\n${upvotes === undefined ? '' : `    upvotes: ${upvotes}\n`}`;
  yaml += 'topics:\n';
  for (const { topic, rule, field } of data.topics) yaml += `  - topic: ${quote(topic)}\n    rule: ${quote(rule)}\n    field: ${quote(field)}\n`;
  if (data.arxivId !== undefined) yaml += `arxivId: ${quote(data.arxivId)}\n`;
  if (data.published !== undefined) yaml += `published: ${quote(data.published)}\n`;
  if (data.authors !== undefined) yaml += `authors:\n${data.authors.map((name) => `  - ${quote(name)}\n`).join('')}`;
  if (data.links !== undefined) {
    yaml += 'links:\n';
    if (data.links.code !== undefined) yaml += `  code: ${quote(data.links.code)}\n`;
    if (data.links.project !== undefined) yaml += `  project: ${quote(data.links.project)}\n`;
  }
  return yaml;
}

/** `yaml`'s short escapes, back to the characters they stand for. */
const YAML_UNESCAPES: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(YAML_ESCAPES).map(([code, escape]) => [escape[1]!, `\\u${code}`]));

/** A double-quoted scalar as `quote` writes it, back to its string; undefined when it is not one. */
function unquote(scalar: string): string | undefined {
  if (scalar.length < 2 || !scalar.startsWith('"') || !scalar.endsWith('"')) return undefined;
  const json = scalar.replace(/\\(?:x([0-9a-fA-F]{2})|(.))/g, (escape: string, hex: string | undefined, char: string | undefined) =>
    hex !== undefined ? `\\u00${hex}` : (YAML_UNESCAPES[char!] ?? escape),
  );
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads frontmatter in exactly the layout `paperYaml` writes, as a fast path
 * for the content loader (parsing 10,000 files through `yaml` took seconds).
 * Returns undefined for anything else (a hand edit, a comment, another
 * layout), and the caller parses it with `yaml`. Whatever it returns, it has
 * proved: the text must be exactly what `paperYaml` writes for the result,
 * and `paperYaml` writes what the `yaml` serializer writes, whose output
 * `yaml` parses back to the same data.
 */
export function readPaperYaml(text: string): PaperFrontmatter | undefined {
  const lines = text.split('\n');
  let at = 0;
  const field = (prefix: string): string | undefined => (lines[at]?.startsWith(prefix) ? unquote(lines[at++]!.slice(prefix.length)) : undefined);
  const title = field('title: ');
  const abstract = field('abstract: ');
  const firstSeen = field('firstSeen: ');
  if (title === undefined || abstract === undefined || firstSeen === undefined || lines[at++] !== 'listings:') return undefined;
  const listings: PaperFrontmatter['listings'] = [];
  while (lines[at]?.startsWith('  - date: ')) {
    const date = field('  - date: ');
    const rank = /^ {4}rank: ([1-9][0-9]*)$/.exec(lines[at++] ?? '');
    if (date === undefined || !rank) return undefined;
    const upvotes = /^ {4}upvotes: (0|[1-9][0-9]*)$/.exec(lines[at] ?? '');
    if (upvotes) at++;
    listings.push({ date, rank: Number(rank[1]), ...(upvotes ? { upvotes: Number(upvotes[1]) } : {}) });
  }
  if (lines[at++] !== 'topics:') return undefined;
  const topics: { topic: string; rule: string; field: string }[] = [];
  while (lines[at]?.startsWith('  - topic: ')) {
    const topic = field('  - topic: ');
    const rule = field('    rule: ');
    const kind = field('    field: ');
    if (topic === undefined || rule === undefined || kind === undefined) return undefined;
    topics.push({ topic, rule, field: kind });
  }
  const data = { title, abstract, firstSeen, listings, topics } as PaperFrontmatter;
  if (lines[at]?.startsWith('arxivId: ')) data.arxivId = field('arxivId: ');
  if (lines[at]?.startsWith('published: ')) data.published = field('published: ');
  if (lines[at] === 'authors:') {
    at++;
    const authors: string[] = [];
    while (lines[at]?.startsWith('  - ')) {
      const name = field('  - ');
      if (name === undefined) return undefined;
      authors.push(name);
    }
    data.authors = authors;
  }
  if (lines[at] === 'links:') {
    at++;
    const links: { code?: string; project?: string } = {};
    if (lines[at]?.startsWith('  code: ')) links.code = field('  code: ');
    if (lines[at]?.startsWith('  project: ')) links.project = field('  project: ');
    data.links = links;
  }
  // The proof: anything this reader got wrong would not be written back as the same text.
  return paperYaml(data) === text ? data : undefined;
}

/**
 * Reads a paper file's frontmatter YAML (ending in its line feed) as the
 * content loader and the generator's read-back both do: by the exact reader,
 * else by `yaml`.
 */
export function parsePaperYaml(text: string): unknown {
  return readPaperYaml(text) ?? parseYaml(text);
}
