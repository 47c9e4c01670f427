/**
 * Real feed tooling from tests: Python's feedparser (what many readers are
 * built on) and xmllint. Both come from Debian (scripts/setup-test-env.sh).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Debian's Python, which has python3-feedparser (a pyenv `python3` on PATH may not). */
export const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** One entry as feedparser reads it, plus the text a reader would display. */
export interface ParsedEntry {
  title: string;
  /** feedparser's verdict on the title: `text/plain` or `text/html`. */
  titleType: string;
  /** The title as a reader displays it: the text of the HTML when feedparser says it is HTML. */
  titleText: string;
  link: string;
  id: string;
  summary: string;
  summaryType: string;
  /** The summary as a reader displays it (text content of the HTML). */
  summaryText: string;
  published: string | null;
  tags: string[];
}

/** A feed as feedparser reads it. */
export interface ParsedFeed {
  bozo: number;
  bozoException: string | null;
  version: string;
  title: string;
  entries: ParsedEntry[];
}

/**
 * feedparser, then the displayed text of HTML-typed fields via Python's own
 * HTML parser (text nodes only, character references decoded once).
 */
const SCRIPT = String.raw`
import sys, json, feedparser
from html.parser import HTMLParser

class Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
    def handle_data(self, data):
        self.parts.append(data)

def shown(value, kind):
    if kind != 'text/html':
        return value
    p = Text()
    p.feed(value)
    p.close()
    return ''.join(p.parts)

d = feedparser.parse(sys.argv[1])
def entry(e):
    td = e.get('title_detail', {}) or {}
    sd = e.get('summary_detail', {}) or {}
    return {
        'title': e.get('title', ''), 'titleType': td.get('type', ''), 'titleText': shown(e.get('title', ''), td.get('type', '')),
        'link': e.get('link', ''), 'id': e.get('id', ''),
        'summary': e.get('summary', ''), 'summaryType': sd.get('type', ''), 'summaryText': shown(e.get('summary', ''), sd.get('type', '')),
        'published': e.get('published'), 'tags': [t.get('term') for t in e.get('tags', [])],
    }
print(json.dumps({
    'bozo': int(bool(d.bozo)), 'bozoException': str(d.get('bozo_exception')) if d.bozo else None,
    'version': d.version, 'title': d.feed.get('title', ''),
    'entries': [entry(e) for e in d.entries],
}))
`;

/** Parses a feed file with feedparser. */
export async function parseFeed(file: string): Promise<ParsedFeed> {
  const { stdout } = await run(PYTHON, ['-c', SCRIPT, file], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as ParsedFeed;
}

/** Checks that a file is well-formed XML with xmllint; resolves to its complaints ('' when none). */
export async function xmllint(file: string): Promise<string> {
  try {
    await run('xmllint', ['--noout', '--nonet', file]);
    return '';
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    return e.stderr || e.message;
  }
}
