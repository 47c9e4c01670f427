/**
 * parseListing: the seed listing, every rejected fixture (input → expected
 * diagnostic), and the inputs that are accepted with or without warnings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatDiagnostic } from '../../src/lib/listing/diagnostics.ts';
import { cleanText, dateFromFileName, MAX_LINE_LENGTH, MAX_TITLE_LENGTH, parseListing } from '../../src/lib/listing/parse.ts';
import { Listing } from '../../src/lib/listing/schema.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SEED_FILE = 'content/listings/2025-03-11.txt';
const seedBytes = readFileSync(join(ROOT, SEED_FILE));
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'listings');

/** Parses a fixture file from `tests/fixtures/listings/<kind>/<case>/`. */
function parseFixture(kind: 'accepted' | 'rejected', name: string) {
  const dir = join(FIXTURES, kind, name);
  const file = readdirSync(dir).find((n) => n.endsWith('.txt'))!;
  const display = `tests/fixtures/listings/${kind}/${name}/${file}`;
  return { display, ...parseListing(display, readFileSync(join(dir, file))) };
}

interface Expected {
  test: string;
  line: number;
  message: string;
  hint: string;
}

describe('parseListing on the seed listing', () => {
  const result = parseListing(SEED_FILE, seedBytes);

  test('parses the seed listing into 92 entries without diagnostics', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.listing?.entries).toHaveLength(92);
    expect(() => Listing.parse(result.listing)).not.toThrow();
  });

  test('takes the date from the file name once the header confirms it', () => {
    expect(result.listing?.date).toBe('2025-03-11');
    expect(result.listing?.file).toBe(SEED_FILE);
  });

  test('gives the first entry rank 1 and the lines of its title and abstract', () => {
    const first = result.listing!.entries[0]!;
    expect(first).toMatchObject({
      rank: 1,
      title: 'A Study of Bayesian Neural Network Surrogates for Bayesian Optimization',
      titleLine: 11,
      abstractLine: 13,
    });
    expect(first.abstract).toMatch(/^Bayesian optimization is a highly efficient approach/);
    expect(first.abstract).toMatch(/especially in high dimensions\.$/);
  });

  test('gives the last entry rank 92 and the lines of its title and abstract', () => {
    const last = result.listing!.entries.at(-1)!;
    expect(last).toMatchObject({
      rank: 92,
      title: 'Modeling of learning curves with applications to pos tagging',
      titleLine: 375,
      abstractLine: 377,
    });
    expect(last.abstract).toMatch(/^An algorithm to estimate the evolution of learning curves/);
  });

  test('numbers ranks 1..92 in order, each title line two lines above its abstract line', () => {
    const entries = result.listing!.entries;
    expect(entries.map((e) => e.rank)).toEqual(Array.from({ length: 92 }, (_, i) => i + 1));
    for (const e of entries) expect(e.abstractLine).toBe(e.titleLine + 2);
  });

  test('matches the source line text for every entry', () => {
    const lines = seedBytes.toString('utf8').split('\n');
    for (const e of result.listing!.entries) {
      expect(cleanText(lines[e.titleLine - 1]!)).toBe(e.title);
      expect(cleanText(lines[e.abstractLine - 1]!)).toBe(e.abstract);
    }
  });

  test('accepts the same listing given as a string', () => {
    expect(parseListing(SEED_FILE, seedBytes.toString('utf8'))).toEqual(result);
  });
});

describe('parseListing on line endings and byte order marks', () => {
  const lf = seedBytes.toString('utf8');
  const expected = parseListing(SEED_FILE, lf);

  test.each([
    ['a UTF-8 byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), seedBytes])],
    ['CRLF line endings', Buffer.from(lf.replace(/\n/g, '\r\n'))],
    ['CR-only line endings', Buffer.from(lf.replace(/\n/g, '\r'))],
    ['a byte order mark and CRLF endings together', Buffer.from(`\uFEFF${lf.replace(/\n/g, '\r\n')}`)],
  ])('accepts %s with the same result as LF', (_, bytes) => {
    expect(parseListing(SEED_FILE, bytes)).toEqual(expected);
  });

  test('accepts a byte order mark at the start of string input', () => {
    expect(parseListing(SEED_FILE, `\uFEFF${lf}`)).toEqual(expected);
  });
});

describe('parseListing on the date line', () => {
  const body = '\n\nA Title\n\nAn abstract.\n';

  test.each(['Mar 11', 'March 11', 'mar. 11', 'Mar 11, 2025', 'Mar 11 2025', '  Mar 11  '])('accepts the date line "%s"', (line) => {
    const { listing, diagnostics } = parseListing('x/2025-03-11.txt', `new\n\n${line}${body}`);
    expect(diagnostics).toEqual([]);
    expect(listing?.date).toBe('2025-03-11');
    expect(listing?.entries[0]?.titleLine).toBe(5);
  });

  test('rejects a file name that is not a calendar day, naming the file and how to name it', () => {
    const { listing, diagnostics } = parseListing('content/listings/2025-02-30.txt', `Feb 30${body}`);
    expect(listing).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', file: 'content/listings/2025-02-30.txt', message: 'the file name is not a listing day' }),
    ]);
    expect(diagnostics[0]!.hint).toContain('YYYY-MM-DD.txt');
  });

  test('rejects a file not named after a day at all', () => {
    expect(parseListing('content/listings/today.txt', `Mar 11${body}`).diagnostics[0]?.message).toBe('the file name is not a listing day');
  });

  test('reads the day from a listing file name and rejects impossible days', () => {
    expect(dateFromFileName('content/listings/2024-02-29.txt')).toBe('2024-02-29');
    expect(dateFromFileName('C:\\site\\2025-12-31.txt')).toBe('2025-12-31');
    expect(dateFromFileName('2025-02-29.txt')).toBeUndefined();
    expect(dateFromFileName('2025-13-01.txt')).toBeUndefined();
    expect(dateFromFileName('notes-2025-03-11.txt')).toBeUndefined();
  });
});

describe('parseListing on rejected fixtures', () => {
  const cases = readdirSync(join(FIXTURES, 'rejected')).sort().map((name) => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'rejected', name, 'expected.json'), 'utf8')) as Expected;
    return { name, expected };
  });

  test('has a fixture for every kind of bad input the parser knows', () => {
    expect(cases.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'empty', 'header-only', 'title-without-abstract', 'out-of-step', 'over-long-line', 'date-mismatch',
        'invalid-utf8', 'nul', 'escape-char', 'entity-control',
      ]),
    );
  });

  test.each(cases.map((c) => [c.expected.test, c] as const))('%s, naming file, line and a fix', (_, { name, expected }) => {
    const { display, listing, diagnostics } = parseFixture('rejected', name);
    expect(listing).toBeUndefined();
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    const [error] = errors;
    expect(error).toMatchObject({ file: display, line: expected.line });
    expect(error!.message).toContain(expected.message);
    expect(error!.hint).toContain(expected.hint);
    const text = formatDiagnostic(error!);
    expect(text.startsWith(`${display}:${expected.line}: error: `)).toBe(true);
    expect(text).toContain('\n  fix: ');
  });

  test('rejects a lone surrogate in string input, naming the line', () => {
    const fixture = JSON.parse(readFileSync(join(FIXTURES, 'strings', 'lone-surrogate.json'), 'utf8')) as Expected & { file: string; text: string };
    expect(fixture.text.isWellFormed()).toBe(false);
    const { listing, diagnostics } = parseListing(fixture.file, fixture.text);
    expect(listing).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: fixture.file, line: fixture.line })]);
    expect(diagnostics[0]!.message).toContain(fixture.message);
    expect(diagnostics[0]!.hint).toContain(fixture.hint);
  });

  test('points the out-of-step error at a line longer than MAX_TITLE_LENGTH', () => {
    const { diagnostics } = parseFixture('rejected', 'out-of-step');
    const lines = readFileSync(join(FIXTURES, 'rejected', 'out-of-step', '2025-03-11.txt'), 'utf8').split('\n');
    expect(lines[diagnostics[0]!.line - 1]!.length).toBeGreaterThan(MAX_TITLE_LENGTH);
    expect(diagnostics[0]!.hint).toContain(`look just above line ${diagnostics[0]!.line}`);
  });

  test('measures the over-long line against MAX_LINE_LENGTH', () => {
    const lines = readFileSync(join(FIXTURES, 'rejected', 'over-long-line', '2025-03-11.txt'), 'utf8').split('\n');
    const { diagnostics } = parseFixture('rejected', 'over-long-line');
    expect(lines[diagnostics[0]!.line - 1]!.length).toBeGreaterThan(MAX_LINE_LENGTH);
  });

  test('reports every bad line of a file, not only the first', () => {
    const text = 'Mar 11\n\nTitle \u0000 one\n\nAbstract \u0007 one\n';
    const { diagnostics } = parseListing('2025-03-11.txt', text);
    expect(diagnostics.map((d) => d.line)).toEqual([3, 5]);
  });

  test('accepts a line of exactly MAX_LINE_LENGTH characters', () => {
    const text = `Mar 11\n\nTitle\n\n${'a'.repeat(MAX_LINE_LENGTH)}\n`;
    expect(parseListing('2025-03-11.txt', text).listing?.entries).toHaveLength(1);
  });
});

describe('parseListing on accepted but unusual input', () => {
  test('keeps a paper listed twice once, at its first rank, with a warning naming both lines', () => {
    const { display, listing, diagnostics } = parseFixture('accepted', 'duplicate');
    expect(listing?.entries).toHaveLength(4);
    const titles = listing!.entries.map((e) => e.title);
    expect(new Set(titles).size).toBe(4);
    const repeated = listing!.entries[1]!;
    expect(repeated.rank).toBe(2);
    expect(diagnostics).toHaveLength(1);
    const [warning] = diagnostics;
    expect(warning).toMatchObject({ severity: 'warning', file: display, line: 23 });
    expect(warning!.message).toContain(`lines ${repeated.titleLine} and 23`);
    expect(warning!.message).toContain('kept once, at rank 2');
    expect(warning!.hint).toContain('delete lines 23-25');
  });

  test('keeps the rank of the papers after a repeat as their position on the page', () => {
    const { listing } = parseFixture('accepted', 'duplicate');
    expect(listing!.entries.map((e) => e.rank)).toEqual([1, 2, 3, 5]);
  });

  test('keeps zero-width characters and right-to-left text as they are', () => {
    const { listing, diagnostics } = parseFixture('accepted', 'unicode');
    expect(diagnostics).toEqual([]);
    const [zw, rtl] = listing!.entries;
    expect(zw!.title).toBe('Zero\u200bwidth Spaces and Joiners: \u{1F469}\u200d\u{1F52C} Scientists');
    expect(zw!.abstract).toContain('(\u200d)');
    expect(rtl!.title).toBe('\u05de\u05d5\u05d3\u05dc\u05d9\u05dd \u05d2\u05d3\u05d5\u05dc\u05d9\u05dd: Hebrew and \u0627\u0644\u0639\u0631\u0628\u064a\u0629 Titles');
    expect(rtl!.abstract).toBe('Right-to-left text \u05e9\u05dc\u05d5\u05dd and \u0645\u0631\u062d\u0628\u0627 stays as written.');
  });

  test('keeps bidirectional overrides in the text but warns about each field that holds them', () => {
    const { display, listing, diagnostics } = parseFixture('accepted', 'bidi');
    expect(listing!.entries[0]!.title).toBe('Trojan \u202eSource\u202c Title');
    expect(diagnostics).toHaveLength(2);
    const [title, abstract] = diagnostics;
    expect(title).toMatchObject({ severity: 'warning', file: display, line: 11 });
    expect(title!.message).toContain('U+202E');
    expect(title!.message).toContain('U+202C');
    expect(title!.message).toContain('Trojan Source');
    expect(abstract).toMatchObject({ severity: 'warning', line: 13 });
    expect(abstract!.message).toContain('U+2066, U+2069');
    expect(title!.hint).not.toBe('');
  });

  test('decodes HTML entities exactly once', () => {
    const { listing, diagnostics } = parseFixture('accepted', 'entities');
    expect(diagnostics).toEqual([]);
    const [entry] = listing!.entries;
    expect(entry!.title).toBe('Escaped &lt;b&gt; Tags & Friends');
    expect(entry!.abstract).toBe(`A <b>bold</b> claim: x < y && y > z, "quoted" 'single' café αβ.`);
  });

  test('collapses runs of spaces and tabs and composes text to NFC', () => {
    expect(cleanText('  a \t\t b   c ')).toBe('a b c');
    expect(cleanText('cafe\u0301')).toBe('caf\u00e9');
    expect(cleanText('&amp;lt;')).toBe('&lt;');
    expect(cleanText('&lt;b&gt;')).toBe('<b>');
  });

  test('does not count blank lines made of spaces as papers', () => {
    const { listing } = parseListing('2025-03-11.txt', 'Mar 11\n   \nTitle\n\t\nAbstract\n \n');
    expect(listing?.entries).toEqual([{ rank: 1, title: 'Title', abstract: 'Abstract', titleLine: 3, abstractLine: 5 }]);
  });
});
