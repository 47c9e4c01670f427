/**
 * Rebuilds reuse what has not changed: paper pages come from Astro's
 * incremental build cache while what they show and their code are
 * unchanged, and a rebuild after new days gives exactly the bytes of a
 * clean build.
 *
 * The rebuilds start from a copy of the shared seed site (its content,
 * output and build cache) built with the seed's own project folder, since
 * Astro's page cache is keyed by that folder's path. This file is the only
 * one that builds there, one build at a time. The clean build to compare
 * with is the shared new-day site.
 */
import { createHash } from 'node:crypto';
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

/** Marks every page in the cache, so that a page of the output carries the mark if and only if it was reused. */
function markCache(site: FixtureSite): string[] {
  const slugs = readdirSync(cachedPapers(site));
  for (const slug of slugs) {
    const file = join(cachedPapers(site), slug, 'index.html');
    if (!readFileSync(file, 'utf8').endsWith(MARK)) appendFileSync(file, MARK);
  }
  return slugs;
}

/** The hashes of a built tree, each reused page taken without the mark the test put on it. */
function hashUnmarked(out: string): Map<string, string> {
  return new Map(
    [...hashTree(out)].map(([file, hash]) => {
      const text = file.endsWith('.html') ? readFileSync(join(out, file), 'utf8') : '';
      return [file, text.endsWith(MARK) ? createHash('sha256').update(text.slice(0, -MARK.length)).digest('hex') : hash];
    }),
  );
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

describe('a rebuild of the seed site', () => {
  const clean = newDaySite();

  it('with nothing changed reuses every paper page, search document and preview image, and gives the first build’s bytes', async () => {
    // A new cache: every preview image was drawn.
    expect(seed.report.counts).toMatchObject({ imagesDrawn: 93, imagesReused: 0, documentsWritten: 92 });
    const site = seedCopy();
    const slugs = markCache(site);
    expect(slugs).toHaveLength(92);

    await buildFixture(site);

    expect(reused(site)).toHaveLength(92);
    expect(site.report?.counts).toMatchObject({ papers: 92, documentsWritten: 0, documentsRemoved: 0, imagesDrawn: 0, imagesReused: 93 });
    expect(readdirSync(join(site.out, 'og'))).toHaveLength(92);
    // Every other file, feeds and search index included, has the bytes of the first build; each paper page is its cached copy.
    const changed = differences(hashTree(seed.out), hashTree(site.out));
    expect(changed).toEqual(slugs.map((slug) => `papers/${slug}/index.html`).sort());
    for (const file of changed) expect(readFileSync(join(site.out, file), 'utf8'), file).toBe(`${readFileSync(join(seed.out, file), 'utf8')}${MARK}`);
  });

  it('after new days and an edited note renders again exactly the pages that changed, writes only the search documents that changed, and gives the bytes of a clean build', async () => {
    const grown = seedCopy();
    markCache(grown);
    for (const [name, text] of Object.entries(newDayFixture.listings!)) writeFileSync(join(grown.content, 'listings', name), text);
    appendFileSync(join(grown.content, 'papers', `${NOTE.slug}.mdx`), NOTE.text);
    // The search documents the rebuild must write: those the clean build has and the seed's cache lacks or holds otherwise.
    const documentsBefore = hashTree(join(grown.cache, 'search-documents'));
    const documentsClean = hashTree(join(clean.cache, 'search-documents'));
    const changedDocuments = differences(documentsBefore, documentsClean);
    expect([...documentsBefore.keys()].every((file) => documentsClean.has(file))).toBe(true);

    await buildFixture(grown);

    const papers = readPaperSources(grown.content).length;
    expect(papers).toBe(clean.report.counts.papers);
    // A first build writes the search document of every paper; the rebuild only those that changed.
    expect(clean.report.counts).toMatchObject({ papers, documentsWritten: papers, documentsRemoved: 0, documentsIndexed: papers });
    expect(changedDocuments.length).toBeGreaterThan(papers - 92);
    expect(changedDocuments.length).toBeLessThan(papers - 92 + 10);
    expect(grown.report?.counts).toMatchObject({ papers, documentsWritten: changedDocuments.length, documentsRemoved: 0, documentsIndexed: papers });
    // The seed papers' pages the clean build shows as the seed did are reused; all others, the noted one among them, are rendered again.
    const unchanged = readdirSync(join(seed.out, 'papers')).filter((slug) => {
      const page = `papers/${slug}/index.html`;
      return readFileSync(join(seed.out, page)).equals(readFileSync(join(clean.out, page)));
    });
    // New papers change the related papers of many seed papers, not of all (26 of 92 today).
    expect(unchanged.length).toBeGreaterThan(10);
    expect(unchanged).not.toContain(NOTE.slug);
    expect(unchanged).not.toContain(LEANDOJO.slug);
    expect(reused(grown).sort()).toEqual(unchanged.sort());
    expect(readFileSync(join(grown.out, 'papers', NOTE.slug, 'index.html'), 'utf8')).toContain('A note added between builds.');
    expect(readFileSync(join(grown.out, 'papers', LEANDOJO.slug, 'index.html'), 'utf8')).toContain(`href="/days/${SECOND_DAY}/"`);
    // Byte for byte the clean build, once the marks on reused pages are taken off.
    expect(differences(hashUnmarked(grown.out), hashTree(clean.out))).toEqual([]);
  });
});
