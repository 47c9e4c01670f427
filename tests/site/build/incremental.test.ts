/**
 * Rebuilds reuse what has not changed: paper pages come from Astro's
 * incremental build cache while their data and code are unchanged, and a
 * rebuild after a new day gives exactly the bytes of a clean build.
 */
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFixture, makeFixture, type FixtureSite } from '../../support/fixtureSite.ts';
import { hashTree, readPaperSources } from '../../support/siteFiles.ts';

const LEANDOJO_SLUG = 'leandojo-theorem-proving-with-retrieval-augmented-language-models';
/** A second day: one seed paper listed again, and one new paper. */
const NEW_DAY = ['new', '', 'Subscribe', '', 'Mar 12', '', 'LeanDojo: Theorem Proving with Retrieval-Augmented Language Models', '', 'Listed again.', '', 'Folding Laundry with Diffusion Policies', '', 'Robots learn to fold laundry with diffusion policies.', ''].join('\n');
/** Added by the test to the cached copies of paper pages: present in the output only if a page was reused. */
const MARK = '<!-- reused from the incremental cache -->';

const sites: FixtureSite[] = [];
afterAll(() => {
  for (const site of sites) rmSync(site.dir, { recursive: true, force: true });
});

/** Where Astro keeps its copy of each cached page (PAPERS_CACHE_DIR/dist/…). */
function cachedPapers(site: FixtureSite): string {
  return join(site.dir, '.astro-cache', 'dist', 'papers');
}

/** Slugs of the built paper pages that carry the mark. */
function reused(site: FixtureSite): string[] {
  return readdirSync(join(site.out, 'papers')).filter((slug) => readFileSync(join(site.out, 'papers', slug, 'index.html'), 'utf8').includes(MARK));
}

/** Files whose hashes differ between two built trees (or exist in one only). */
function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f)).sort();
}

describe('a rebuild', () => {
  it('after a new day and an edited note gives the same bytes as a clean build of the same content', async () => {
    const grown = makeFixture();
    sites.push(grown);
    await buildFixture(grown);
    writeFileSync(join(grown.content, 'listings', '2025-03-12.txt'), NEW_DAY);
    appendFileSync(join(grown.content, 'papers', 'a-comparative-study-on-reasoning-patterns-of-openais-o1-model.mdx'), '\nA note added between builds.\n');
    await buildFixture(grown);

    const clean = makeFixture({ listings: { '2025-03-12.txt': NEW_DAY } });
    sites.push(clean);
    appendFileSync(join(clean.content, 'papers', 'a-comparative-study-on-reasoning-patterns-of-openais-o1-model.mdx'), '\nA note added between builds.\n');
    await buildFixture(clean);

    expect(readPaperSources(grown.content)).toHaveLength(93);
    // A first build writes the search document of every paper; the rebuild only those that changed.
    expect(clean.report?.counts).toMatchObject({ papers: 93, documentsWritten: 93, documentsRemoved: 0, documentsIndexed: 93 });
    const rewritten = grown.report!.counts.documentsWritten!;
    expect(rewritten).toBeGreaterThan(0);
    expect(rewritten).toBeLessThan(10);
    expect(grown.report?.counts).toMatchObject({ documentsRemoved: 0, documentsIndexed: 93 });
    expect(readFileSync(join(grown.out, 'papers', LEANDOJO_SLUG, 'index.html'), 'utf8')).toContain('href="/days/2025-03-12/"');
    expect(differences(hashTree(grown.out), hashTree(clean.out))).toEqual([]);
  });

  it('reuses every unchanged paper page and renders again exactly the pages whose paper changed', async () => {
    const site = makeFixture();
    sites.push(site);
    await buildFixture(site);
    // A new cache: every preview image is drawn.
    expect(site.report?.counts).toMatchObject({ imagesDrawn: 92, imagesReused: 0 });
    const slugs = readdirSync(cachedPapers(site));
    expect(slugs).toHaveLength(92);
    for (const slug of slugs) appendFileSync(join(cachedPapers(site), slug, 'index.html'), MARK);

    // Nothing changed: every paper page is the cached copy, and no search document is written again.
    await buildFixture(site);
    expect(reused(site)).toHaveLength(92);
    expect(site.report?.counts).toMatchObject({ documentsWritten: 0, documentsRemoved: 0 });
    // Every preview image is cached: none is drawn again.
    expect(site.report?.counts).toMatchObject({ imagesDrawn: 0, imagesReused: 92 });
    expect(readdirSync(join(site.out, 'og'))).toHaveLength(92);

    // A note added to one paper: that page alone is rendered again.
    const noted = 'a-comparative-study-on-reasoning-patterns-of-openais-o1-model';
    appendFileSync(join(site.content, 'papers', `${noted}.mdx`), '\nA note added between builds.\n');
    await buildFixture(site);
    const after = reused(site);
    expect(after).not.toContain(noted);
    expect(readFileSync(join(site.out, 'papers', noted, 'index.html'), 'utf8')).toContain('A note added between builds.');
    expect(after).toHaveLength(91);
  });
});
