/**
 * Split abstract text into plain-text and link segments, so a template can
 * render URLs as links while every character stays escaped text. Only
 * http(s) URLs become links; braces a scraper wrapped around a URL
 * (`{https://github.com/x/y}`) are dropped.
 */

/** A run of text, or a link with its visible text. */
export type Segment = { kind: 'text'; text: string } | { kind: 'link'; href: string; text: string };

/** A URL wrapped in braces by the scraper, or a bare URL. */
const URL_PATTERN = /\{(https?:\/\/[^\s{}<>"]+)\}|(https?:\/\/[^\s{}<>"]+)/giu;

/** Trailing punctuation that ends a sentence rather than a URL. */
const TRAILING = /[.,;:!?'’”\]]+$|\)+$/u;

/** Cuts sentence punctuation off the end of a bare URL, keeping balanced parentheses. */
function trimUrl(url: string): string {
  for (;;) {
    const m = TRAILING.exec(url);
    if (!m) return url;
    const cut = m[0];
    if (cut.startsWith(')')) {
      const open = url.match(/\(/g)?.length ?? 0;
      const close = url.match(/\)/g)?.length ?? 0;
      if (close <= open) return url;
      url = url.slice(0, -1);
    } else {
      url = url.slice(0, -cut.length);
    }
  }
}

/** Splits text into segments. Concatenating the segments gives back the input, less URL braces. */
export function linkify(text: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  const pushText = (end: number) => {
    if (end > last) segments.push({ kind: 'text', text: text.slice(last, end) });
  };
  for (const match of text.matchAll(URL_PATTERN)) {
    const braced = match[1] !== undefined;
    const url = braced ? match[1]! : trimUrl(match[2]!);
    let href: string;
    try {
      href = new URL(url).href;
    } catch {
      continue;
    }
    pushText(match.index);
    segments.push({ kind: 'link', href, text: url });
    last = match.index + (braced ? match[0].length : url.length);
  }
  pushText(text.length);
  return segments;
}

/** Finds code repository links (GitHub, GitLab, …) in text. */
export function findCodeLinks(text: string): string[] {
  const hosts = /^(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|huggingface\.co|codeberg\.org)$/;
  const links = linkify(text).flatMap((s) => (s.kind === 'link' && hosts.test(new URL(s.href).hostname) ? [s.href] : []));
  return [...new Set(links)];
}
