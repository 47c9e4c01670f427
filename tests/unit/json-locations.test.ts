/**
 * jsonLocations: JSON paths as people read them, and where values and
 * errors are in a JSON file, checked against JSON.parse as the oracle.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { firstJsonError, formatJsonPath, lineAndColumn, lineOfEveryValue } from '../../src/lib/listing/jsonLocations.ts';

/** Every path of a parsed JSON value, formatted, root included. */
function allPaths(value: unknown, path: PropertyKey[] = []): string[] {
  const own = formatJsonPath(path);
  if (Array.isArray(value)) return [own, ...value.flatMap((v, i) => allPaths(v, [...path, i]))];
  if (value !== null && typeof value === 'object') return [own, ...Object.entries(value).flatMap(([k, v]) => allPaths(v, [...path, k]))];
  return [own];
}

describe('formatJsonPath', () => {
  test('writes indexes in brackets and identifier keys after dots', () => {
    expect(formatJsonPath([3, 'paper', 'authors', 0, 'name'])).toBe('[3].paper.authors[0].name');
    expect(formatJsonPath([])).toBe('');
    expect(formatJsonPath(['paper'])).toBe('paper');
  });

  test('quotes keys that are not identifiers', () => {
    expect(formatJsonPath([0, 'a key', 'x.y', ''])).toBe('[0]["a key"]["x.y"][""]');
  });
});

describe('lineAndColumn', () => {
  test('counts LF, CRLF and CR line endings once each', () => {
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\r\ncd', 5)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\rcd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab', 0)).toEqual({ line: 1, column: 1 });
  });
});

describe('lineOfEveryValue', () => {
  test('gives the line each value starts on', () => {
    const text = '[\n  {\n    "a": 1,\n    "b": [\n      "x"\n    ]\n  }\n]';
    expect(Object.fromEntries(lineOfEveryValue(text))).toEqual({ '': 1, '[0]': 2, '[0].a': 3, '[0].b': 4, '[0].b[0]': 5 });
  });

  test('records values only down to maxDepth levels, but scans past them', () => {
    const text = '[\n  {"a": {"b": [1,\n 2]}},\n  {"c": 3}\n]';
    expect(Object.fromEntries(lineOfEveryValue(text, 2))).toEqual({ '': 1, '[0]': 2, '[0].a': 2, '[1]': 4, '[1].c': 4 });
  });

  test('handles escaped quotes and backslashes inside strings', () => {
    const text = '{"a\\"b": "c\\\\", "d": "\\"}\\n"}';
    expect([...lineOfEveryValue(text).keys()]).toEqual(['', '["a\\"b"]', 'd']);
  });

  test('finds every path of any JSON value, however it is indented', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 1, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const parsed = JSON.parse(text) as unknown;
        expect([...lineOfEveryValue(text).keys()].sort()).toEqual([...new Set(allPaths(parsed))].sort());
      }),
    );
  });
});

describe('firstJsonError', () => {
  test('agrees with JSON.parse on whether text is JSON', () => {
    const jsonish = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v, null, 1)),
      fc.string({ unit: fc.constantFrom(...'{}[]":,0123456789.-+eEtrufalsn \n\\u'.split('')) }),
    );
    fc.assert(
      fc.property(jsonish, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(firstJsonError(text) === undefined).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });

  test('points at the first character that breaks the grammar', () => {
    expect(firstJsonError('[1, 2,]')).toBe(6);
    expect(firstJsonError('{"a": 1} x')).toBe(9);
    expect(firstJsonError('"tab\there"')).toBe(4);
    expect(firstJsonError('[1, 2')).toBe(5);
  });
});
