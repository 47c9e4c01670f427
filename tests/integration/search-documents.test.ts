/**
 * The search documents folder (src/lib/build/searchDocuments.ts): a build
 * writes the document of each paper without notes from the build data,
 * takes the built page of each paper with notes once Astro has written it,
 * rewrites only what changed and removes everything else, so Pagefind
 * finds exactly the papers.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addNotesDocuments, writeSearchDocuments } from '../../src/lib/build/searchDocuments.ts';
import { searchDocument } from '../../src/lib/search/indexed.ts';
import { paperView } from '../support/paperView.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A new temporary folder. */
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'search-documents-'));
  dirs.push(dir);
  return dir;
}

/** Every file under `dir`, by relative path, with its text. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[relative(dir, join(entry.parentPath, entry.name))] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

/** A site folder with the built page of each paper with notes. */
function siteWithBuiltPages(slugs: readonly string[]): string {
  const dir = tempDir();
  for (const slug of slugs) {
    mkdirSync(join(dir, 'papers', slug), { recursive: true });
    writeFileSync(join(dir, 'papers', slug, 'index.html'), `<html><body><article data-pagefind-body>${slug}: the owner's notes</article></body></html>`);
  }
  return dir;
}

const PAPERS = [paperView({ slug: 'first', title: 'A <b>title</b> & more' }), paperView({ slug: 'noted', notes: true }), paperView({ slug: 'third' })];

describe('the search documents', () => {
  it('are written for the papers without notes, and the built pages of the papers with notes are added after Astro', () => {
    const documents = join(tempDir(), 'search-documents');
    expect(writeSearchDocuments(documents, PAPERS)).toEqual({ written: 2, removed: 0 });
    expect(Object.keys(tree(documents)).sort()).toEqual(['papers/first/index.html', 'papers/third/index.html']);
    const site = siteWithBuiltPages(['noted']);
    expect(addNotesDocuments(documents, site, ['noted'])).toBe(1);
    expect(tree(documents)).toEqual({
      'papers/first/index.html': searchDocument(PAPERS[0]!),
      'papers/noted/index.html': readFileSync(join(site, 'papers/noted/index.html'), 'utf8'),
      'papers/third/index.html': searchDocument(PAPERS[2]!),
    });
  });

  it('on the next build, rewrites only the documents that changed and removes the rest of the folder', () => {
    const documents = join(tempDir(), 'search-documents');
    const site = siteWithBuiltPages(['noted']);
    writeSearchDocuments(documents, [...PAPERS, paperView({ slug: 'gone' })]);
    addNotesDocuments(documents, site, ['noted']);
    const untouched = statSync(join(documents, 'papers/first/index.html'));
    // A stray page, a paper that is gone, and a leftover file in a paper's folder.
    mkdirSync(join(documents, 'elsewhere'));
    writeFileSync(join(documents, 'elsewhere/index.html'), '<html><body data-pagefind-body>ghost</body></html>');
    writeFileSync(join(documents, 'papers/first/old.html'), 'old');
    const retitled = paperView({ slug: 'third', title: 'A new title' });
    expect(writeSearchDocuments(documents, [PAPERS[0]!, PAPERS[1]!, retitled])).toEqual({ written: 1, removed: 3 });
    expect(addNotesDocuments(documents, site, ['noted'])).toBe(0);
    expect(tree(documents)).toEqual({
      'papers/first/index.html': searchDocument(PAPERS[0]!),
      'papers/noted/index.html': readFileSync(join(site, 'papers/noted/index.html'), 'utf8'),
      'papers/third/index.html': searchDocument(retitled),
    });
    // An unchanged document is left as it was, not written again.
    expect(statSync(join(documents, 'papers/first/index.html')).mtimeMs).toBe(untouched.mtimeMs);
    expect(statSync(join(documents, 'papers/first/index.html')).ino).toBe(untouched.ino);
  });
});
