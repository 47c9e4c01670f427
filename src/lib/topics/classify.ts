/**
 * Give a paper its topics from the taxonomy's keyword rules, keeping the
 * rule that matched so a page can show why a topic applies.
 */
import type { Taxonomy, TopicMatch } from './schema.ts';

/** A taxonomy with its keywords compiled, built once per run. */
export interface CompiledTaxonomy {
  taxonomy: Taxonomy;
  rules: { slug: string; keywords: { keyword: string; pattern: RegExp }[] }[];
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

/** Compiles every rule of a taxonomy. */
export function compileTaxonomy(taxonomy: Taxonomy): CompiledTaxonomy {
  return {
    taxonomy,
    rules: taxonomy.topics.map((t) => ({
      slug: t.slug,
      keywords: t.keywords.map((keyword) => ({ keyword, pattern: compileKeyword(keyword) })),
    })),
  };
}

/** Counts matches of a global pattern in text. */
function count(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  return text.match(pattern)?.length ?? 0;
}

/**
 * Classifies one paper. A keyword in the title weighs 3, each distinct
 * keyword in the abstract 1, repeats a little; a topic needs a score of 2.
 * The best `maxTopicsPerPaper` win, strongest first (ties in taxonomy order); a paper nothing
 * matches gets the fallback topic.
 */
export function classify(compiled: CompiledTaxonomy, title: string, abstract: string): TopicMatch[] {
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
