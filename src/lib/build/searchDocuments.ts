/**
 * The search documents: one small HTML file per paper for Pagefind to index
 * (src/lib/search/indexed.ts), kept in a cache folder outside the output. A
 * build rewrites only the documents that changed, so a new day writes a few
 * hundred files instead of creating and deleting 10,000.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PaperView } from '../catalog/catalog.ts';
import { buildCacheDir } from '../io/buildCache.ts';
import { searchDocument } from '../search/indexed.ts';
import { routes } from '../site/routes.ts';

/** The search documents folder of the project at `root`. */
export function searchDocumentsDir(root = process.cwd()): string {
  return buildCacheDir('search-documents', root);
}

/** What writing search documents changed in their folder. */
export interface DocumentsWritten {
  written: number;
  removed: number;
}

/** A paper's search document inside the documents folder: Pagefind gives it its page's URL. */
function documentPath(slug: string): string {
  return join(routes.paper(slug), 'index.html');
}

/** The text of `file`, or undefined when there is none. */
function readIfThere(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Writes `text` to `file` unless it holds that already; returns whether it wrote. */
function writeIfChanged(file: string, text: string): boolean {
  if (readIfThere(file) === text) return false;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return true;
}

/**
 * Deletes everything in the documents folder that is not the document of
 * one of `slugs`: Pagefind indexes every page it finds there, so a paper
 * that is gone, or any other file, would turn up in search.
 */
function removeStrays(documents: string, slugs: readonly string[]): number {
  const files = new Set(slugs.map(documentPath));
  const folders = new Set<string>();
  for (const file of files) for (let folder = dirname(file); folder !== '.'; folder = dirname(folder)) folders.add(folder);
  let removed = 0;
  const walk = (folder: string): void => {
    for (const entry of readdirSync(join(documents, folder), { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() ? folders.has(path) : files.has(path)) {
        if (entry.isDirectory()) walk(path);
        continue;
      }
      rmSync(join(documents, path), { recursive: true, force: true });
      removed++;
    }
  };
  walk('');
  return removed;
}

/**
 * Brings the documents of the papers without notes up to date and removes
 * those of papers that are gone. The documents of papers with notes are
 * their built pages, added once Astro has written them (addNotesDocuments).
 */
export function writeSearchDocuments(documents: string, papers: readonly PaperView[]): DocumentsWritten {
  mkdirSync(documents, { recursive: true });
  let written = 0;
  for (const paper of papers) {
    if (!paper.notes && writeIfChanged(join(documents, documentPath(paper.slug)), searchDocument(paper))) written++;
  }
  return { written, removed: removeStrays(documents, papers.map((p) => p.slug)) };
}

/** Takes the built pages of the papers with notes (`slugs`) from the output `site` as their search documents; returns how many changed. */
export function addNotesDocuments(documents: string, site: string, slugs: readonly string[]): number {
  let written = 0;
  for (const slug of slugs) {
    const page = readFileSync(join(site, documentPath(slug)), 'utf8');
    if (writeIfChanged(join(documents, documentPath(slug)), page)) written++;
  }
  return written;
}
