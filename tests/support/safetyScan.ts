/**
 * A safety scan of a built site: every HTML page, XML feed, JSON file and
 * Pagefind data file, parsed by real parsers (Chromium's DOMParser for HTML
 * and XML, JSON.parse, zlib for Pagefind), looking for anything that could
 * run: event-handler attributes, script URLs, scripts that are not the
 * site's own, markup inside feed HTML.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { listFiles, readPagefindFile } from './siteFiles.ts';

/** One thing the scan objects to. */
export interface Finding {
  file: string;
  problem: string;
}

/** A script element of a page. */
export interface ScriptInfo {
  /** Resolved path of `src` (e.g. `/_astro/x.js`), or undefined for inline scripts. */
  src?: string;
  type: string;
  /** Text of an inline script. */
  text: string;
}

/** What the scan found. */
export interface ScanReport {
  findings: Finding[];
  /** Scripts per HTML file. */
  scripts: Map<string, ScriptInfo[]>;
  /** How many files of each kind were scanned. */
  counts: { html: number; xml: number; json: number; pagefind: number };
}

/** Attributes that hold URLs in HTML. */
const HTML_URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'poster', 'data', 'cite', 'background', 'ping', 'xlink:href', 'srcset'];

/** Scheme a URL may use in a page or feed. */
const SAFE_PROTOCOLS = ['http:', 'https:', 'mailto:'];

/** Elements the site never uses and injected markup might. */
const FOREIGN_ELEMENTS = ['iframe', 'frame', 'object', 'embed', 'applet', 'base'];

/** Problems and scripts of one HTML document, computed in the browser. */
interface HtmlVerdict {
  problems: string[];
  scripts: ScriptInfo[];
}

/**
 * Parses HTML with the browser's own parser (scripts never run in a
 * DOMParser document) and reports event handlers, unsafe URLs, foreign
 * elements, and every script element.
 */
async function judgeHtml(page: Page, html: string, pageUrl: string): Promise<HtmlVerdict> {
  return page.evaluate(
    ({ html, pageUrl, urlAttributes, safe, foreign }) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const problems: string[] = [];
      const scripts: { src?: string; type: string; text: string }[] = [];
      const describe = (el: Element) => `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}>`;
      /** Collects elements, including those inside <template> contents. */
      const all = (root: ParentNode): Element[] =>
        Array.from(root.querySelectorAll('*')).flatMap((el) => (el instanceof HTMLTemplateElement ? [el, ...all(el.content)] : [el]));
      for (const el of all(doc)) {
        const tag = el.tagName.toLowerCase();
        if (foreign.includes(tag)) problems.push(`foreign element ${describe(el)}`);
        for (const attr of Array.from(el.attributes)) {
          const name = attr.name.toLowerCase();
          if (/^on/.test(name)) problems.push(`event handler attribute ${name}="${attr.value}" on ${describe(el)}`);
          if (name === 'style' && /url\s*\(|expression\s*\(/i.test(attr.value)) problems.push(`style attribute with a URL on ${describe(el)}`);
          if (!urlAttributes.includes(name)) continue;
          const values = name === 'srcset' ? attr.value.split(',').map((s) => s.trim().split(/\s+/)[0] ?? '') : [attr.value];
          for (const value of values) {
            let protocol: string;
            try {
              protocol = new URL(value, pageUrl).protocol;
            } catch {
              problems.push(`unparsable URL ${name}="${value}" on ${describe(el)}`);
              continue;
            }
            if (!safe.includes(protocol)) problems.push(`${protocol} URL ${name}="${value}" on ${describe(el)}`);
          }
        }
        if (tag === 'meta' && el.getAttribute('http-equiv')?.toLowerCase() === 'refresh') problems.push('meta refresh');
        if (tag === 'script') {
          const src = el.getAttribute('src');
          scripts.push(
            src === null
              ? { type: el.getAttribute('type') ?? '', text: el.textContent ?? '' }
              : { src: new URL(src, pageUrl).pathname, type: el.getAttribute('type') ?? '', text: el.textContent ?? '' },
          );
        }
      }
      return { problems, scripts };
    },
    { html, pageUrl, urlAttributes: HTML_URL_ATTRIBUTES, safe: SAFE_PROTOCOLS, foreign: FOREIGN_ELEMENTS },
  );
}

/** Elements of feeds whose text is HTML by the feed formats' rules. */
const FEED_HTML_ELEMENTS = ['description', 'summary', 'content', 'encoded', 'subtitle'];

/** Elements of feeds whose text is a URL. */
const FEED_URL_ELEMENTS = ['link', 'url', 'comments', 'docs', 'icon', 'logo', 'uri'];

/** Attributes of feeds (RSS, Atom, OPML) whose value is a URL. */
const FEED_URL_ATTRIBUTES = ['href', 'src', 'url', 'xmlurl', 'htmlurl'];

/**
 * Parses XML with the browser's XML parser; reports parse errors, URLs that
 * are not http(s), and returns the HTML fragments the feed carries.
 */
async function judgeXml(page: Page, xml: string): Promise<{ problems: string[]; html: string[] }> {
  return page.evaluate(
    ({ xml, htmlElements, urlElements, urlAttributes }) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      const problems: string[] = [];
      const html: string[] = [];
      if (doc.getElementsByTagName('parsererror').length > 0) problems.push(`XML parse error: ${doc.getElementsByTagName('parsererror')[0]!.textContent}`);
      const isWebUrl = (value: string) => {
        try {
          return ['http:', 'https:'].includes(new URL(value.trim()).protocol);
        } catch {
          return false;
        }
      };
      for (const el of Array.from(doc.getElementsByTagName('*'))) {
        const name = el.localName.toLowerCase();
        const text = el.textContent ?? '';
        if (htmlElements.includes(name) && el.children.length === 0) {
          // Atom text constructs say their type; RSS description and content:encoded are HTML.
          const type = el.getAttribute('type') ?? (el.namespaceURI === 'http://www.w3.org/2005/Atom' ? 'text' : 'html');
          if (type === 'html') html.push(text);
        }
        if (urlElements.includes(name) && el.children.length === 0 && !el.hasAttribute('href') && !isWebUrl(text)) problems.push(`<${name}> is not an http(s) URL: ${text}`);
        if (name === 'guid' || name === 'id') {
          if (/^\s*(?:javascript|vbscript|data|file):/i.test(text)) problems.push(`<${name}> has a dangerous scheme: ${text}`);
        }
        for (const attr of Array.from(el.attributes)) {
          if (urlAttributes.includes(attr.localName.toLowerCase()) && !isWebUrl(attr.value)) problems.push(`${attr.name}="${attr.value}" on <${name}> is not an http(s) URL`);
        }
      }
      return { problems, html };
    },
    { xml, htmlElements: FEED_HTML_ELEMENTS, urlElements: FEED_URL_ELEMENTS, urlAttributes: FEED_URL_ATTRIBUTES },
  );
}

/** Keys of JSON objects whose value is HTML (JSON Feed). */
const JSON_HTML_KEYS = ['content_html'];

/** Whether a JSON key names a URL (`url`, `home_page_url`, `image`, …). */
function isUrlKey(key: string): boolean {
  return /url$/i.test(key) || ['icon', 'favicon', 'image', 'banner_image', 'avatar'].includes(key);
}

/** Walks JSON, reporting URL fields with unsafe schemes and collecting HTML fields. */
function judgeJson(value: unknown, path: string, problems: string[], html: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => judgeJson(v, `${path}[${i}]`, problems, html));
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (typeof v === 'string' && isUrlKey(key)) {
        let protocol: string;
        try {
          protocol = new URL(v, 'http://site.invalid/').protocol;
        } catch {
          protocol = 'unparsable';
        }
        if (!['http:', 'https:'].includes(protocol)) problems.push(`${path}.${key} is not an http(s) URL or path: ${v}`);
      }
      if (typeof v === 'string' && JSON_HTML_KEYS.includes(key)) html.push(v);
      judgeJson(v, `${path}.${key}`, problems, html);
    }
  }
}

/**
 * Scans every file of a built site. `page` is any open Chromium page (its
 * DOMParser is used; nothing is navigated). `base` is the site's base path.
 */
export async function scanSite(out: string, page: Page, base = '/'): Promise<ScanReport> {
  const findings: Finding[] = [];
  const scripts = new Map<string, ScriptInfo[]>();
  const counts = { html: 0, xml: 0, json: 0, pagefind: 0 };
  const origin = 'http://site.invalid';
  const allowedScriptRoots = [`${base}_astro/`, `${base}pagefind/`];

  /** Scans HTML carried inside a feed: no scripts at all, nothing that runs. */
  const scanEmbeddedHtml = async (file: string, fragments: string[]) => {
    for (const fragment of fragments) {
      const verdict = await judgeHtml(page, fragment, `${origin}${base}`);
      for (const problem of verdict.problems) findings.push({ file, problem: `feed HTML: ${problem}` });
      if (verdict.scripts.length > 0) findings.push({ file, problem: `feed HTML holds a <script>: ${fragment.slice(0, 120)}` });
    }
  };

  for (const file of listFiles(out)) {
    const path = join(out, file);
    if (file.endsWith('.html')) {
      counts.html++;
      const pageUrl = `${origin}${base}${file.replace(/index\.html$/, '')}`;
      const verdict = await judgeHtml(page, readFileSync(path, 'utf8'), pageUrl);
      for (const problem of verdict.problems) findings.push({ file, problem });
      for (const script of verdict.scripts) {
        if (script.src !== undefined && !allowedScriptRoots.some((root) => script.src!.startsWith(root))) {
          findings.push({ file, problem: `script from outside ${allowedScriptRoots.join(' or ')}: ${script.src}` });
        }
        if (/json/.test(script.type)) {
          try {
            JSON.parse(script.text);
          } catch {
            findings.push({ file, problem: `a ${script.type} script is not valid JSON (broken out of?)` });
          }
        }
      }
      scripts.set(file, verdict.scripts);
    } else if (/\.(xml|opml|rss|atom)$/.test(file)) {
      counts.xml++;
      const verdict = await judgeXml(page, readFileSync(path, 'utf8'));
      for (const problem of verdict.problems) findings.push({ file, problem });
      await scanEmbeddedHtml(file, verdict.html);
    } else if (file.endsWith('.json') && !file.startsWith('pagefind/')) {
      counts.json++;
      const problems: string[] = [];
      const html: string[] = [];
      try {
        judgeJson(JSON.parse(readFileSync(path, 'utf8')), '$', problems, html);
      } catch (error) {
        problems.push(`not valid JSON: ${(error as Error).message}`);
      }
      for (const problem of problems) findings.push({ file, problem });
      await scanEmbeddedHtml(file, html);
    } else if (file.startsWith('pagefind/')) {
      findings.push(...scanPagefindFile(out, file));
      if (/\.(pf_fragment|pf_index|pf_filter|pf_meta|pagefind)$/.test(file) || file === 'pagefind/pagefind-entry.json') counts.pagefind++;
    }
  }
  return { findings, scripts, counts };
}

/**
 * Checks one Pagefind file: data files must decompress to the `pagefind_dcd`
 * format; fragments (JSON after the header) must point only at pages of the
 * site and carry only string metadata; the entry file must be JSON.
 */
function scanPagefindFile(out: string, file: string): Finding[] {
  const findings: Finding[] = [];
  const path = join(out, file);
  if (file === 'pagefind/pagefind-entry.json') {
    try {
      JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      findings.push({ file, problem: 'not valid JSON' });
    }
    return findings;
  }
  if (!/\.(pf_fragment|pf_index|pf_filter|pf_meta|pagefind)$/.test(file)) return findings;
  let payload: Buffer;
  try {
    payload = readPagefindFile(path);
  } catch (error) {
    return [{ file, problem: (error as Error).message }];
  }
  if (!file.endsWith('.pf_fragment')) return findings;
  const fragment = JSON.parse(payload.toString('utf8')) as { url?: unknown; meta?: Record<string, unknown> };
  // Pagefind stores each page's path from the site's root; the search page adds the base path (`baseUrl`).
  if (typeof fragment.url !== 'string' || !/^\/papers\/[^/]+\/$/.test(fragment.url) || /[<>"'\s]/.test(fragment.url)) {
    findings.push({ file, problem: `fragment url is not a paper page path: ${String(fragment.url)}` });
  }
  for (const [key, value] of Object.entries(fragment.meta ?? {})) {
    if (typeof value !== 'string') findings.push({ file, problem: `meta.${key} is not a string` });
    else if (/^(image|url)$/.test(key) && !/^(https?:\/\/|\/)/.test(value)) findings.push({ file, problem: `meta.${key} is not a URL or path: ${value}` });
  }
  return findings;
}
