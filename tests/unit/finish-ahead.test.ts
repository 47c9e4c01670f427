/**
 * Finishing work done ahead (src/lib/build/finishAhead.ts): while Astro
 * renders, a worker writes the search documents of the papers without notes
 * and links the cached preview images. With the papers with notes added
 * after, the documents are exactly what writing everything at the end gives.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { HandoffPaper } from '../../src/lib/build/handoff.ts';
import { finishedAhead, startFinishAhead, takeFinishAhead } from '../../src/lib/build/finishAhead.ts';
import { searchDocument, writeSearchDocuments } from '../../src/lib/build/searchIndex.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('papers-site.finishAhead')];
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'documents-ahead-'));
  dirs.push(dir);
  return dir;
}

/** The image cache of these tests: `first` and `noted` have their image, `third` not yet. */
const cache = tempDir();
for (const slug of ['first', 'noted']) writeFileSync(join(cache, `${slug}.png`), `png of ${slug}`);

function paper(slug: string, hasNotes: boolean): HandoffPaper {
  return {
    slug,
    title: `A <b>title</b> & more for ${slug}`,
    abstract: `An abstract about ${slug} with "quotes".`,
    firstSeen: '2025-03-11',
    days: ['2025-03-11'],
    topics: ['efficiency'],
    hasNotes,
    preview: { card: { title: 't', topics: [], date: '11 March 2025', siteTitle: 's' }, file: join(cache, `${slug}.png`) },
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

/** A new, empty search documents folder (one that is not there yet). */
function newDocuments(): string {
  return join(tempDir(), 'search-documents');
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

describe('finishing work done ahead', () => {
  it('writes the search documents of the papers without notes', async () => {
    const dir = siteWithBuiltPages(PAPERS);
    const documents = newDocuments();
    startFinishAhead(dir, documents, PAPERS);
    expect((await takeFinishAhead())!.documents).toEqual({ written: 2, removed: 0 });
    expect(tree(documents)).toEqual({
      'papers/first/index.html': searchDocument(PAPERS[0]!),
      'papers/third/index.html': searchDocument(PAPERS[2]!),
    });
  });

  it('links the cached preview images into og/ and leaves the others to be drawn', async () => {
    const dir = siteWithBuiltPages(PAPERS);
    startFinishAhead(dir, newDocuments(), PAPERS);
    const { missingPreviews } = await takeFinishAhead()!;
    expect(missingPreviews.map((p) => p.slug)).toEqual(['third']);
    expect(finishedAhead()).toMatchObject({ linked: 2 });
    for (const slug of ['first', 'noted']) {
      expect(readFileSync(join(dir, 'og', `${slug}.png`), 'utf8')).toBe(`png of ${slug}`);
      // A hard link: the cache's own file, no copy.
      expect(statSync(join(dir, 'og', `${slug}.png`)).ino).toBe(statSync(join(cache, `${slug}.png`)).ino);
    }
    expect(existsSync(join(dir, 'og', 'third.png'))).toBe(false);
  });

  it('with the documents of the papers with notes added after, gives the same folder as writing every document at the end', async () => {
    const [ahead, aheadDocuments] = [siteWithBuiltPages(PAPERS), newDocuments()];
    startFinishAhead(ahead, aheadDocuments, PAPERS);
    await takeFinishAhead();
    writeSearchDocuments({ documents: aheadDocuments, site: ahead, papers: PAPERS, of: 'with notes' });
    const [atTheEnd, atTheEndDocuments] = [siteWithBuiltPages(PAPERS), newDocuments()];
    writeSearchDocuments({ documents: atTheEndDocuments, site: atTheEnd, papers: PAPERS });
    expect(tree(aheadDocuments)).toEqual(tree(atTheEndDocuments));
    expect(Object.keys(tree(aheadDocuments))).toHaveLength(3);
  });

  it('makes the finishing step fail when the worker could not do it', async () => {
    const notAFolder = join(tempDir(), 'file');
    writeFileSync(notAFolder, '');
    startFinishAhead(notAFolder, join(notAFolder, 'search-documents'), PAPERS);
    await expect(takeFinishAhead()).rejects.toThrow(/ENOTDIR|not a directory/);
    expect(finishedAhead()).toBeUndefined();
  });

  it('on the next build, rewrites only the documents that changed and removes the rest of the folder, so Pagefind finds exactly the papers', () => {
    const site = siteWithBuiltPages(PAPERS);
    const documents = newDocuments();
    const gone = paper('gone', false);
    writeSearchDocuments({ documents, site, papers: [...PAPERS, gone] });
    const untouched = statSync(join(documents, 'papers/first/index.html'));
    // A stray page, a paper that is gone, and a leftover file in a paper's folder.
    mkdirSync(join(documents, 'elsewhere'));
    writeFileSync(join(documents, 'elsewhere/index.html'), '<html><body data-pagefind-body>ghost</body></html>');
    writeFileSync(join(documents, 'papers/first/old.html'), 'old');
    const retitled = { ...PAPERS[2]!, title: 'A new title' };
    const next = [PAPERS[0]!, PAPERS[1]!, retitled];
    expect(writeSearchDocuments({ documents, site, papers: next })).toEqual({ written: 1, removed: 3 });
    expect(tree(documents)).toEqual({
      'papers/first/index.html': searchDocument(PAPERS[0]!),
      'papers/noted/index.html': readFileSync(join(site, 'papers/noted/index.html'), 'utf8'),
      'papers/third/index.html': searchDocument(retitled),
    });
    // An unchanged document is left as it was, not written again.
    expect(statSync(join(documents, 'papers/first/index.html')).mtimeMs).toBe(untouched.mtimeMs);
    expect(statSync(join(documents, 'papers/first/index.html')).ino).toBe(untouched.ino);
  });

  it('is not there unless the Astro step started it (plain astro build does all the finishing itself)', () => {
    expect(takeFinishAhead()).toBeUndefined();
    expect(finishedAhead()).toBeUndefined();
  });
});
