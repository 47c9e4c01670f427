/**
 * readListings with both listing formats side by side: text (`.txt`) and
 * daily papers JSON (`.json`), one listing per day; and the generator taking
 * a JSON listing through to paper files.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { generate } from '../../src/lib/generate/generateContent.ts';
import { findDoubleDays, projectPaths, readListings } from '../../src/lib/io/projectFiles.ts';
import { formatDiagnostic } from '../../src/lib/listing/diagnostics.ts';
import { parseListing } from '../../src/lib/listing/parse.ts';
import { inputError } from '../support/inputError.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const REALISTIC = join(ROOT, 'tests/fixtures/listings/daily-papers/accepted/realistic-day/2025-03-14.json');
const HOSTILE = join(ROOT, 'tests/fixtures/listings/daily-papers/accepted/hostile-values/2025-03-14.json');

let root = '';
let warnings: string[] = [];

/** Paths of the temporary project. */
const paths = () => projectPaths(root);
/** Reads the temporary project's listings, collecting warnings. */
const read = () => readListings(paths(), (m) => warnings.push(m));
/** Path of a file in the temporary project's listings folder. */
const listing = (name: string) => join(root, 'content', 'listings', name);

beforeEach(() => {
  vi.stubEnv('PAPERS_CONTENT_DIR', undefined);
  root = mkdtempSync(join(tmpdir(), 'read-listings-'));
  cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
  warnings = [];
});

afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(root, { recursive: true, force: true });
});

describe('readListings', () => {
  test('reads a .json listing beside the .txt ones, in day order', () => {
    cpSync(REALISTIC, listing('2025-03-14.json'));
    const listings = read();
    expect(listings.map((l) => [l.date, l.file, l.entries.length])).toEqual([
      ['2025-03-11', 'content/listings/2025-03-11.txt', 92],
      ['2025-03-14', 'content/listings/2025-03-14.json', 6],
    ]);
    expect(listings[1]!.entries[0]!.paper?.arxivId).toBe('2503.10001');
  });

  test('gives text listings exactly what parseListing gives, with no JSON fields', () => {
    cpSync(REALISTIC, listing('2025-03-14.json'));
    const [text] = read();
    const direct = parseListing('content/listings/2025-03-11.txt', readFileSync(listing('2025-03-11.txt'))).listing;
    expect(text).toEqual(direct);
    for (const e of text!.entries) expect(Object.keys(e)).toEqual(['rank', 'title', 'abstract', 'titleLine', 'abstractLine']);
  });

  test('passes the warnings of a JSON listing on, each naming file and JSON path', () => {
    cpSync(HOSTILE, listing('2025-03-14.json'));
    read();
    expect(warnings).toHaveLength(7);
    expect(warnings[0]).toMatch(/^content\/listings\/2025-03-14\.json: \[0\]\.paper\.githubRepo: warning: /);
  });

  test('refuses a day listed by both a .txt and a .json, naming both files and which to keep', () => {
    writeFileSync(listing('2025-03-14.txt'), readFileSync(listing('2025-03-11.txt'), 'utf8').replace('Mar 11', 'Mar 14'));
    cpSync(REALISTIC, listing('2025-03-14.json'));
    const error = inputError(read);
    expect(error.diagnostics).toHaveLength(1);
    const text = formatDiagnostic(error.diagnostics[0]!);
    expect(text).toBe(
      'content/listings/2025-03-14.txt: error: the day 2025-03-14 has two listings: content/listings/2025-03-14.txt and content/listings/2025-03-14.json\n' +
        '  fix: keep content/listings/2025-03-14.json (it has arXiv ids, authors and links) and delete content/listings/2025-03-14.txt',
    );
  });

  test('reports the errors of a bad .json and a bad .txt listing at once', () => {
    cpSync(join(ROOT, 'tests/fixtures/listings/rejected/nul/2025-03-11.txt'), listing('2025-03-11.txt'));
    cpSync(join(ROOT, 'tests/fixtures/listings/daily-papers/rejected/wrong-type-deep/2025-03-14.json'), listing('2025-03-14.json'));
    expect(inputError(read).diagnostics.map((d) => [d.file, d.path])).toEqual([
      ['content/listings/2025-03-11.txt', undefined],
      ['content/listings/2025-03-14.json', '[2].paper.authors[3].name'],
    ]);
  });

  test('says both extensions when there is no listing at all', () => {
    rmSync(listing(''), { recursive: true });
    const [d] = inputError(read).diagnostics;
    expect(d).toMatchObject({ file: 'content/listings', message: 'there are no listings (*.txt or *.json files)' });
    expect(d!.hint).toContain('YYYY-MM-DD.txt');
    expect(d!.hint).toContain('YYYY-MM-DD.json');
  });

  test('ignores files of other kinds, such as a temporary file left by an interrupted download', () => {
    writeFileSync(listing('.2025-03-14.json.1234.tmp'), '[');
    writeFileSync(listing('README.md'), '# notes');
    expect(read().map((l) => l.date)).toEqual(['2025-03-11']);
  });
});

describe('findDoubleDays', () => {
  test('finds only days that have both a .txt and a .json', () => {
    const names = ['2025-03-11.txt', '2025-03-12.json', '2025-03-13.json', '2025-03-13.txt'];
    expect(findDoubleDays(names, 'content/listings').map((d) => d.file)).toEqual(['content/listings/2025-03-13.txt']);
  });
});

describe('generate with a JSON listing', () => {
  test('writes a paper file for every paper of the JSON listing', () => {
    cpSync(REALISTIC, listing('2025-03-14.json'));
    rmSync(join(root, 'content', 'papers'), { recursive: true, force: true });
    rmSync(join(root, 'content', 'permalinks.json'), { force: true });
    const report = generate({ root, log: () => {} });
    expect(report.papers).toBe(92 + 6);
    const files = readdirSync(join(root, 'content', 'papers')).filter((n) => n.endsWith('.mdx'));
    expect(files).toContain('polyglot-40b-technical-report.mdx');
  });
});
