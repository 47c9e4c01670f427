/**
 * What search knows of a paper, in one place: the Pagefind filters its
 * page carries, and the document Pagefind indexes for it (what the page's
 * `data-pagefind-body` holds, as small HTML). The site tests check that a
 * built page and its document give the same text.
 */
import { escapeUTF8 } from 'entities';
import type { PaperView } from '../catalog/catalog.ts';
import { abstractText } from '../text/abstractSegments.ts';
import { ABSTRACT_ANCHOR } from './excerpt.ts';

/** The filters of a paper: every day it was listed, and its topics (slugs). */
export function searchFilters(paper: PaperView): { day: string[]; topic: string[] } {
  return { day: paper.data.listings.map((l) => l.date), topic: paper.topics.map((t) => t.topic.slug) };
}

/** Pagefind filter attribute values (`day:2025-03-11`) of a paper, as its page and its document carry them. */
export function filterValues(paper: PaperView): string[] {
  return Object.entries(searchFilters(paper)).flatMap(([name, values]) => values.map((value) => `${name}:${value}`));
}

/**
 * The document Pagefind indexes for a paper: its title as the heading (so
 * title words rank higher) and the page title meta, its authors and arXiv
 * id (so a search for a name or `2503.10001` finds it), the abstract as
 * text, and the filters. A paper with owner notes is indexed from its built
 * page instead, so the notes are searchable.
 */
export function searchDocument(paper: PaperView): string {
  const { title, authors, arxivId, abstract } = paper.data;
  return [
    // Marked as the indexed part like a paper page's article: Pagefind skips unmarked pages once any page is marked.
    '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body data-pagefind-body>',
    `<h1 data-pagefind-meta="title">${escapeUTF8(title)}</h1>`,
    // No date meta: "newest first" comes from the day filters (newestFirst.ts), and a meta value would be indexed as words.
    ...filterValues(paper).map((value) => `<span data-pagefind-filter="${escapeUTF8(value)}"></span>`),
    authors ? `<p>${escapeUTF8(authors.join(', '))}</p>` : '',
    arxivId ? `<p>arXiv ${escapeUTF8(arxivId)}</p>` : '',
    // Where the abstract starts, for the result's excerpt (excerpt.ts); empty, so it adds no words.
    `<span id="${ABSTRACT_ANCHOR}"></span><p>${escapeUTF8(abstractText(abstract))}</p>`,
    '</body></html>',
  ].join('');
}
