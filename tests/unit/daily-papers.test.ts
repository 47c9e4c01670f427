/**
 * parseDailyPapers: Hugging Face daily papers responses (JSON listings).
 * Fixture pairs under tests/fixtures/listings/daily-papers/ (input →
 * expected.json), written from the documented response shape, plus the
 * rules each field follows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { normalizeArxivId } from '../../src/lib/listing/arxivId.ts';
import { cleanJsonText, decodeDailyPapers, MAX_AUTHORS, parseDailyPapers } from '../../src/lib/listing/dailyPapers.ts';
import { formatDiagnostic, type Diagnostic } from '../../src/lib/listing/diagnostics.ts';
import { dateFromFileName, parseListing } from '../../src/lib/listing/parse.ts';
import { Listing } from '../../src/lib/listing/schema.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'listings', 'daily-papers');
const FILE = 'content/listings/2025-03-14.json';

interface ExpectedDiagnostic {
  severity?: 'error' | 'warning';
  path?: string;
  line?: number;
  /** Text the message contains (each piece, when several). */
  message: string | string[];
  hint: string;
}

interface AcceptedCase {
  test: string;
  entries: number;
  listing: Record<string, unknown>;
  absent?: [string, string][];
  diagnostics: ExpectedDiagnostic[];
}

interface RejectedCase {
  test: string;
  errors: ExpectedDiagnostic[];
}

/** Reads every case of a fixture kind: its input file's display path, bytes and expectations. */
function cases<T>(kind: 'accepted' | 'rejected') {
  return readdirSync(join(FIXTURES, kind))
    .sort()
    .map((name) => {
      const dir = join(FIXTURES, kind, name);
      const file = readdirSync(dir).find((n) => n !== 'expected.json')!;
      return {
        name,
        display: `tests/fixtures/listings/daily-papers/${kind}/${name}/${file}`,
        bytes: readFileSync(join(dir, file)),
        expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as T,
      };
    });
}

/** Checks diagnostics against expectations: same count, same order, each naming its place and a fix. */
function expectDiagnostics(display: string, actual: readonly Diagnostic[], expected: readonly ExpectedDiagnostic[], severity: 'error' | 'warning') {
  expect(actual.map((d) => `${d.path ?? ''} ${d.message}`)).toHaveLength(expected.length);
  expected.forEach((want, i) => {
    const got = actual[i]!;
    expect(got).toMatchObject({ severity: want.severity ?? severity, file: display, line: want.line ?? 0 });
    expect(got.path).toBe(want.path);
    for (const piece of [want.message].flat()) expect(got.message).toContain(piece);
    expect(got.hint).toContain(want.hint);
    const where = want.line ? `${display}:${want.line}` : display;
    expect(formatDiagnostic(got).startsWith(want.path ? `${where}: ${want.path}: ${got.severity}: ` : `${where}: ${got.severity}: `)).toBe(true);
    expect(formatDiagnostic(got)).toContain('\n  fix: ');
  });
}

/** Wraps items as the API would send them. */
function body(items: unknown): Uint8Array {
  return Buffer.from(JSON.stringify(items));
}

/** A minimal item with the documented fields the site reads. */
function item(id: string, title: string, paper: Record<string, unknown> = {}) {
  return { paper: { id, title, summary: `An abstract about ${title}.`, ...paper }, title, summary: `An abstract about ${title}.` };
}

describe('parseDailyPapers on accepted fixtures', () => {
  const accepted = cases<AcceptedCase>('accepted');

  test('has a fixture for every kind of unusual but acceptable response', () => {
    expect(accepted.map((c) => c.name)).toEqual(
      expect.arrayContaining(['realistic-day', 'hostile-values', 'bidi', 'duplicate-ids', 'entities-stay', 'fallbacks', 'odd-ids']),
    );
  });

  test.each(accepted.map((c) => [c.expected.test, c] as const))('%s', (_, { display, bytes, expected }) => {
    const { listing, diagnostics } = parseDailyPapers(display, bytes);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(listing?.entries).toHaveLength(expected.entries);
    expect(listing).toMatchObject({ date: '2025-03-14', file: display, ...expected.listing });
    expect(() => Listing.parse(listing)).not.toThrow();
    for (const [path, field] of expected.absent ?? []) {
      const entry = listing!.entries.find((e) => e.jsonPath === path)!;
      expect(entry.paper).not.toHaveProperty(field);
    }
    expectDiagnostics(display, diagnostics, expected.diagnostics, 'warning');
  });
});

describe('parseDailyPapers on rejected fixtures', () => {
  const rejected = cases<RejectedCase>('rejected');

  test('has a fixture for every kind of bad response the parser knows', () => {
    expect(rejected.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'not-an-array', 'api-error', 'empty-array', 'no-title', 'no-id-no-title', 'no-abstract', 'wrong-type-deep',
        'every-bad-item', 'control-character', 'lone-surrogate', 'invalid-json', 'invalid-utf8', 'empty-file',
      ]),
    );
  });

  test.each(rejected.map((c) => [c.expected.test, c] as const))('%s, naming the file, the place and a fix', (_, { display, bytes, expected }) => {
    const { listing, diagnostics } = parseDailyPapers(display, bytes);
    expect(listing).toBeUndefined();
    expectDiagnostics(display, diagnostics.filter((d) => d.severity === 'error'), expected.errors, 'error');
  });
});

describe('parseDailyPapers on the realistic day', () => {
  const dir = join(FIXTURES, 'accepted', 'realistic-day');
  const bytes = readFileSync(join(dir, '2025-03-14.json'));
  const raw = JSON.parse(bytes.toString('utf8')) as { paper: { id: string; authors: { name: string; hidden: boolean }[] } }[];
  const { listing } = parseDailyPapers(FILE, bytes);

  test('ranks the papers in the order of the array, rank 1 first', () => {
    expect(listing!.entries.map((e) => [e.rank, e.paper?.arxivId])).toEqual(raw.map((it, i) => [i + 1, it.paper.id]));
  });

  test('keeps all 65 authors of the long paper in order, hidden ones included', () => {
    const authors = raw[4]!.paper.authors;
    expect(authors).toHaveLength(65);
    expect(authors.filter((a) => a.hidden).length).toBeGreaterThan(0);
    expect(listing!.entries[4]!.paper?.authors).toEqual(authors.map((a) => a.name));
  });

  test('joins the hard line breaks of arXiv abstracts into single spaces', () => {
    expect(bytes.toString('utf8')).toContain('\\n');
    for (const e of listing!.entries) expect(e.abstract).not.toMatch(/[\n\r\t]| {2}/);
  });

  test('gives every entry line 1, where the API puts the whole response', () => {
    for (const e of listing!.entries) expect([e.titleLine, e.abstractLine]).toEqual([1, 1]);
  });

  test('gives the same result every time', () => {
    expect(parseDailyPapers(FILE, bytes)).toEqual(parseDailyPapers(FILE, Buffer.from(bytes)));
  });

  test('gives the same listing for the response pretty-printed with CRLF line endings and a byte order mark', () => {
    const pretty = `\uFEFF${JSON.stringify(raw, null, 2).replace(/\n/g, '\r\n')}`;
    const again = parseDailyPapers(FILE, Buffer.from(pretty));
    const strip = (l: Listing | undefined) => l?.entries.map(({ titleLine: _t, abstractLine: _a, ...rest }) => rest);
    expect(strip(again.listing)).toEqual(strip(listing));
    expect(again.listing!.entries[0]!.titleLine).toBeGreaterThan(1);
  });
});

describe('parseDailyPapers on source lines', () => {
  test('gives each title and abstract the line its string starts on in a pretty-printed file', () => {
    const text = JSON.stringify([item('2503.00001', 'One'), item('2503.00002', 'Two')], null, 2);
    const lines = text.split('\n');
    const { listing } = parseDailyPapers(FILE, Buffer.from(text));
    for (const e of listing!.entries) {
      expect(lines[e.titleLine - 1]).toContain(`"title": ${JSON.stringify(e.title)}`);
      expect(lines[e.abstractLine - 1]).toContain(`"summary": ${JSON.stringify(e.abstract)}`);
      expect(lines[e.titleLine - 1]).toMatch(/^ {6}"title"/); // paper.title, not the item's title
    }
  });
});

describe('parseDailyPapers on single fields', () => {
  test('keeps zero upvotes and zero comments, which are counts and not missing values', () => {
    const { listing } = parseDailyPapers(FILE, body([{ ...item('2503.00003', 'Zero', { upvotes: 0 }), numComments: 0 }]));
    expect(listing!.entries[0]!.paper).toMatchObject({ upvotes: 0, numComments: 0 });
  });

  test('reads the publication day in UTC from an ISO date-time', () => {
    const at = (publishedAt: string) => parseDailyPapers(FILE, body([item('2503.00004', 'Day', { publishedAt })])).listing?.entries[0]?.paper?.publishedAt;
    expect(at('2025-03-13T00:00:00.000Z')).toBe('2025-03-13');
    expect(at('2025-03-13T23:30:00-05:00')).toBe('2025-03-14');
    expect(at('2025-03-13')).toBe('2025-03-13');
  });

  test('rejects a publication day that is not on the calendar instead of rolling it over', () => {
    const { listing, diagnostics } = parseDailyPapers(FILE, body([item('2503.00012', 'Day', { publishedAt: '2025-02-30T00:00:00.000Z' })]));
    expect(listing).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ path: '[0].paper.publishedAt', message: expect.stringContaining('expected an ISO 8601 date') });
  });

  test('drops repeated and blank keywords but keeps their order', () => {
    const { listing } = parseDailyPapers(FILE, body([item('2503.00005', 'Keywords', { ai_keywords: ['b', ' a ', 'b', '', 'a'] })]));
    expect(listing!.entries[0]!.paper?.keywords).toEqual(['b', 'a']);
  });

  test('leaves out an empty author name with a warning and keeps the others', () => {
    const { listing, diagnostics } = parseDailyPapers(FILE, body([item('2503.00006', 'Authors', { authors: [{ name: 'Ana Berg' }, { name: '  ' }, { name: 'Bo\tChen' }] })]));
    expect(listing!.entries[0]!.paper?.authors).toEqual(['Ana Berg', 'Bo Chen']);
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', path: '[0].paper.authors[1].name' })]);
  });

  test('stores a kept link as the URL parser normalises it', () => {
    const { listing } = parseDailyPapers(FILE, body([item('2503.00007', 'Links', { githubRepo: 'HTTPS://GitHub.com/a/b', projectPage: 'http://example.org' })]));
    expect(listing!.entries[0]!.paper).toMatchObject({ githubRepo: 'https://github.com/a/b', projectPage: 'http://example.org/' });
  });

  test('rejects a paper with more authors than MAX_AUTHORS', () => {
    const authors = Array.from({ length: MAX_AUTHORS + 1 }, (_, i) => ({ name: `Author ${i}` }));
    const { listing, diagnostics } = parseDailyPapers(FILE, body([item('2503.00008', 'Crowd', { authors })]));
    expect(listing).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ path: '[0].paper.authors', message: expect.stringContaining(`limit ${MAX_AUTHORS}`) });
  });

  test('ignores fields it does not use, whatever they hold', () => {
    const odd = { ...item('2503.00009', 'Odd'), thumbnail: 42, submittedBy: 'javascript:alert(1)', mediaUrls: [null], extra: { deep: [1] } };
    const { listing, diagnostics } = parseDailyPapers(FILE, body([odd]));
    expect(diagnostics).toEqual([]);
    expect(listing!.entries[0]!.paper).toEqual({ arxivId: '2503.00009' });
  });

  test('names a key that is not an identifier in quotes in the JSON path', () => {
    const { diagnostics } = parseDailyPapers(FILE, body([{ paper: { id: '2503.00010', title: 'T', summary: 'S', authors: [{ name: null }] } }]));
    expect(diagnostics[0]?.path).toBe('[0].paper.authors[0].name');
  });

  test('refuses a .txt file name, which belongs to the text format', () => {
    expect(parseDailyPapers('content/listings/2025-03-14.txt', body([item('2503.00011', 'T')])).diagnostics[0]?.message).toBe('the file name is not a listing day');
  });
});

describe('decodeDailyPapers', () => {
  test('returns the JSON value and the text of a valid file, so an empty day can be told apart', () => {
    expect(decodeDailyPapers(FILE, Buffer.from('[]'))).toEqual({ data: [], text: '[]' });
  });
});

describe('cleanJsonText', () => {
  test('collapses spaces, tabs and line breaks, trims, and composes to NFC without decoding entities', () => {
    expect(cleanJsonText('  a\n\tb\r\n  c ')).toBe('a b c');
    expect(cleanJsonText('cafe\u0301')).toBe('caf\u00e9');
    expect(cleanJsonText('&amp;lt;')).toBe('&amp;lt;');
  });
});

describe('normalizeArxivId', () => {
  test.each([
    ['2503.01234', '2503.01234'],
    ['2503.01234v2', '2503.01234'],
    [' 1706.03762 ', '1706.03762'],
    ['1412.6980', '1412.6980'],
    ['0704.0001', '0704.0001'],
  ])('reads %j as %j', (raw, id) => {
    expect(normalizeArxivId(raw)).toBe(id);
  });

  test.each(['2503.1234', '1412.12345', '2513.00001', '2500.00001', 'hep-th/9901001', 'arXiv:2503.01234', '2503.01234v', '2503.01234v0', '', 'javascript:alert(1)'])('refuses %j', (raw) => {
    expect(normalizeArxivId(raw)).toBeUndefined();
  });
});

describe('listing file names and diagnostics shared with the text format', () => {
  test('reads the day from a .json listing name as from a .txt one', () => {
    expect(dateFromFileName('content/listings/2025-03-14.json')).toBe('2025-03-14');
    expect(dateFromFileName('2025-02-29.json')).toBeUndefined();
    expect(dateFromFileName('2025-03-14.json.tmp')).toBeUndefined();
  });

  test('keeps parseListing for .txt files only', () => {
    expect(parseListing('content/listings/2025-03-11.json', 'Mar 11\n\nT\n\nA\n').diagnostics[0]?.message).toBe('the file name is not a listing day');
  });

  test('formats a diagnostic without a path exactly as before', () => {
    const d: Diagnostic = { severity: 'error', file: 'content/listings/2025-03-12.txt', line: 14, message: 'the title "Foo" has no abstract after it', hint: 'add the abstract line after the title, or delete the title' };
    expect(formatDiagnostic(d)).toBe('content/listings/2025-03-12.txt:14: error: the title "Foo" has no abstract after it\n  fix: add the abstract line after the title, or delete the title');
    expect(formatDiagnostic({ ...d, line: 0 })).toBe('content/listings/2025-03-12.txt: error: the title "Foo" has no abstract after it\n  fix: add the abstract line after the title, or delete the title');
  });

  test('formats a diagnostic with a JSON path after the file', () => {
    const d: Diagnostic = { severity: 'error', file: FILE, line: 0, path: '[3].paper.title', message: 'what', hint: 'how' };
    expect(formatDiagnostic(d)).toBe('content/listings/2025-03-14.json: [3].paper.title: error: what\n  fix: how');
  });
});
