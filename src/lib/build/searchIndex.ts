/**
 * The search index: Pagefind, fed from the build hand-off instead of
 * crawling the built pages. Each paper is given to Pagefind as a small HTML
 * document (title as its heading, so title words rank higher; abstract as
 * its text; filters and sort as attributes), which is what its page's
 * `data-pagefind-body` holds, without parsing 10k full pages. A paper with
 * owner notes is indexed from its built page, so the notes are searchable.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { escapeUTF8 } from 'entities';
import { close, createIndex } from 'pagefind';
import { routes } from '../site/routes.ts';
import type { HandoffPaper } from './handoff.ts';

/** The document Pagefind indexes for a paper without notes. */
export function searchDocument(paper: HandoffPaper): string {
  const attr = (name: string, value: string) => `<span ${name}="${escapeUTF8(value)}"></span>`;
  return [
    // Marked as the indexed part like a paper page's article: Pagefind skips unmarked pages once any page is marked.
    '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body data-pagefind-body>',
    `<h1 data-pagefind-meta="title">${escapeUTF8(paper.title)}</h1>`,
    // A sort key, not a meta field: Pagefind indexes meta values as searchable words.
    `<span data-pagefind-sort="date:${escapeUTF8(paper.firstSeen)}"></span>`,
    ...paper.days.map((day) => attr('data-pagefind-filter', `day:${day}`)),
    ...paper.topics.map((topic) => attr('data-pagefind-filter', `topic:${topic}`)),
    `<p>${escapeUTF8(paper.abstract)}</p>`,
    '</body></html>',
  ].join('');
}

/** Where the search documents wait for Pagefind: inside the build output, removed once indexed. */
export function searchDocumentsDir(dir: string): string {
  return join(dir, '.search-documents');
}

/**
 * Writes each paper's search document where Pagefind will read it: Pagefind
 * reads a folder itself twice as fast as it takes 10k documents one by one
 * through its Node API. A paper with notes gets its built page.
 */
export function writeSearchDocuments({ dir, papers }: { dir: string; papers: readonly HandoffPaper[] }): void {
  const documents = searchDocumentsDir(dir);
  rmSync(documents, { recursive: true, force: true });
  for (const paper of papers) {
    const page = join(documents, routes.paper(paper.slug), 'index.html');
    mkdirSync(dirname(page), { recursive: true });
    if (paper.hasNotes) copyFileSync(join(dir, routes.paper(paper.slug), 'index.html'), page);
    else writeFileSync(page, searchDocument(paper));
  }
}

/**
 * Indexes the written search documents into `<dir>/pagefind/` and removes
 * them; returns the number of papers indexed.
 */
export async function indexSearchDocuments({ dir }: { dir: string }): Promise<number> {
  const documents = searchDocumentsDir(dir);
  try {
    const { index, errors } = await createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: documents });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the papers: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its bundle: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await close();
    rmSync(documents, { recursive: true, force: true });
  }
}
