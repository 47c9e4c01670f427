/**
 * Topic classification against the real taxonomy, and the taxonomy's own
 * validation and error messages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { projectPaths, readTaxonomy } from '../../src/lib/io/projectFiles.ts';
import { parseConfigText } from '../../src/lib/io/readConfigFile.ts';
import { InputError } from '../../src/lib/listing/diagnostics.ts';
import { parseListing } from '../../src/lib/listing/parse.ts';
import { classify, compileKeyword, compileTaxonomy, keywordNeedles, type CompiledTaxonomy } from '../../src/lib/topics/classify.ts';
import { compileNeedles, findNeedles, symbolOf } from '../../src/lib/topics/needles.ts';
import { Taxonomy, type TopicMatch } from '../../src/lib/topics/schema.ts';
import { inputError } from '../support/inputError.ts';

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

/** classify as it was before the needle prefilter: every pattern over every text. */
function classifyEveryPattern(compiled: CompiledTaxonomy, title: string, abstract: string): TopicMatch[] {
  const count = (pattern: RegExp, text: string) => {
    pattern.lastIndex = 0;
    return text.match(pattern)?.length ?? 0;
  };
  const scored: { match: TopicMatch; score: number; order: number }[] = [];
  compiled.rules.forEach((rule, order) => {
    let score = 0;
    let best: { keyword: string; field: 'title' | 'abstract'; weight: number } | undefined;
    for (const { keyword, pattern } of rule.keywords) {
      const inTitle = count(pattern, title);
      const inAbstract = count(pattern, abstract);
      if (inTitle > 0) score += 3;
      if (inAbstract > 0) score += 1 + Math.min(inAbstract - 1, 2) * 0.5;
      const weight = inTitle > 0 ? 100 + inTitle : inAbstract;
      if (weight > 0 && (!best || weight > best.weight)) best = { keyword, field: inTitle > 0 ? 'title' : 'abstract', weight };
    }
    if (best && score >= 2) scored.push({ match: { topic: rule.slug, rule: best.keyword, field: best.field }, score, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  const chosen = scored.slice(0, compiled.taxonomy.maxTopicsPerPaper);
  return chosen.length === 0 ? [{ topic: compiled.taxonomy.fallback, rule: 'fallback', field: 'fallback' }] : chosen.map((c) => c.match);
}

describe('the needle prefilter', () => {
  const SYMBOLS = 'abcdefghijklmnopqrstuvwxyz0123456789';

  test('reads a code point as an ASCII letter or digit exactly when a case-insensitive Unicode pattern of it matches', () => {
    const anySymbol = /^[a-z0-9]$/iu;
    const matched: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const char = String.fromCodePoint(cp);
      const symbol = char.length === 1 ? symbolOf(cp) : -1;
      if (!anySymbol.test(char)) {
        if (symbol !== -1) throw new Error(`U+${cp.toString(16)} reads as ${SYMBOLS[symbol]} but no pattern letter matches it`);
        continue;
      }
      const letters = [...SYMBOLS].filter((c) => new RegExp(`^${c}$`, 'iu').test(char));
      expect(letters, `U+${cp.toString(16)}`).toHaveLength(1);
      expect(SYMBOLS[symbol], `U+${cp.toString(16)}`).toBe(letters[0]);
      matched.push(char);
    }
    // ASCII in both cases, LONG S and KELVIN SIGN; nothing else folds to ASCII.
    expect(matched.length).toBe(26 * 2 + 10 + 2);
  });

  test('takes the ASCII runs of a keyword, lower-cased, leaving out the star, spaces, hyphens and other scripts', () => {
    expect(keywordNeedles('language model*')).toEqual(['language', 'model']);
    expect(keywordNeedles('Q-learning')).toEqual(['q', 'learning']);
    expect(keywordNeedles('C++')).toEqual(['c']);
    expect(keywordNeedles('e.g.')).toEqual(['e', 'g']);
    expect(keywordNeedles('naïve bayes')).toEqual(['na', 've', 'bayes']);
    expect(keywordNeedles('机器学习')).toEqual([]);
  });

  test('finds the needles and the word starts that a plain substring search finds in the text read that way', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcrls3'), minLength: 1, maxLength: 4 });
    const text = fc.string({ unit: fc.constantFrom(...'aAbBcCrRlLsS3 -\u017f\u212a\u0130é\n\ud83d\ude80'), maxLength: 40 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 8 }), text, fc.boolean(), (needles, t, wantStarts) => {
        // One code unit per character read, as the automaton reads them.
        const read = Array.from({ length: t.length }, (_, i) => (symbolOf(t.charCodeAt(i)) < 0 ? ' ' : SYMBOLS[symbolOf(t.charCodeAt(i))])).join('');
        const hits = findNeedles(compileNeedles(needles, wantStarts ? needles.keys() : []), t);
        needles.forEach((needle, id) => {
          expect(hits.found[id], `${needle} in ${JSON.stringify(t)}`).toBe(read.includes(needle) ? 1 : 0);
          const starts = [...read.matchAll(new RegExp(`(?<=^| )(?=${needle})`, 'g'))].map((m) => m.index);
          expect(hits.starts[id] ?? [], `${needle} starts in ${JSON.stringify(t)}`).toEqual(wantStarts ? starts : []);
        });
      }),
      { numRuns: 1000 },
    );
  });

  test('counts matches that overlap a later word start as one, as a global search does', () => {
    const own = compileTaxonomy({
      maxTopicsPerPaper: 4,
      fallback: 'misc',
      topics: [
        { slug: 'misc', name: 'Misc', description: 'Rest.', keywords: ['zzz'] },
        { slug: 'go', name: 'Go', description: 'Go.', keywords: ['go go*', 'x-ray'] },
      ],
    });
    for (const [title, abstract] of [['Nothing', 'go go go gone, go go go go'], ['go go go', 'x-ray xray x ray ſx-ray ex-ray']]) {
      expect(classify(own, title!, abstract!)).toEqual(classifyEveryPattern(own, title!, abstract!));
    }
    // Two matches ("go go", "go gone"), not three: a score of 1.5, too weak for the topic.
    expect(classify(own, 'Nothing', 'go go go gone')).toEqual([{ topic: 'misc', rule: 'fallback', field: 'fallback' }]);
    expect(classify(own, 'Nothing', 'go go go gone go go')).toEqual([{ topic: 'go', rule: 'go go*', field: 'abstract' }]);
  });

  test('classifies every seed paper as running every pattern does', () => {
    for (const entry of seed.entries) expect(classify(compiled, entry.title, entry.abstract)).toEqual(classifyEveryPattern(compiled, entry.title, entry.abstract));
  });

  test('classifies random text made of keyword pieces and case-folding traps as running every pattern does', () => {
    const keywords = taxonomy.topics.flatMap((t) => t.keywords.map((k) => k.replace(/\*$/, '')));
    const piece = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...keywords) },
      { weight: 2, arbitrary: fc.constantFrom(' ', '  ', '-', '\n', 's', 'ing', 'S', 'K', '\u017f', '\u212a', '\u0130', 'é', '’s', '.', '3', 'x') },
      { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
    );
    const text = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));
    const cased = text.chain((t) => fc.constantFrom(t, t.toUpperCase(), t.toLowerCase(), t.replaceAll('s', '\u017f').replaceAll('k', '\u212a')));
    fc.assert(
      fc.property(cased, cased, (title, abstract) => {
        expect(classify(compiled, title, abstract)).toEqual(classifyEveryPattern(compiled, title, abstract));
      }),
      { numRuns: 2000 },
    );
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

describe('config file errors', () => {
  // parseConfigText is what readConfigFile runs on the file's text (tests/integration/config-file.test.ts reads a real file).
  const file = '/project/content/topics.yaml';
  const HINT = 'see the comment at the top of content/topics.yaml for the format';

  /** Parses `text` as the taxonomy file and returns the error it must raise. */
  function readBad(text: string): InputError {
    return inputError(() => parseConfigText(file, text, Taxonomy, HINT));
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
