/**
 * Real feed tooling for tests: Python's feedparser (Debian python3-feedparser,
 * what many readers are built on), xmllint, and newsboat (a real feed reader,
 * run headless), plus a JSON Feed 1.1 schema and the papers' frontmatter as
 * the expected data.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const run = promisify(execFile);

/** Debian's Python, which has python3-feedparser (a pyenv `python3` on PATH may not). */
export const PYTHON = process.env.FEEDPARSER_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');

/** Runs a Python script with arguments and returns its JSON output. */
async function python<T>(script: string, args: string[]): Promise<T> {
  const { stdout } = await run(PYTHON, ['-c', script, ...args], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as T;
}

/** A field as a reader shows it: feedparser's value and type, and the text it displays. */
export interface ShownText {
  value: string;
  /** feedparser's verdict: `text/plain` or `text/html`. */
  type: string;
  /** The text a reader displays: the value itself, or the text of the HTML (references decoded once). */
  text: string;
  /** Elements in the HTML (empty for plain text): anything but a wrapping `p` means markup got through. */
  tags: string[];
}

/** One entry as feedparser reads it. */
export interface ParsedEntry {
  id: string;
  link: string;
  title: ShownText;
  summary: ShownText;
  /** The raw date string of the feed. */
  published: string | null;
  /** The date as UTC ISO, from feedparser's parse. */
  publishedIso: string | null;
  tags: string[];
  /** The authors' names as feedparser reads them (RSS dc:creator, Atom author). */
  authors: string[];
}

/** A feed as feedparser reads it. */
export interface ParsedFeed {
  bozo: boolean;
  bozoException: string | null;
  /** e.g. `rss20`, `atom10`. */
  version: string;
  title: string;
  updated: string | null;
  updatedIso: string | null;
  entries: ParsedEntry[];
}

const FEEDPARSER = String.raw`
import sys, json, calendar, datetime, feedparser
from html.parser import HTMLParser

class Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.tags = [], []
    def handle_starttag(self, tag, attrs): self.tags.append(tag)
    def handle_startendtag(self, tag, attrs): self.tags.append(tag)
    def handle_data(self, data): self.parts.append(data)

def shown(detail):
    if detail is None: return None
    value, kind = detail.get('value', ''), detail.get('type', '')
    if kind in ('text/html', 'application/xhtml+xml'):
        p = Text(); p.feed(value); p.close()
        return {'value': value, 'type': kind, 'text': ''.join(p.parts), 'tags': p.tags}
    return {'value': value, 'type': kind, 'text': value, 'tags': []}

def iso(t):
    return None if t is None else datetime.datetime.fromtimestamp(calendar.timegm(t), datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')

d = feedparser.parse(sys.argv[1])
print(json.dumps({
    'bozo': bool(d.bozo),
    'bozoException': str(d.get('bozo_exception')) if d.bozo else None,
    'version': d.version,
    'title': d.feed.get('title'),
    'updated': d.feed.get('updated'),
    'updatedIso': iso(d.feed.get('updated_parsed')),
    'entries': [{
        'id': e.get('id'),
        'link': e.get('link'),
        'title': shown(e.get('title_detail')),
        'summary': shown(e.get('summary_detail')),
        'published': e.get('published'),
        'publishedIso': iso(e.get('published_parsed')),
        'tags': [t.get('term') for t in e.get('tags', [])],
        'authors': [a.get('name') for a in e.get('authors', []) if a.get('name') is not None],
    } for e in d.entries],
}))
`;

/** Parses a feed file or URL with feedparser. */
export function parseFeed(source: string): Promise<ParsedFeed> {
  return python<ParsedFeed>(FEEDPARSER, [source]);
}

/** Runs `xmllint --noout` on a file; resolves to its complaints ('' when well-formed). */
export async function xmllint(file: string): Promise<string> {
  try {
    const { stderr } = await run('xmllint', ['--noout', file]);
    return stderr;
  } catch (error) {
    return (error as { stderr?: string }).stderr || String(error);
  }
}

/** Evaluates a numeric XPath expression (e.g. `count(//x)`) on a file with xmllint. */
export async function xpathNumber(file: string, expression: string): Promise<number> {
  const { stdout } = await run('xmllint', ['--xpath', expression, file]);
  return Number(stdout.trim());
}

/** Every text node and attribute value of an XML file, after XML decoding. */
export function xmlTexts(file: string): Promise<string[]> {
  return python<string[]>(
    String.raw`
import sys, json, xml.etree.ElementTree as ET
out = []
for el in ET.parse(sys.argv[1]).iter():
    out.extend(v for v in (el.text, el.tail) if v and v.strip())
    out.extend(el.attrib.values())
print(json.dumps(out))
`,
    [file],
  );
}

/** The outlines of an OPML file that point at feeds. */
export function opmlFeeds(file: string): Promise<{ text: string; type: string; xmlUrl: string; htmlUrl: string }[]> {
  return python(
    String.raw`
import sys, json, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
print(json.dumps([dict(o.attrib) for o in root.iter('outline') if 'xmlUrl' in o.attrib]))
`,
    [file],
  );
}

/** An item as newsboat stored it in its cache. */
export interface NewsboatItem {
  guid: string;
  title: string;
  url: string;
  feedurl: string;
  content: string;
  pubDate: number;
  unread: number;
  /** The authors as newsboat shows them, one string. */
  author: string;
}

/** What newsboat saw of one feed. */
export interface NewsboatResult {
  /** The count from `newsboat -x print-unread`. */
  unread: number;
  /** Its raw output line, for messages. */
  output: string;
  items: NewsboatItem[];
}

/**
 * Loads one feed URL in newsboat, headless: a temporary HOME, config, urls
 * file and cache, `-x reload` then `-x print-unread`, then reads the cache.
 * One feed per run: newsboat keys cached items by guid across feeds, and the
 * site and topic feeds share guids.
 */
export async function newsboat(feedUrl: string): Promise<NewsboatResult> {
  const dir = mkdtempSync(join(tmpdir(), 'newsboat-'));
  try {
    const [urls, cache, config] = [join(dir, 'urls'), join(dir, 'cache.db'), join(dir, 'config')];
    writeFileSync(urls, `${feedUrl}\n`);
    writeFileSync(config, 'download-timeout 20\ndownload-retries 1\nreload-threads 1\nshow-read-feeds yes\n');
    const env = { ...process.env, HOME: dir, XDG_CONFIG_HOME: join(dir, '.config'), XDG_DATA_HOME: join(dir, '.local/share') };
    const args = ['-u', urls, '-c', cache, '-C', config];
    await run('newsboat', [...args, '-x', 'reload'], { env, timeout: 60_000 });
    const { stdout } = await run('newsboat', [...args, '-x', 'print-unread'], { env, timeout: 60_000 });
    const match = /^(\d+) unread articles?/m.exec(stdout);
    if (!match) throw new Error(`newsboat -x print-unread said: ${stdout}`);
    const items = await python<NewsboatItem[]>(
      String.raw`
import sys, json, sqlite3
c = sqlite3.connect(sys.argv[1])
c.row_factory = sqlite3.Row
print(json.dumps([dict(r) for r in c.execute('SELECT guid, title, url, feedurl, content, pubDate, unread, author FROM rss_item ORDER BY id')]))
`,
      [cache],
    );
    return { unread: Number(match[1]), output: stdout.trim(), items };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text an HTML renderer shows for an HTML fragment (via Python's HTMLParser), and its elements. */
export function htmlText(html: string): Promise<{ text: string; tags: string[] }> {
  return python(
    String.raw`
import sys, json
from html.parser import HTMLParser
class Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.tags = [], []
    def handle_starttag(self, tag, attrs): self.tags.append(tag)
    def handle_data(self, data): self.parts.append(data)
p = Text(); p.feed(sys.argv[1]); p.close()
print(json.dumps({'text': ''.join(p.parts), 'tags': p.tags}))
`,
    [html],
  );
}

/** RFC 3339 date-time, as JSON Feed requires. */
const Rfc3339 = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);

/** A JSON Feed 1.1 author. */
const JsonFeedAuthor = z.strictObject({ name: z.string().optional(), url: z.url().optional(), avatar: z.url().optional() });

/** A JSON Feed 1.1 item (https://www.jsonfeed.org/version/1.1/): every field the spec defines, nothing else. */
export const JsonFeedItem = z
  .strictObject({
    id: z.string().min(1),
    url: z.url().optional(),
    external_url: z.url().optional(),
    title: z.string().optional(),
    content_html: z.string().optional(),
    content_text: z.string().optional(),
    summary: z.string().optional(),
    image: z.url().optional(),
    banner_image: z.url().optional(),
    date_published: Rfc3339.optional(),
    date_modified: Rfc3339.optional(),
    authors: z.array(JsonFeedAuthor).optional(),
    tags: z.array(z.string()).optional(),
    language: z.string().optional(),
    attachments: z.array(z.object({ url: z.url(), mime_type: z.string() })).optional(),
  })
  .refine((item) => item.content_html !== undefined || item.content_text !== undefined, 'an item needs content_html or content_text');

/** A JSON Feed 1.1 document. */
export const JsonFeed = z.strictObject({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string().min(1),
  home_page_url: z.url().optional(),
  feed_url: z.url().optional(),
  description: z.string().optional(),
  user_comment: z.string().optional(),
  next_url: z.url().optional(),
  icon: z.url().optional(),
  favicon: z.url().optional(),
  authors: z.array(JsonFeedAuthor).optional(),
  language: z.string().optional(),
  expired: z.boolean().optional(),
  hubs: z.array(z.object({ type: z.string(), url: z.url() })).optional(),
  items: z.array(JsonFeedItem),
});
export type JsonFeed = z.infer<typeof JsonFeed>;

/** A paper's generator-owned frontmatter, as the tests expect to see it in feeds. */
export interface PaperData {
  slug: string;
  title: string;
  abstract: string;
  firstSeen: string;
  listings: { date: string; rank: number }[];
  topics: { topic: string }[];
}

/** Reads every paper of a content folder. */
export function readPapers(content: string): PaperData[] {
  const dir = join(content, 'papers');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      const yaml = /^---\n([\s\S]*?)\n---/.exec(text)?.[1];
      if (yaml === undefined) throw new Error(`${name}: no frontmatter`);
      return { slug: name.slice(0, -'.mdx'.length), ...(parseYaml(yaml) as Omit<PaperData, 'slug'>) };
    });
}

/** Papers newest first: by first day listed, then rank that day, then slug (the feeds' order). */
export function newestFirst(papers: readonly PaperData[]): PaperData[] {
  return [...papers].sort(
    (a, b) => b.firstSeen.localeCompare(a.firstSeen) || a.listings[0]!.rank - b.listings[0]!.rank || a.slug.localeCompare(b.slug),
  );
}

/** Topic slug → name, in taxonomy order, from a content folder. */
export function readTopicNames(content: string): Map<string, string> {
  const taxonomy = parseYaml(readFileSync(join(content, 'topics.yaml'), 'utf8')) as { topics: { slug: string; name: string }[] };
  return new Map(taxonomy.topics.map((t) => [t.slug, t.name]));
}

/** Maps an absolute URL of the built site to its file in `out` (directory URLs → index.html). */
export function fileOfUrl(out: string, siteOrigin: string, base: string, url: string): string {
  const prefix = `${siteOrigin}${base}`;
  if (!url.startsWith(prefix)) throw new Error(`${url} is not under ${prefix}`);
  const path = decodeURIComponent(url.slice(prefix.length));
  return join(out, path.endsWith('/') || path === '' ? join(path, 'index.html') : path);
}
