/**
 * The search index: Pagefind, fed from the build hand-off instead of
 * crawling the built pages. Each paper is given to Pagefind as a small HTML
 * document (title as its heading, so title words rank higher; abstract as
 * its text; filters and sort as attributes), which is what its page's
 * `data-pagefind-body` holds, without parsing 10k full pages. A paper with
 * owner notes is indexed from its built page, so the notes are searchable.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeUTF8 } from 'entities';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import { routes } from '../site/routes.ts';
import type { HandoffPaper } from './handoff.ts';

/** Pagefind answers requests concurrently; this many are kept in flight. */
const IN_FLIGHT = 64;

/** The document Pagefind indexes for a paper without notes. */
export function searchDocument(paper: HandoffPaper): string {
  const attr = (name: string, value: string) => `<span ${name}="${escapeUTF8(value)}"></span>`;
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>',
    `<h1 data-pagefind-meta="title">${escapeUTF8(paper.title)}</h1>`,
    `<span data-pagefind-meta="date:${escapeUTF8(paper.firstSeen)}" data-pagefind-sort="date:${escapeUTF8(paper.firstSeen)}"></span>`,
    ...paper.days.map((day) => attr('data-pagefind-filter', `day:${day}`)),
    ...paper.topics.map((topic) => attr('data-pagefind-filter', `topic:${topic}`)),
    `<p>${escapeUTF8(paper.abstract)}</p>`,
    '</body></html>',
  ].join('');
}

/** Adds one paper to the index; throws with the paper's slug when Pagefind refuses it. */
async function addPaper(index: PagefindIndex, dir: string, paper: HandoffPaper): Promise<void> {
  const url = `/${routes.paper(paper.slug)}`;
  const content = paper.hasNotes ? readFileSync(join(dir, routes.paper(paper.slug), 'index.html'), 'utf8') : searchDocument(paper);
  const { errors } = await index.addHTMLFile({ url, content });
  if (errors.length > 0) throw new Error(`Pagefind could not index ${url}: ${errors.join('; ')}`);
}

/** Indexes the papers into `<dir>/pagefind/`; returns the number of pages indexed. */
export async function indexPapers({ dir, papers }: { dir: string; papers: readonly HandoffPaper[] }): Promise<number> {
  try {
    const { index, errors } = await createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    for (let i = 0; i < papers.length; i += IN_FLIGHT) {
      await Promise.all(papers.slice(i, i + IN_FLIGHT).map((paper) => addPaper(index, dir, paper)));
    }
    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its bundle: ${written.errors.join('; ')}`);
    return papers.length;
  } finally {
    await close();
  }
}
