/**
 * Issue "Link": permanent URLs that survive new listings and renames, and
 * share previews (canonical, OpenGraph, Twitter, JSON-LD, preview image).
 * New listings are those of the shared new-day site; a rename is a rebuild
 * of a copy of the seed site.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFixture, copyFixture, type FixtureSite } from '../../support/fixtureSite.ts';
import { htmlValidateErrors, nuErrors } from '../../support/htmlCheckers.ts';
import { LEANDOJO, LEANDOJO_2, LEANDOJO_3, SECOND_DAY } from '../../support/newDaySite.ts';
import { newDaySite, seedSite } from '../../support/sharedSites.ts';
import { listFiles, readPagefindFragments, readPaperSources } from '../../support/siteFiles.ts';

/** The text of the first <h1> of a built page. */
function h1(out: string, path: string): string {
  const html = readFileSync(join(out, path, 'index.html'), 'utf8');
  const m = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html);
  return (m?.[1] ?? '').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** Every `<meta property|name="key" content="…">` of a page. */
function metaTags(html: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const m of html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"/g)) tags.set(m[1]!, m[2]!);
  return tags;
}

const sites: FixtureSite[] = [];
afterAll(() => {
  for (const site of sites) rmSync(site.dir, { recursive: true, force: true });
});

/** A copy of the seed site (content, output, cache) with a fresh project folder, to rebuild. */
function seedCopy(): FixtureSite {
  const site = copyFixture(seedSite(), { project: 'new' });
  sites.push(site);
  return site;
}

describe('permanent URLs', () => {
  const grown = newDaySite();
  const seedUrls = new Map(readPaperSources(seedSite().content).map((paper) => [`papers/${paper.slug}/`, paper.title]));

  it('keeps every seed paper URL, showing the same paper, after two more days are added', () => {
    expect(seedUrls.size).toBe(92);
    for (const [path, title] of seedUrls) expect(h1(grown.out, path), path).toBe(title);
  });

  it('gives later colliding titles deterministic suffixes and never renames the first', () => {
    const base = `papers/${LEANDOJO.slug}`;
    expect(h1(grown.out, `${base}/`)).toBe(LEANDOJO.title);
    expect(h1(grown.out, `${base}-2/`)).toBe(LEANDOJO_2.title);
    expect(h1(grown.out, `${base}-3/`)).toBe(LEANDOJO_3.title);
  });

  it('lists a paper seen again on a later day under its first URL with both days', () => {
    const html = readFileSync(join(grown.out, `papers/${LEANDOJO.slug}/index.html`), 'utf8');
    expect(html).toContain('href="/days/2025-03-11/"');
    expect(html).toContain(`href="/days/${SECOND_DAY}/"`);
  });

  it('answers a renamed slug’s old URL with a redirect page to the new one, and keeps the owner’s notes', async () => {
    const site = seedCopy();
    const registryFile = join(site.content, 'permalinks.json');
    const registry = JSON.parse(readFileSync(registryFile, 'utf8')) as { papers: { title: string; slug: string; redirectsFrom: string[] }[] };
    const entry = registry.papers.find((e) => e.title === LEANDOJO.title)!;
    const oldSlug = entry.slug;
    entry.redirectsFrom = [oldSlug];
    entry.slug = 'leandojo';
    writeFileSync(registryFile, JSON.stringify(registry, null, 2));
    const oldFile = join(site.content, 'papers', `${oldSlug}.mdx`);
    writeFileSync(oldFile, `${readFileSync(oldFile, 'utf8')}\nA note the owner wrote.\n`);

    await buildFixture(site);

    expect(site.report).toMatchObject({ ok: true, counts: { papers: 92, withNotes: 1 } });
    const redirect = readFileSync(join(site.out, 'papers', oldSlug, 'index.html'), 'utf8');
    expect(redirect).toContain('<meta http-equiv="refresh" content="0; url=/papers/leandojo/">');
    expect(redirect).toContain('<link rel="canonical" href="https://papers.example.org/papers/leandojo/">');
    expect(redirect).toContain('<meta name="robots" content="noindex">');
    expect(redirect).toMatch(/<a href="\/papers\/leandojo\/">[^<]+<\/a> lives at its new address now/);
    expect(h1(site.out, 'papers/leandojo/')).toBe(LEANDOJO.title);
    expect(readFileSync(join(site.out, 'papers/leandojo/index.html'), 'utf8')).toContain('A note the owner wrote.');
    expect(existsSync(oldFile)).toBe(false);
    expect(readFileSync(join(site.content, 'papers', 'leandojo.mdx'), 'utf8')).toContain('A note the owner wrote.');
    // The notes are searchable too: that paper is indexed from its built page, not from its data alone.
    const fragment = readPagefindFragments(site.out).find((f) => f.url === '/papers/leandojo/');
    expect(fragment?.content).toContain('A note the owner wrote.');
    expect(fragment?.meta.title).toBe(LEANDOJO.title);
    // Every page of the rebuilt site is valid HTML, the redirect page (the site's own, not Astro's) included.
    expect(await htmlValidateErrors(site.out)).toEqual([]);
    expect(await nuErrors([site.out])).toEqual([]);
  });

  it('refuses to drop a published slug from the registry without a redirect', async () => {
    const site = seedCopy();
    const before = readFileSync(join(site.out, 'index.html'));
    const registryFile = join(site.content, 'permalinks.json');
    const registry = JSON.parse(readFileSync(registryFile, 'utf8')) as { papers: { title: string; slug: string }[] };
    const entry = registry.papers.find((e) => e.title === LEANDOJO.title)!;
    const oldSlug = entry.slug;
    entry.slug = 'leandojo';
    writeFileSync(registryFile, JSON.stringify(registry, null, 2));
    // The message the owner reads: which slug, and how to keep it (a redirect).
    await expect(buildFixture(site)).rejects.toThrow(`the published slug "${oldSlug}"`);
    expect(site.log).toContain('redirectsFrom');
    // The build stopped in its first step, on bad input, and left the site as it was.
    expect(site.report).toMatchObject({ ok: false, error: 'stopped on bad input' });
    expect(site.report!.steps.map((step) => step.name)).toEqual(['generate']);
    expect(readFileSync(join(site.out, 'index.html')).equals(before)).toBe(true);
  });
});

describe('share previews', () => {
  it('gives every page a canonical URL, OpenGraph tags and a large Twitter card, which reads the OpenGraph tags', () => {
    const { out } = seedSite();
    const pages = listFiles(out).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(100);
    for (const page of pages) {
      const html = readFileSync(join(out, page), 'utf8');
      expect(html, page).toMatch(/<link rel="canonical" href="https:\/\/papers\.example\.org\/[^"]*">/);
      const tags = metaTags(html);
      for (const key of ['og:title', 'og:description', 'og:url', 'og:type', 'og:image']) {
        expect(tags.get(key), `${page} ${key}`).toBeTruthy();
      }
      expect(tags.get('twitter:card'), page).toBe('summary_large_image');
    }
  });

  it('points every paper page’s preview image at a 1200×630 PNG that exists', async () => {
    const { out, content } = seedSite();
    const papers = readPaperSources(content);
    for (const paper of papers) {
      const tags = metaTags(readFileSync(join(out, 'papers', paper.slug, 'index.html'), 'utf8'));
      expect(tags.get('og:image')).toBe(`https://papers.example.org/og/${paper.slug}.png`);
      expect(tags.get('twitter:card')).toBe('summary_large_image');
      expect(existsSync(join(out, 'og', `${paper.slug}.png`))).toBe(true);
    }
    // A real decoder reads the image back.
    const meta = await sharp(readFileSync(join(out, 'og', `${papers[0]!.slug}.png`))).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: 'png', width: 1200, height: 630 });
  });

  it('describes each paper page as a ScholarlyArticle in JSON-LD', () => {
    const { out, content } = seedSite();
    const paper = readPaperSources(content).find((p) => p.title === LEANDOJO.title)!;
    const html = readFileSync(join(out, 'papers', paper.slug, 'index.html'), 'utf8');
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1];
    const data = JSON.parse(json!);
    expect(data).toMatchObject({
      '@type': 'ScholarlyArticle',
      name: LEANDOJO.title,
      url: `https://papers.example.org/papers/${paper.slug}/`,
      datePublished: '2025-03-11',
      image: `https://papers.example.org/og/${paper.slug}.png`,
    });
  });

  it('offers a copy-link that is a plain link to the permanent URL and an honest BibTeX entry', () => {
    const { out, content } = seedSite();
    const paper = readPaperSources(content).find((p) => p.title === LEANDOJO.title)!;
    const html = readFileSync(join(out, 'papers', paper.slug, 'index.html'), 'utf8');
    const permalink = `https://papers.example.org/papers/${paper.slug}/`;
    expect(html).toContain(`href="${permalink}" data-copy="href"`);
    expect(html).toContain('@misc{leandojo-theorem-proving-2025,');
    expect(html).toContain('title        = {{LeanDojo: Theorem Proving with Retrieval-Augmented Language Models}},');
    expect(html).toContain(`howpublished = {\\url{${permalink}}},`);
    expect(html).not.toMatch(/author\s*=/);
  });
});
