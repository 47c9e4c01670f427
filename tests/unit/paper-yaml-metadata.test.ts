/**
 * The exact YAML writer and reader of paper frontmatter (src/lib/mdx/paperYaml.ts)
 * with what JSON listings add: arXiv id, publication day, authors, links and
 * upvotes. The writer must give the yaml serializer's bytes and the reader
 * the yaml parser's data, for hostile text too.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { toYaml } from '../../src/lib/mdx/file.ts';
import { paperYaml, readPaperYaml } from '../../src/lib/mdx/paperYaml.ts';
import { PaperFrontmatter } from '../../src/lib/papers/schema.ts';

const TRAPS = ['\u0000', '\u0085', '\u00a0', '\u2028', '\ud800', '\ud83d\ude80', '\\', '"', '<script>alert(1)</script>', '{x}', 'import x from "y"', '- ', ': ', '#', "'"];
const text = fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), fc.array(fc.constantFrom(...TRAPS, 'x', ' '), { minLength: 1, maxLength: 6 }).map((p) => p.join('')));

const data = fc.record(
  {
    title: text,
    abstract: text,
    firstSeen: fc.constant('2025-03-11'),
    listings: fc.array(fc.record({ date: fc.constant('2025-03-11'), rank: fc.integer({ min: 1, max: 100 }), upvotes: fc.option(fc.nat({ max: 5000 }), { nil: undefined }) }, { requiredKeys: ['date', 'rank'] }), { minLength: 1, maxLength: 3 }),
    topics: fc.array(fc.record({ topic: text, rule: text, field: fc.constantFrom('title' as const, 'abstract' as const, 'fallback' as const) }), { minLength: 1, maxLength: 2 }),
    arxivId: fc.constantFrom('2503.10001', '1706.03762', '0704.0001'),
    published: fc.constant('2025-03-10'),
    authors: fc.array(text, { minLength: 1, maxLength: 6 }),
    links: fc.record({ code: fc.constantFrom('https://github.com/a/b', 'http://x.org/a?b=c&d=e#f'), project: fc.constant('https://example.org/p"q') }, { requiredKeys: [] }),
  },
  { requiredKeys: ['title', 'abstract', 'firstSeen', 'listings', 'topics'] },
);

describe('paper frontmatter with arXiv metadata', () => {
  test('is written byte for byte as the yaml serializer writes it, and read back as the yaml parser reads it', () => {
    fc.assert(
      fc.property(data, (d) => {
        const parsed = PaperFrontmatter.safeParse(d);
        // Links the schema refuses (an empty object is allowed) never reach the writer.
        if (!parsed.success) return;
        const yaml = paperYaml(parsed.data);
        expect(yaml).toBe(toYaml(parsed.data));
        const read = readPaperYaml(yaml);
        if (read !== undefined) expect(read).toEqual(parseYaml(yaml));
      }),
      { numRuns: 1500 },
    );
  });

  test('is read by the exact reader whenever no string holds a line feed', () => {
    const frontmatter = PaperFrontmatter.parse({
      title: 'A title',
      abstract: 'An abstract.',
      firstSeen: '2025-03-14',
      listings: [{ date: '2025-03-14', rank: 3, upvotes: 41 }],
      topics: [{ topic: 'machine-learning', rule: 'fallback', field: 'fallback' }],
      arxivId: '2503.10001',
      published: '2025-03-12',
      authors: ['Ada Lovelace', '<b>Bold</b> Name'],
      links: { code: 'https://github.com/x/y' },
    });
    expect(readPaperYaml(paperYaml(frontmatter))).toEqual(frontmatter);
  });

  test('refuses a link that is not http(s) and an empty author list', () => {
    const base = { title: 't', abstract: 'a', firstSeen: '2025-03-14', listings: [{ date: '2025-03-14', rank: 1 }], topics: [{ topic: 'x', rule: 'fallback', field: 'fallback' }] };
    expect(PaperFrontmatter.safeParse({ ...base, links: { project: 'javascript:alert(1)' } }).success).toBe(false);
    expect(PaperFrontmatter.safeParse({ ...base, links: { code: 'data:text/html,x' } }).success).toBe(false);
    expect(PaperFrontmatter.safeParse({ ...base, authors: [] }).success).toBe(false);
    expect(PaperFrontmatter.safeParse({ ...base, arxivId: '2503.10001v2' }).success).toBe(false);
  });
});
