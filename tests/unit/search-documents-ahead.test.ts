/**
 * Search documents written ahead (src/lib/build/searchDocumentsAhead.ts): a
 * worker writes the documents of the papers without notes while Astro
 * renders; with the papers with notes added after, the folder is exactly
 * what writing everything at the end gives.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { HandoffPaper } from '../../src/lib/build/handoff.ts';
import { searchDocumentsAheadOutcome, startSearchDocumentsAhead, takeSearchDocumentsAhead } from '../../src/lib/build/searchDocumentsAhead.ts';
import { searchDocument, searchDocumentsDir, writeSearchDocuments } from '../../src/lib/build/searchIndex.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('papers-site.searchDocumentsAhead')];
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'documents-ahead-'));
  dirs.push(dir);
  return dir;
}

function paper(slug: string, hasNotes: boolean): HandoffPaper {
  return {
    slug,
    title: `A <b>title</b> & more for ${slug}`,
    abstract: `An abstract about ${slug} with "quotes".`,
    firstSeen: '2025-03-11',
    days: ['2025-03-11'],
    topics: ['efficiency'],
    hasNotes,
    preview: { card: { title: 't', topics: [], date: '11 March 2025', siteTitle: 's' }, file: '/dev/null' },
  };
}

/** Every file under `dir`, by relative path, with its text. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}

/** A site folder with the built page of each paper with notes. */
function siteWithBuiltPages(papers: readonly HandoffPaper[]): string {
  const dir = tempDir();
  for (const p of papers.filter((p) => p.hasNotes)) {
    mkdirSync(join(dir, 'papers', p.slug), { recursive: true });
    writeFileSync(join(dir, 'papers', p.slug, 'index.html'), `<html><body><article data-pagefind-body>${p.slug}: the owner's notes</article></body></html>`);
  }
  return dir;
}

const PAPERS = [paper('first', false), paper('noted', true), paper('third', false)];

describe('search documents written ahead', () => {
  it('are the documents of the papers without notes, written by a worker', async () => {
    const dir = siteWithBuiltPages(PAPERS);
    startSearchDocumentsAhead(dir, PAPERS);
    await takeSearchDocumentsAhead();
    expect(searchDocumentsAheadOutcome()).toBe('used');
    expect(tree(searchDocumentsDir(dir))).toEqual({
      'papers/first/index.html': searchDocument(PAPERS[0]!),
      'papers/third/index.html': searchDocument(PAPERS[2]!),
    });
  });

  it('with the papers with notes added after, give the same folder as writing every document at the end', async () => {
    const ahead = siteWithBuiltPages(PAPERS);
    startSearchDocumentsAhead(ahead, PAPERS);
    await takeSearchDocumentsAhead();
    writeSearchDocuments({ dir: ahead, papers: PAPERS, of: 'with notes' });
    const atTheEnd = siteWithBuiltPages(PAPERS);
    writeSearchDocuments({ dir: atTheEnd, papers: PAPERS });
    expect(tree(searchDocumentsDir(ahead))).toEqual(tree(searchDocumentsDir(atTheEnd)));
    expect(Object.keys(tree(searchDocumentsDir(ahead)))).toHaveLength(3);
  });

  it('make the finishing step fail when the worker could not write them', async () => {
    const notAFolder = join(tempDir(), 'file');
    writeFileSync(notAFolder, '');
    startSearchDocumentsAhead(notAFolder, PAPERS);
    await expect(takeSearchDocumentsAhead()).rejects.toThrow(/ENOTDIR|not a directory/);
  });

  it('are not there unless the Astro step started them (plain astro build writes every document itself)', () => {
    expect(takeSearchDocumentsAhead()).toBeUndefined();
    expect(searchDocumentsAheadOutcome()).toBeUndefined();
  });
});
