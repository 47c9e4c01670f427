/**
 * Reads the parts of a built page that tests check (title, h1, head links
 * and metadata, paper lists, topic cards), using Chromium's HTML parser on
 * the file's text: exactly what a browser would make of it, no scripts run.
 */
import type { Page } from 'playwright-core';

/** One paper of a `.paper-list`. */
export interface ListedPaper {
  href: string;
  title: string;
  rank: string;
  excerpt: string;
}

/** What a page says, as text and attribute values. */
export interface PageSummary {
  title: string;
  h1: string[];
  canonical: string[];
  /** `<link rel="alternate">` feeds: type, title and href. */
  feeds: { type: string; title: string; href: string }[];
  /** `<meta name|property=… content=…>` by name or property. */
  meta: Record<string, string>;
  /** Text of `.abstract`, when the page has one. */
  abstract: string | null;
  papers: ListedPaper[];
  /** Cards of the topics index: link, name and count text. */
  topics: { href: string; name: string; count: string }[];
}

/** Parses `html` in the browser and summarises it. */
export async function summarizePage(page: Page, html: string): Promise<PageSummary> {
  return page.evaluate((html) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const text = (el: Element | null | undefined) => el?.textContent ?? '';
    const meta: Record<string, string> = {};
    for (const el of Array.from(doc.querySelectorAll('meta[name], meta[property]'))) {
      meta[el.getAttribute('name') ?? el.getAttribute('property') ?? ''] = el.getAttribute('content') ?? '';
    }
    return {
      title: doc.title,
      h1: Array.from(doc.querySelectorAll('h1')).map(text),
      canonical: Array.from(doc.querySelectorAll('link[rel="canonical"]')).map((l) => l.getAttribute('href') ?? ''),
      feeds: Array.from(doc.querySelectorAll('link[rel="alternate"]')).map((l) => ({
        type: l.getAttribute('type') ?? '',
        title: l.getAttribute('title') ?? '',
        href: l.getAttribute('href') ?? '',
      })),
      meta,
      abstract: doc.querySelector('.abstract') ? text(doc.querySelector('.abstract')) : null,
      papers: Array.from(doc.querySelectorAll('.paper-list > li')).map((li) => ({
        href: li.querySelector('.paper-title a')?.getAttribute('href') ?? '',
        title: text(li.querySelector('.paper-title')),
        rank: text(li.querySelector('.rank')),
        excerpt: text(li.querySelector('.excerpt')),
      })),
      topics: Array.from(doc.querySelectorAll('.topic-grid > li')).map((li) => ({
        href: li.querySelector('h2 a')?.getAttribute('href') ?? '',
        name: text(li.querySelector('h2')),
        count: text(li.querySelector('.count')),
      })),
    };
  }, html);
}
