/**
 * MDX safety: hostile listing text must come out of the generator as inert
 * frontmatter data, never as ESM, expressions, JSX or HTML, and must read
 * back exactly as it went in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { cleanArtefacts } from '../../src/lib/text/artefacts.ts';
import { describe, expect, test } from 'vitest';
import { composePapers } from '../../src/lib/generate/compose.ts';
import { foldTitle } from '../../src/lib/papers/merge.ts';
import { parseListing } from '../../src/lib/listing/parse.ts';
import type { Listing } from '../../src/lib/listing/schema.ts';
import { joinPaperFile, splitPaperFile, toYaml } from '../../src/lib/mdx/file.ts';
import { EXECUTABLE_NODE_TYPES, findExecutableNodes, readBackGenerated } from '../../src/lib/mdx/inspect.ts';
import { paperYaml, readPaperYaml } from '../../src/lib/mdx/paperYaml.ts';
import { PaperFrontmatter } from '../../src/lib/papers/schema.ts';
import { parse as parseYaml } from 'yaml';
import { makeListing } from '../support/listings.ts';
import { HOSTILE, taxonomy } from '../support/mdxHostile.ts';

/** Composes one paper per input pair and returns every file as it would be written. */
function compose(listings: readonly Listing[]) {
  const composed = composePapers(listings, taxonomy, { papers: [] });
  return [...composed.files].map(([name, frontmatter]) => ({ name, text: joinPaperFile({ frontmatter, body: '' }) }));
}

/** Asserts the generated files hold no executable nodes and read back as exactly the input text. */
function expectSafeRoundTrip(listing: Listing): void {
  const files = compose([listing]);
  // One paper per title, case and spacing folded (the identity of a paper without an arXiv id).
  expect(files).toHaveLength(new Set(listing.entries.map((e) => foldTitle(e.title))).size);
  // Text comes back exactly, less the documented clean-up of known scraping artefacts.
  const byTitle = new Map(listing.entries.map((e) => [cleanArtefacts(e.title), cleanArtefacts(e.abstract)]));
  for (const { name, text } of files) {
    expect(findExecutableNodes(text), name).toEqual([]);
    const data = PaperFrontmatter.parse(readBackGenerated(text));
    expect(byTitle.has(data.title), `${name} title ${JSON.stringify(data.title)}`).toBe(true);
    expect(data.abstract).toBe(byTitle.get(data.title));
  }
}

describe('findExecutableNodes and readBackGenerated', () => {
  test('finds ESM, expressions and JSX in an MDX body, proving the inspector sees them', () => {
    const text = '---\ntitle: "x"\n---\nimport x from "y"\n\nexport const a = 1\n\n{process.exit(1)}\n\n<script>alert(1)</script>\n\nText {1} and <b>bold</b>.\n';
    expect(findExecutableNodes(text).sort()).toEqual(
      ['mdxFlowExpression', 'mdxJsxTextElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm', 'mdxjsEsm'].sort(),
    );
    for (const type of findExecutableNodes(text)) expect(EXECUTABLE_NODE_TYPES.has(type)).toBe(true);
  });

  test('refuses to read back a file whose body is anything but empty', () => {
    expect(() => readBackGenerated('---\ntitle: "x"\n---\nimport x from "y"\n')).toThrow(/instead of a single frontmatter block/);
    expect(() => readBackGenerated('title: x\n')).toThrow(/instead of a single frontmatter block/);
  });

  test('shows why text must never be templated into an MDX body: a paragraph starting with import runs as ESM', () => {
    expect(findExecutableNodes('---\ntitle: "x"\n---\nimport x from "y"\n')).toEqual(['mdxjsEsm']);
  });
});

describe('toYaml', () => {
  test('double-quotes every string so no scalar is read as a number, boolean, date, tag or alias', () => {
    const values = ['null', 'true', '1e3', '2025-03-11', '~', '*alias', '&anchor', '!!js/function "f"', '? k', '- x', '"', "'", '#', ': x', 'a: b'];
    for (const value of values) {
      const yaml = toYaml({ title: value });
      expect(yaml.startsWith('title: "')).toBe(true);
      expect(readBackGenerated(joinPaperFile({ frontmatter: yaml, body: '' }))).toEqual({ title: value });
    }
  });

  test('writes line breaks inside a string as escapes, so --- can never close the frontmatter early', () => {
    const yaml = toYaml({ title: 'a\n---\nimport x from "y"\n' });
    expect(yaml).toBe('title: "a\\n---\\nimport x from \\"y\\"\\n"\n');
    expect(splitPaperFile(joinPaperFile({ frontmatter: yaml, body: '' }))).toEqual({ frontmatter: yaml, body: '' });
  });
});

describe('composePapers with hostile titles and abstracts', () => {
  test.each(HOSTILE.map((text) => [JSON.stringify(text), text]))('keeps %s inert and exact as a title and as an abstract', (_, text) => {
    expectSafeRoundTrip(
      makeListing('2025-03-11', [
        { title: text, abstract: `Abstract: ${text}` },
        { title: `Title: ${text}`, abstract: text },
        { title: `${text} ${text}`, abstract: `${text}\n${text}` },
      ]),
    );
  });

  test('keeps every hostile piece inert in one listing of many papers', () => {
    expectSafeRoundTrip(makeListing('2025-03-11', HOSTILE.map((text, i) => ({ title: `${i}: ${text}`, abstract: [...HOSTILE.slice(i), ...HOSTILE.slice(0, i)].join(' ') }))));
  });

  test('writes file names that are plain slugs, whatever the title', () => {
    const files = compose([makeListing('2025-03-11', HOSTILE.map((t, i) => `${t} ${i}`))]);
    for (const { name } of files) expect(name).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*\.mdx$/);
  });

  test('keeps hostile text inert all the way from listing bytes to written file', () => {
    const pairs = HOSTILE.filter((t) => !/[\n\u2028\u2029\u202e]/.test(t) && t.trim() !== '' && t !== '---' && !/^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(t));
    const text = `new\n\nMar 11\n\n${pairs.map((t, i) => `${t} (${i})\n\n${t} ${t}`).join('\n\n')}\n`;
    const { listing, diagnostics } = parseListing('content/listings/2025-03-11.txt', text);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(listing!.entries).toHaveLength(pairs.length);
    // Entities are decoded once by the parser; the decoded text is what must survive.
    const bold = pairs.indexOf('&lt;b&gt;');
    expect(listing!.entries[bold]).toMatchObject({ title: `<b> (${bold})`, abstract: '<b> <b>' });
    expect(listing!.entries[pairs.indexOf('&amp;')]!.title).toBe(`& (${pairs.indexOf('&amp;')})`);
    expectSafeRoundTrip(listing!);
  });

  test('round-trips random strings built from hostile pieces verbatim', () => {
    const piece = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
      { weight: 1, arbitrary: fc.constantFrom(' ', '\n', '\r\n', '\t', '"', "'", '\\', '{', '}', '<', '>', '`', '$', ':', '#', '-', '&', '!', '|', '%', '@') },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
    );
    const text = fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')).filter((s) => s.length > 0);
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ title: text, abstract: text }), { minLength: 1, maxLength: 4, selector: (p) => p.title }), (papers) => {
        expectSafeRoundTrip(makeListing('2025-03-11', papers));
      }),
      { numRuns: 300 },
    );
  });
});

describe('paperYaml', () => {
  /** Frontmatter as the schema returns it, with its key order. */
  const frontmatter = (title: string, abstract: string, rule = 'fallback', rank = 1) =>
    PaperFrontmatter.parse({
      title,
      abstract,
      firstSeen: '2025-03-11',
      listings: [{ date: '2025-03-11', rank }, { date: '2025-03-12', rank: rank + 1 }],
      topics: [{ topic: 'misc', rule, field: 'fallback' }, { topic: 'security', rule: 'script', field: 'abstract' }],
    });

  /** Escapes `yaml` writes its own way, and neighbours that must stay as JSON writes them. */
  const TRAPS = ['\u0000', '\u0007', '\u000b', '\u001b', '\u0001', '\u001f', '\u007f', '\u0085', '\u00a0', '\u2028', '\u2029', '\ud800', '\udfff', '\ud83d\ude80', '\b', '\f', '\r', '\t', '\\u0000', '\\\\u', '\\x41', '\\', '"', ' \n', '\n ', '\n'];

  test('writes what the yaml serializer writes for every hostile and escaped string', () => {
    for (const text of [...HOSTILE, ...TRAPS, ...TRAPS.map((t) => `a${t}b${t}`)]) {
      const data = frontmatter(`T ${text}`, `${text} abstract`, `${text}rule`);
      expect(paperYaml(data), JSON.stringify(text)).toBe(toYaml(data));
    }
  });

  /** Random frontmatter: binary strings, escape traps, hostile text, lists and ranks. */
  const text = fc.oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
    fc.array(fc.constantFrom(...TRAPS, ...HOSTILE, 'x', ' '), { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')),
  );
  const data = fc.record({
    title: text,
    abstract: text,
    firstSeen: fc.constant('2025-03-11'),
    listings: fc.array(fc.record({ date: fc.constant('2025-03-11'), rank: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constant(Number.MAX_SAFE_INTEGER)) }), { minLength: 1, maxLength: 3 }),
    topics: fc.array(fc.record({ topic: text, rule: text, field: fc.constantFrom('title' as const, 'abstract' as const, 'fallback' as const) }), { minLength: 1, maxLength: 4 }),
  });
  test('writes what the yaml serializer writes for random strings, lists and ranks', () => {
    fc.assert(
      fc.property(data, (d) => {
        const parsed = PaperFrontmatter.parse(d);
        expect(paperYaml(parsed)).toBe(toYaml(parsed));
      }),
      { numRuns: 2000 },
    );
  });

  test('writes the seed listing byte for byte as the yaml serializer does', () => {
    const { listing } = parseListing('content/listings/2025-03-11.txt', readFileSync(join(import.meta.dirname, '../../content/listings/2025-03-11.txt')));
    const composed = composePapers([listing!], taxonomy, { papers: [] });
    expect(composed.files.size).toBe(92);
    for (const [file, yaml] of composed.files) expect(yaml, file).toBe(toYaml(composed.data.get(file)));
  });

  // readPaperYaml: the content loader's fast path, which must never read differently from yaml.
  test('reads every hostile and escaped string as the yaml parser does, declining at most strings with a line feed', () => {
    for (const text of [...HOSTILE, ...TRAPS, ...TRAPS.map((t) => `a${t}b${t}`)]) {
      const yaml = paperYaml(frontmatter(`T ${text}`, `${text} abstract`, `${text}rule`));
      const read = readPaperYaml(yaml);
      if (read !== undefined || !text.includes('\n')) expect(read, JSON.stringify(text)).toEqual(parseYaml(yaml));
    }
  });

  test('reads the seed listing\'s 92 generated files as the yaml parser does', () => {
    const { listing } = parseListing('content/listings/2025-03-11.txt', readFileSync(join(import.meta.dirname, '../../content/listings/2025-03-11.txt')));
    const composed = composePapers([listing!], taxonomy, { papers: [] });
    for (const [file, yaml] of composed.files) expect(readPaperYaml(yaml), file).toEqual(parseYaml(yaml));
  });

  test('on text edited by hand in any way, returns what the yaml parser returns or declines', () => {
    const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 3 }), insert: fc.constantFrom('', ' ', '#', "'", '"', '\\', '\n', '\r\n', ':', '- ', 'x', '0', '\t', '\\x4', '\\u00e9', '&a ', '!!str ', '  ') });
    fc.assert(
      fc.property(data, fc.array(edit, { minLength: 1, maxLength: 3 }), (d, edits) => {
        let text = paperYaml(PaperFrontmatter.parse(d));
        for (const { at, cut, insert } of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i + cut);
        }
        const read = readPaperYaml(text);
        if (read === undefined) return;
        let parsed: unknown;
        try {
          parsed = parseYaml(text);
        } catch {
          throw new Error(`the fast path read text the yaml parser refuses: ${JSON.stringify(text)}`);
        }
        expect(read).toEqual(parsed);
      }),
      { numRuns: 3000 },
    );
  });

  test('reads random generated frontmatter exactly as the yaml parser does, declining at most strings with a line feed', () => {
    fc.assert(
      fc.property(data, (d) => {
        const yaml = paperYaml(PaperFrontmatter.parse(d));
        const read = readPaperYaml(yaml);
        if (read !== undefined || !JSON.stringify(d).includes('\\n')) expect(read).toEqual(parseYaml(yaml));
      }),
      { numRuns: 2000 },
    );
  });
});
