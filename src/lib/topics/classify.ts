/**
 * Give a paper its topics from the taxonomy's keyword rules, keeping the
 * rule that matched so a page can show why a topic applies.
 */
import { compileNeedles, findNeedles, type NeedleHits, type NeedleSet } from './needles.ts';
import type { Taxonomy, TopicMatch } from './schema.ts';

/** One compiled keyword. */
interface CompiledKeyword {
  keyword: string;
  pattern: RegExp;
  /** Ids (in CompiledTaxonomy.needles) of the needles every match contains; none for a keyword without ASCII. */
  needles: number[];
  /**
   * For a keyword that starts with an ASCII letter or digit: its first run,
   * with which every match starts (and starts a word), and the pattern made
   * sticky, to try at those places only.
   */
  start?: { needle: number; sticky: RegExp };
}

/** A taxonomy with its keywords compiled, built once per run. */
export interface CompiledTaxonomy {
  taxonomy: Taxonomy;
  rules: { slug: string; keywords: CompiledKeyword[] }[];
  /** The needles of every keyword, searched for once per text. */
  needles: NeedleSet;
}

/** Escapes a string for use inside a regular expression. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Compiles a keyword to a whole-word, case-insensitive pattern. */
export function compileKeyword(keyword: string): RegExp {
  const stem = keyword.endsWith('*');
  const body = escapeRegExp(stem ? keyword.slice(0, -1) : keyword).replace(/\s+/g, '\\s+').replace(/-/g, '[-\\s]?');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${stem ? '[\\p{L}\\p{N}]*' : ''}(?![\\p{L}\\p{N}])`, 'giu');
}

/**
 * The runs of ASCII letters and digits in a keyword, lower-cased. Each such
 * character of the pattern matches one character of the text that reads as
 * it (see needles.ts), so every run appears in any text the pattern matches;
 * white space, hyphens, punctuation, other scripts and the trailing star may
 * match differently and are left out.
 */
export function keywordNeedles(keyword: string): string[] {
  // Runs are taken before lower-casing: lower case turns some other letters (U+0130, U+212A) into ASCII.
  const runs = (keyword.endsWith('*') ? keyword.slice(0, -1) : keyword).match(/[A-Za-z0-9]+/g) ?? [];
  return [...new Set(runs.map((r) => r.toLowerCase()))];
}

/** Compiles every rule of a taxonomy. */
export function compileTaxonomy(taxonomy: Taxonomy): CompiledTaxonomy {
  const ids = new Map<string, number>();
  const idOf = (needle: string): number => {
    if (!ids.has(needle)) ids.set(needle, ids.size);
    return ids.get(needle)!;
  };
  const starting = new Set<number>();
  const compile = (keyword: string): CompiledKeyword => {
    const pattern = compileKeyword(keyword);
    const compiled: CompiledKeyword = { keyword, pattern, needles: keywordNeedles(keyword).map(idOf) };
    const first = /^[A-Za-z0-9]+/.exec(keyword)?.[0];
    if (first !== undefined) {
      compiled.start = { needle: idOf(first.toLowerCase()), sticky: new RegExp(pattern.source, 'iuy') };
      starting.add(compiled.start.needle);
    }
    return compiled;
  };
  const rules = taxonomy.topics.map((t) => ({ slug: t.slug, keywords: t.keywords.map(compile) }));
  return { taxonomy, rules, needles: compileNeedles([...ids.keys()], starting) };
}

/**
 * Counts the matches of a keyword in text, as `text.match(pattern).length`
 * does. A text without every needle has none. For a keyword that starts with
 * its first run, a global search tries every position from the end of the
 * last match on, and the pattern can only match where that run starts a
 * word (its lookbehind wants no letter or digit before); trying those
 * positions alone, in order, finds the same matches without scanning the text.
 */
function countMatches(keyword: CompiledKeyword, text: string, hits: NeedleHits): number {
  for (const id of keyword.needles) if (hits.found[id] === 0) return 0;
  if (keyword.start === undefined) {
    keyword.pattern.lastIndex = 0;
    return text.match(keyword.pattern)?.length ?? 0;
  }
  const { needle, sticky } = keyword.start;
  let matches = 0;
  let from = 0;
  for (const at of hits.starts[needle] ?? []) {
    if (at < from) continue;
    sticky.lastIndex = at;
    if (sticky.test(text)) {
      matches++;
      from = sticky.lastIndex;
    }
  }
  return matches;
}

/**
 * Classifies one paper. A keyword in the title weighs 3, each distinct
 * keyword in the abstract 1, repeats a little; a topic needs a score of 2.
 * The best `maxTopicsPerPaper` win, strongest first (ties in taxonomy order); a paper nothing
 * matches gets the fallback topic.
 */
export function classify(compiled: CompiledTaxonomy, title: string, abstract: string): TopicMatch[] {
  const titleHits = findNeedles(compiled.needles, title);
  const abstractHits = findNeedles(compiled.needles, abstract);
  const scored: { match: TopicMatch; score: number; order: number }[] = [];
  compiled.rules.forEach((rule, order) => {
    let score = 0;
    let best: { keyword: string; field: 'title' | 'abstract'; weight: number } | undefined;
    for (const compiledKeyword of rule.keywords) {
      const { keyword } = compiledKeyword;
      const inTitle = countMatches(compiledKeyword, title, titleHits);
      const inAbstract = countMatches(compiledKeyword, abstract, abstractHits);
      if (inTitle > 0) score += 3;
      if (inAbstract > 0) score += 1 + Math.min(inAbstract - 1, 2) * 0.5;
      const weight = inTitle > 0 ? 100 + inTitle : inAbstract;
      if (weight > 0 && (!best || weight > best.weight)) {
        best = { keyword, field: inTitle > 0 ? 'title' : 'abstract', weight };
      }
    }
    if (best && score >= 2) scored.push({ match: { topic: rule.slug, rule: best.keyword, field: best.field }, score, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  const chosen = scored.slice(0, compiled.taxonomy.maxTopicsPerPaper);
  if (chosen.length === 0) return [{ topic: compiled.taxonomy.fallback, rule: 'fallback', field: 'fallback' }];
  return chosen.map((c) => c.match);
}
