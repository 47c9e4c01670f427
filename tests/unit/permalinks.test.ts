/**
 * Permalinks: deterministic collision suffixes, and slugs that never change
 * or get reused as listings accumulate.
 */
import { describe, expect, test } from 'vitest';
import { composePapers } from '../../src/lib/generate/compose.ts';
import { parseCanonicalRegistry } from '../../src/lib/io/projectFiles.ts';
import { parseConfigText } from '../../src/lib/io/readConfigFile.ts';
import { mergeListings } from '../../src/lib/papers/merge.ts';
import { assignSlugs, checkRegistry, PermalinkRegistry } from '../../src/lib/papers/permalinks.ts';
import type { Taxonomy } from '../../src/lib/topics/schema.ts';
import { makeListing } from '../support/listings.ts';

const EMPTY: PermalinkRegistry = { papers: [] };

/** Slugs by title after assigning with `registry`. */
function slugsOf(listings: Parameters<typeof mergeListings>[0], registry = EMPTY) {
  const assignment = assignSlugs(mergeListings(listings), registry);
  return { ...assignment, byTitle: Object.fromEntries([...assignment.slugs].map(([paper, slug]) => [paper.key, slug])) };
}

describe('assignSlugs', () => {
  test('suffixes colliding slugs with -2 and -3 in listing order', () => {
    const { byTitle, added } = slugsOf([makeListing('2025-03-11', ['Model Soups!', 'model soups?', 'MODEL SOUPS', 'Other'])]);
    expect(byTitle).toEqual({ 'Model Soups!': 'model-soups', 'model soups?': 'model-soups-2', 'MODEL SOUPS': 'model-soups-3', Other: 'other' });
    expect(added).toEqual(['model-soups', 'model-soups-2', 'model-soups-3', 'other']);
  });

  test('gives the same slugs for the same listings every time, whatever their order', () => {
    const a = makeListing('2025-03-10', ['Model Soups!']);
    const b = makeListing('2025-03-11', ['model soups?', 'Model-Soups']);
    const first = slugsOf([a, b]);
    expect(slugsOf([b, a])).toEqual(first);
    expect(first.byTitle['Model-Soups']).toBe('model-soups-3');
  });

  test('suffixes past a slug that a title already owns', () => {
    const { byTitle } = slugsOf([makeListing('2025-03-11', ['Model Soups 2', 'Model Soups', 'Model Soups!'])]);
    expect(byTitle).toEqual({ 'Model Soups 2': 'model-soups-2', 'Model Soups': 'model-soups', 'Model Soups!': 'model-soups-3' });
  });

  test('never renames a registered slug when new listings are added', () => {
    const day1 = makeListing('2025-03-11', ['Alpha Paper', 'Model Soups?']);
    const first = slugsOf([day1]);
    const day2 = makeListing('2025-03-12', ['Model Soups!', 'Beta Paper', 'Alpha Paper']);
    const second = slugsOf([day1, day2], first.registry);
    expect(second.byTitle['Alpha Paper']).toBe(first.byTitle['Alpha Paper']);
    expect(second.byTitle['Model Soups?']).toBe('model-soups');
    expect(second.byTitle['Model Soups!']).toBe('model-soups-2');
    expect(second.added).toEqual(['model-soups-2', 'beta-paper']);
  });

  test('keeps a registered slug even when a colliding new title comes earlier in order', () => {
    const registry = PermalinkRegistry.parse({ papers: [{ title: 'model soups?', slug: 'model-soups' }] });
    // "Model Soups!" is first seen on an earlier day and would win the bare slug on a fresh run.
    const { byTitle } = slugsOf(
      [makeListing('2025-03-01', ['Model Soups!']), makeListing('2025-03-11', ['model soups?'])],
      registry,
    );
    expect(byTitle).toEqual({ 'Model Soups!': 'model-soups-2', 'model soups?': 'model-soups' });
  });

  test('keeps the slug of a paper that no listing mentions any more, so nobody else gets it', () => {
    const registry = PermalinkRegistry.parse({ papers: [{ title: 'Gone Paper', slug: 'gone-paper' }] });
    const { byTitle, registry: next } = slugsOf([makeListing('2025-03-11', ['Gone Paper!'])], registry);
    expect(byTitle['Gone Paper!']).toBe('gone-paper-2');
    expect(next.papers.map((p) => p.title)).toEqual(['Gone Paper', 'Gone Paper!']);
  });

  test('finds a registered title listed again with other case or spacing, and keeps its slug', () => {
    const registry = PermalinkRegistry.parse({ papers: [{ title: 'Gone Paper', slug: 'gone-paper' }] });
    const { byTitle, added, registry: next } = slugsOf([makeListing('2025-03-11', ['gone   PAPER'])], registry);
    expect(byTitle['gone   PAPER']).toBe('gone-paper');
    expect(added).toEqual([]);
    expect(next.papers).toEqual(registry.papers);
  });

  test('never reuses a slug kept in redirectsFrom', () => {
    const registry = PermalinkRegistry.parse({
      papers: [{ title: 'Soups of Models', slug: 'soups-of-models', redirectsFrom: ['model-soups'] }],
    });
    const { byTitle } = slugsOf([makeListing('2025-03-11', ['Model Soups'])], registry);
    expect(byTitle['Model Soups']).toBe('model-soups-2');
  });

  test('uses an owner-edited slug from the registry', () => {
    const registry = PermalinkRegistry.parse({ papers: [{ title: 'Model Soups', slug: 'soups', redirectsFrom: ['model-soups'] }] });
    expect(slugsOf([makeListing('2025-03-11', ['Model Soups'])], registry).byTitle['Model Soups']).toBe('soups');
  });

  test('writes the registry back sorted by slug, so the file is stable', () => {
    const { registry } = slugsOf([makeListing('2025-03-11', ['Zeta', 'Alpha', 'Mu'])]);
    expect(registry.papers.map((p) => p.slug)).toEqual(['alpha', 'mu', 'zeta']);
    expect(registry.papers[0]).toEqual({ title: 'Alpha', slug: 'alpha', redirectsFrom: [] });
  });

  test('keeps every slug of a growing corpus through composePapers', () => {
    const taxonomy: Taxonomy = { maxTopicsPerPaper: 4, fallback: 'misc', topics: [{ slug: 'misc', name: 'Misc', description: 'Misc.', keywords: ['misc'] }] };
    const days = ['2025-03-10', '2025-03-11', '2025-03-12'].map((date, d) =>
      makeListing(date, Array.from({ length: 6 }, (_, i) => (i % 2 ? `Model Soups ${'!?.'[d]}` : `Paper ${d}-${i}`))),
    );
    let registry: PermalinkRegistry = EMPTY;
    const seen = new Map<string, string>();
    for (let n = 1; n <= days.length; n++) {
      const composed = composePapers(days.slice(0, n), taxonomy, registry);
      registry = composed.registry;
      for (const entry of registry.papers) {
        if (seen.has(entry.title)) expect(entry.slug).toBe(seen.get(entry.title));
        seen.set(entry.title, entry.slug);
      }
    }
    expect(seen.get('Model Soups !')).toBe('model-soups');
    expect(seen.get('Model Soups ?')).toBe('model-soups-2');
    expect(seen.get('Model Soups .')).toBe('model-soups-3');
  });
});

describe('checkRegistry', () => {
  test('accepts a registry where every slug leads to one paper', () => {
    const registry = PermalinkRegistry.parse({ papers: [{ title: 'A', slug: 'a', redirectsFrom: ['old-a'] }, { title: 'B', slug: 'b' }] });
    expect(checkRegistry(registry, 'content/permalinks.json')).toEqual([]);
  });

  test('reports a slug used by two papers, naming the file and both titles', () => {
    const registry = PermalinkRegistry.parse({ papers: [{ title: 'A', slug: 'same' }, { title: 'B', slug: 'same' }] });
    const diagnostics = checkRegistry(registry, 'content/permalinks.json');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: 'content/permalinks.json' })]);
    expect(diagnostics[0]!.message).toBe('the slug "same" belongs both to "A" and to "B"');
    expect(diagnostics[0]!.hint).toContain('another slug');
  });

  test('reports a slug that is also another paper’s redirect', () => {
    const registry = PermalinkRegistry.parse({ papers: [{ title: 'A', slug: 'a', redirectsFrom: ['b'] }, { title: 'B', slug: 'b' }] });
    expect(checkRegistry(registry, 'p.json').map((d) => d.message)).toEqual(['the slug "b" belongs both to "A" and to "B"']);
  });

  test('reports a title registered twice', () => {
    const registry = PermalinkRegistry.parse({ papers: [{ title: 'A', slug: 'a' }, { title: 'A', slug: 'a-2' }] });
    expect(checkRegistry(registry, 'p.json').map((d) => d.message)).toEqual(['the title "A" is registered twice']);
  });

  test('rejects a registry slug that is not lower-case words joined by hyphens', () => {
    const result = PermalinkRegistry.safeParse({ papers: [{ title: 'A', slug: 'Not A Slug' }] });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toContain('lower-case ASCII letters and digits');
  });
});

describe('parseCanonicalRegistry', () => {
  /** The registry file as the generator writes it. */
  const canonical = (registry: PermalinkRegistry) => `${JSON.stringify(registry, null, 2)}\n`;
  /** The registry read the general way: YAML, then the schema. */
  const throughYaml = (text: string) => parseConfigText('content/permalinks.json', text, PermalinkRegistry, 'hint');

  test('reads every character of a title as the YAML parser does', () => {
    const titles: string[] = [];
    // Every UTF-16 code unit, lone surrogates and controls included, 256 to a title; and some astral characters.
    for (let start = 0; start < 0x10000; start += 256) titles.push(String.fromCharCode(...Array.from({ length: 256 }, (_, i) => start + i)));
    titles.push('\u{1f680}\u{10ffff}\u{1d400}', '# not a comment', 'a: b', '--- ...', '"quoted"', '\\u0041 stays text');
    const registry = PermalinkRegistry.parse({ papers: titles.map((title, i) => ({ title, slug: `paper-${i}`, redirectsFrom: i % 2 ? [`old-${i}`] : [] })) });
    const text = canonical(registry);
    expect(parseCanonicalRegistry(text)).toEqual(registry);
    expect(parseCanonicalRegistry(text)).toEqual(throughYaml(text));
  });

  test('leaves any other text to the YAML reader, which reports problems by line', () => {
    const registry: PermalinkRegistry = { papers: [{ title: 'A', slug: 'a', redirectsFrom: [] }] };
    const text = canonical(registry);
    expect(parseCanonicalRegistry(text)).toEqual(registry);
    for (const other of [
      JSON.stringify(registry),
      text.replace('\n', '\r\n'),
      text.trimEnd(),
      text.replace('"slug": "a"', '"slug": "a",\n      "slug": "b"'),
      text.replace('"slug": "a",', '"slug": "a",\n      "note": "hand-written",'),
      text.replace(',\n      "redirectsFrom": []', ''),
      text.replace('"slug": "a"', '"slug": "Not A Slug"'),
      'papers:\n  - title: A\n    slug: a\n',
      '{ "papers": [ ',
    ]) {
      expect(parseCanonicalRegistry(other), other).toBeUndefined();
    }
    expect(throughYaml('papers:\n  - title: A\n    slug: a\n')).toEqual(registry);
  });
});

describe('assignSlugs with arXiv ids', () => {
  test('keeps the URL of a paper first listed from text when JSON later gives its id, and records the id', () => {
    const text = makeListing('2025-03-10', ['Scaling Laws for Agents']);
    const first = slugsOf([text]);
    const json = makeListing('2025-03-12', [{ title: 'Scaling laws for agents', paper: { arxivId: '2503.10001' } }]);
    const second = slugsOf([text, json], first.registry);
    expect(second.byTitle['Scaling Laws for Agents']).toBe('scaling-laws-for-agents');
    expect(second.added).toEqual([]);
    expect(second.registry.papers).toEqual([{ title: 'Scaling Laws for Agents', slug: 'scaling-laws-for-agents', redirectsFrom: [], arxivId: '2503.10001' }]);
  });

  test('finds a paper by its recorded id when its title was revised, and writes the registry as canonical JSON', () => {
    const registry = PermalinkRegistry.parse({ papers: [{ title: 'Scaling Laws for Agents', slug: 'scaling-laws-for-agents', arxivId: '2503.10001' }] });
    const { byTitle, added, registry: next } = slugsOf([makeListing('2025-03-13', [{ title: 'Agents Scale (v2)', paper: { arxivId: '2503.10001' } }])], registry);
    expect(byTitle['Agents Scale (v2)']).toBe('scaling-laws-for-agents');
    expect(added).toEqual([]);
    expect(parseCanonicalRegistry(`${JSON.stringify(next, null, 2)}\n`)).toEqual(next);
  });

  test('refuses a registry that gives one arXiv id two entries', () => {
    const registry = PermalinkRegistry.parse({ papers: [{ title: 'A', slug: 'a', arxivId: '2503.10001' }, { title: 'B', slug: 'b', arxivId: '2503.10001' }] });
    expect(checkRegistry(registry, 'p.json').map((d) => d.message)).toEqual(['the arXiv id 2503.10001 is registered twice']);
  });
});
