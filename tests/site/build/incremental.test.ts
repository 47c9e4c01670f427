/**
 * Rebuilds reuse what has not changed: paper pages come from Astro's
 * incremental build cache while their data and code are unchanged, and a
 * rebuild after new days gives exactly the bytes of a clean build.
 *
 * Each rebuild starts from a copy of the shared seed site (its content,
 * output and build cache) built with the seed's own project folder, since
 * Astro's page cache is keyed by that folder's path. This file is the only
 * one that builds there, one build at a time. The clean build to compare
 * with is the shared new-day site.
 */
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFixture, copyFixture, type FixtureSite } from '../../support/fixtureSite.ts';
import { LEANDOJO, newDayFixture, NOTE, SECOND_DAY } from '../../support/newDaySite.ts';
import { newDaySite, seedSite } from '../../support/sharedSites.ts';
import { hashTree, readPaperSources } from '../../support/siteFiles.ts';

/** Added by the test to the cached copies of paper pages: present in the output only if a page was reused. */
const MARK = '<!-- reused from the incremental cache -->';

const seed = seedSite();
const sites: FixtureSite[] = [];
afterAll(() => {
  for (const site of sites) rmSync(site.dir, { recursive: true, force: true });
});

/** A copy of the seed site to rebuild, with the seed's project folder so that its pages can be reused. */
function seedCopy(): FixtureSite {
  const site = copyFixture(seed, { project: 'same' });
  sites.push(site);
  return site;
}

/** Where Astro keeps its copy of each cached page (PAPERS_CACHE_DIR/dist/…). */
function cachedPapers(site: FixtureSite): string {
  return join(site.cache, 'dist', 'papers');
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
  it('after new days and an edited note gives the same bytes as a clean build of the same content, writing only the search documents that changed', async () => {
    const clean = newDaySite();
    const grown = seedCopy();
    for (const [name, text] of Object.entries(newDayFixture.listings!)) writeFileSync(join(grown.content, 'listings', name), text);
    appendFileSync(join(grown.content, 'papers', `${NOTE.slug}.mdx`), NOTE.text);
    // The search documents the rebuild must write: those the clean build has and the seed's cache lacks or holds otherwise.
    const documentsBefore = hashTree(join(grown.cache, 'search-documents'));
    const documentsClean = hashTree(join(clean.cache, 'search-documents'));
    const changed = differences(documentsBefore, documentsClean);
    expect([...documentsBefore.keys()].every((file) => documentsClean.has(file))).toBe(true);

    await buildFixture(grown);

    const papers = readPaperSources(grown.content).length;
    expect(papers).toBeGreaterThan(92);
    // A first build writes the search document of every paper; the rebuild only those that changed.
    expect(clean.report.counts).toMatchObject({ papers, documentsWritten: papers, documentsRemoved: 0, documentsIndexed: papers });
    expect(changed.length).toBeGreaterThan(papers - 92);
    expect(changed.length).toBeLessThan(papers - 92 + 10);
    expect(grown.report?.counts).toMatchObject({ papers, documentsWritten: changed.length, documentsRemoved: 0, documentsIndexed: papers });
    expect(readFileSync(join(grown.out, 'papers', LEANDOJO.slug, 'index.html'), 'utf8')).toContain(`href="/days/${SECOND_DAY}/"`);
    expect(differences(hashTree(grown.out), hashTree(clean.out))).toEqual([]);
  });

  it('reuses every unchanged paper page and renders again exactly the pages whose paper changed', async () => {
    // A new cache: every preview image was drawn.
    expect(seed.report.counts).toMatchObject({ imagesDrawn: 92, imagesReused: 0 });
    const site = seedCopy();
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
    // Every other file, feeds and search index included, has the bytes of the first build; each paper page is its cached copy.
    const before = hashTree(seed.out);
    const after = hashTree(site.out);
    const changed = differences(before, after);
    expect(changed).toEqual(slugs.map((slug) => `papers/${slug}/index.html`).sort());
    for (const file of changed) expect(readFileSync(join(site.out, file), 'utf8'), file).toBe(`${readFileSync(join(seed.out, file), 'utf8')}${MARK}`);

    // A note added to one paper: that page alone is rendered again.
    appendFileSync(join(site.content, 'papers', `${NOTE.slug}.mdx`), NOTE.text);
    await buildFixture(site);
    const after2 = reused(site);
    expect(after2).not.toContain(NOTE.slug);
    expect(readFileSync(join(site.out, 'papers', NOTE.slug, 'index.html'), 'utf8')).toContain('A note added between builds.');
    expect(after2).toHaveLength(91);
  });
});
