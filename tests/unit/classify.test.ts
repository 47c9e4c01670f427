/**
 * Topic classification against the real taxonomy, and the taxonomy's own
 * validation and error messages.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { projectPaths, readTaxonomy } from '../../src/lib/io/projectFiles.ts';
import { parseConfigText, readConfigFile } from '../../src/lib/io/readConfigFile.ts';
import { InputError } from '../../src/lib/listing/diagnostics.ts';
import { parseListing } from '../../src/lib/listing/parse.ts';
import { classify, compileKeyword, compileTaxonomy } from '../../src/lib/topics/classify.ts';
import { Taxonomy } from '../../src/lib/topics/schema.ts';
import { inputError } from './support/inputError.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const taxonomy = readTaxonomy(projectPaths(ROOT));
const compiled = compileTaxonomy(taxonomy);
const seed = parseListing('content/listings/2025-03-11.txt', readFileSync(join(ROOT, 'content/listings/2025-03-11.txt'))).listing!;


describe('classify with the real taxonomy', () => {
  const results = seed.entries.map((e) => ({ entry: e, topics: classify(compiled, e.title, e.abstract) }));

  test('reads the real taxonomy with its fallback among its topics', () => {
    expect(taxonomy.topics.length).toBeGreaterThan(5);
    expect(taxonomy.topics.map((t) => t.slug)).toContain(taxonomy.fallback);
    expect(taxonomy.maxTopicsPerPaper).toBe(4);
  });

  test('gives every seed paper between 1 and maxTopicsPerPaper distinct topics', () => {
    for (const { topics } of results) {
      expect(topics.length).toBeGreaterThanOrEqual(1);
      expect(topics.length).toBeLessThanOrEqual(taxonomy.maxTopicsPerPaper);
      expect(new Set(topics.map((t) => t.topic)).size).toBe(topics.length);
    }
  });

  test('keeps as the rule a keyword of that topic that really occurs in the field it names', () => {
    const keywordsOf = new Map(taxonomy.topics.map((t) => [t.slug, t.keywords]));
    let checked = 0;
    for (const { entry, topics } of results) {
      for (const match of topics) {
        if (match.field === 'fallback') continue;
        expect(keywordsOf.get(match.topic)).toContain(match.rule);
        const text = match.field === 'title' ? entry.title : entry.abstract;
        expect(compileKeyword(match.rule).test(text), `${match.rule} in ${match.field} of "${entry.title}"`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(92);
  });

  test('puts seed papers in several different topics, not all in one', () => {
    const used = new Set(results.flatMap((r) => r.topics.map((t) => t.topic)));
    expect(used.size).toBeGreaterThanOrEqual(8);
  });

  test('classifies a paper by a keyword in its title', () => {
    expect(classify(compiled, 'A Study of Bayesian Neural Network Surrogates for Bayesian Optimization', 'Nothing here.')).toContainEqual({
      topic: 'probabilistic-ml',
      rule: 'Bayesian',
      field: 'title',
    });
  });

  test('uses the fallback topic when no keyword matches', () => {
    expect(classify(compiled, 'Zxqv Wibble', 'Plorp florp snarf.')).toEqual([{ topic: taxonomy.fallback, rule: 'fallback', field: 'fallback' }]);
  });

  test('needs more than one weak mention in the abstract', () => {
    expect(classify(compiled, 'Zxqv Wibble', 'We mention robots once.')).toEqual([{ topic: taxonomy.fallback, rule: 'fallback', field: 'fallback' }]);
    expect(classify(compiled, 'Zxqv Wibble', 'Robots, robots and robotic arms.')[0]).toEqual({ topic: 'robotics', rule: 'robot*', field: 'abstract' });
  });

  test('orders topics strongest first and keeps at most maxTopicsPerPaper', () => {
    const one = compileTaxonomy({ ...taxonomy, maxTopicsPerPaper: 1 });
    const title = 'Speech Robots with Reinforcement Learning for Protein Graphs';
    expect(classify(compiled, title, '').length).toBe(4);
    expect(classify(one, title, '')).toEqual([classify(compiled, title, '')[0]]);
  });
});

describe('compileKeyword', () => {
  test('matches whole words only, ignoring case', () => {
    expect(compileKeyword('RL').test('Offline rl works')).toBe(true);
    expect(compileKeyword('RL').test('CURL and world models')).toBe(false);
  });

  test('matches any ending after a trailing star', () => {
    const pattern = compileKeyword('robot*');
    expect('robots, robotic robot robo'.match(pattern)).toEqual(['robots', 'robotic', 'robot']);
  });

  test('lets a hyphen match a space or nothing, and a space match any white space', () => {
    const pattern = compileKeyword('chain-of-thought');
    expect('chain of thought, chain-of-thought, chainofthought'.match(pattern)).toHaveLength(3);
    expect(compileKeyword('language model*').test('language\n  models')).toBe(true);
  });

  test('treats regular-expression characters in keywords literally', () => {
    expect(compileKeyword('C++').test('written in C++ today')).toBe(true);
    expect(compileKeyword('e.g.').test('e_g_')).toBe(false);
  });
});

describe('Taxonomy validation', () => {
  const topic = (slug: string) => ({ slug, name: slug, description: `About ${slug}.`, keywords: [slug] });

  test('rejects a topic slug used twice', () => {
    const result = Taxonomy.safeParse({ fallback: 'alpha', topics: [topic('alpha'), topic('beta'), topic('alpha')] });
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([expect.objectContaining({ path: ['topics', 2, 'slug'], message: 'the topic slug "alpha" is used twice' })]);
  });

  test('rejects a fallback that is not a topic', () => {
    const result = Taxonomy.safeParse({ fallback: 'nowhere', topics: [topic('alpha')] });
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([expect.objectContaining({ path: ['fallback'], message: 'fallback "nowhere" is not the slug of any topic' })]);
  });

  test('defaults maxTopicsPerPaper to 4', () => {
    expect(Taxonomy.parse({ fallback: 'alpha', topics: [topic('alpha')] }).maxTopicsPerPaper).toBe(4);
  });

  test('rejects a keyword that is not a phrase of letters and digits', () => {
    expect(Taxonomy.safeParse({ fallback: 'alpha', topics: [{ ...topic('alpha'), keywords: ['(?:evil)'] }] }).success).toBe(false);
    expect(Taxonomy.safeParse({ fallback: 'alpha', topics: [{ ...topic('alpha'), keywords: ['x'] }] }).success).toBe(false);
  });
});

describe('readConfigFile errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'taxonomy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'topics.yaml');
  const HINT = 'see the comment at the top of content/topics.yaml for the format';

  /** Writes `text` as a taxonomy file and returns the error from reading it. */
  function readBad(text: string): InputError {
    writeFileSync(file, text);
    return inputError(() => readConfigFile(file, Taxonomy, HINT));
  }

  const GOOD_TOPIC = ['  - slug: alpha', '    name: Alpha', '    description: About alpha.', '    keywords: [alpha]'];

  test('names the file and the line of a duplicate slug', () => {
    const error = readBad(['fallback: alpha', 'topics:', ...GOOD_TOPIC, ...GOOD_TOPIC].join('\n'));
    expect(error.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', file, line: 7, message: 'topics.1.slug: the topic slug "alpha" is used twice', hint: HINT }),
    ]);
    expect(error.message).toContain(`${file}:7: error: topics.1.slug`);
  });

  test('names the line of an unknown fallback', () => {
    const error = readBad(['# comment', 'maxTopicsPerPaper: 2', 'fallback: beta', 'topics:', ...GOOD_TOPIC].join('\n'));
    expect(error.diagnostics).toEqual([expect.objectContaining({ file, line: 3, message: 'fallback: fallback "beta" is not the slug of any topic' })]);
  });

  test('names the line of a bad keyword deep in a list', () => {
    const error = readBad(['fallback: alpha', 'topics:', ...GOOD_TOPIC.slice(0, 3), '    keywords:', '      - alpha', '      - "(evil)"'].join('\n'));
    expect(error.diagnostics).toEqual([expect.objectContaining({ file, line: 8 })]);
    expect(error.diagnostics[0]!.message).toMatch(/^topics\.0\.keywords\.1: a keyword is letters/);
  });

  test('names the line of a value of the wrong type', () => {
    const error = readBad(['maxTopicsPerPaper: many', 'fallback: alpha', 'topics:', ...GOOD_TOPIC].join('\n'));
    expect(error.diagnostics[0]).toMatchObject({ file, line: 1 });
    expect(error.diagnostics[0]!.message).toMatch(/^maxTopicsPerPaper: /);
  });

  test('names the line of a YAML syntax error and says how to fix it', () => {
    const error = readBad(['fallback: alpha', 'topics:', '  - slug: "alpha', '    name: Alpha'].join('\n'));
    expect(error.diagnostics[0]).toMatchObject({ severity: 'error', file, hint: 'fix the syntax on this line (indentation, quotes, colons)' });
    // The string opened on line 3 runs to the end of the file, where YAML notices it.
    expect([3, 4]).toContain(error.diagnostics[0]!.line);
  });

  test('rejects a key given twice, naming the line of the repeat', () => {
    const error = inputError(() => parseConfigText('content/topics.yaml', ['fallback: alpha', 'topics: []', 'fallback: beta'].join('\n'), Taxonomy, HINT));
    expect(error.diagnostics).toEqual([expect.objectContaining({ file: 'content/topics.yaml', line: 3, message: 'Map keys must be unique' })]);
  });
});
