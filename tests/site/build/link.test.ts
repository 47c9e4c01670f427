/**
 * Issue "Link": permanent URLs that survive new listings and renames, and
 * share previews (canonical, OpenGraph, Twitter, JSON-LD, preview image).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, buildSite, makeFixture, type FixtureSite } from '../../support/fixtureSite.ts';
import { seedSite } from '../../support/seedSite.ts';
import { listFiles, readPagefindFragments, readPaperSources } from '../../support/siteFiles.ts';

const LEANDOJO = 'LeanDojo: Theorem Proving with Retrieval-Augmented Language Models';

/** A listing file's text: header, date line, then title/abstract pairs. */
function listing(dateLine: string, papers: [string, string][]): string {
  return ['new', '', 'Subscribe', '', dateLine, '', ...papers.flatMap(([t, a]) => [t, '', a, ''])].join('\n');
}

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

describe('permanent URLs', () => {
  let grown: FixtureSite;
  const seedUrls = new Map<string, string>();

  beforeAll(async () => {
    for (const paper of readPaperSources(seedSite().content)) seedUrls.set(`papers/${paper.slug}/`, paper.title);
    grown = await buildSite({
      listings: {
        '2025-03-12.txt': listing('Mar 12', [
          ['LeanDojo: theorem proving with retrieval-augmented language models?', 'A different paper whose title collides with a seed paper when slugified.'],
          [LEANDOJO, 'The same paper again on a later day.'],
          ['A Brand New Paper About Robots', 'Robots learn to fold laundry with diffusion policies.'],
        ]),
        '2025-03-13.txt': listing('Mar 13', [
          ['LEANDOJO: THEOREM PROVING WITH RETRIEVAL-AUGMENTED LANGUAGE MODELS', 'Yet another colliding title, in capitals.'],
          ['Zero-shot Everything', 'A survey of zero-shot learning.'],
        ]),
      },
    });
  });

  it('keeps every seed paper URL, showing the same paper, after two more days are added', () => {
    expect(seedUrls.size).toBe(92);
    for (const [path, title] of seedUrls) expect(h1(grown.out, path), path).toBe(title);
  });

  it('gives later colliding titles deterministic suffixes and never renames the first', () => {
    const base = 'papers/leandojo-theorem-proving-with-retrieval-augmented-language-models';
    expect(h1(grown.out, `${base}/`)).toBe(LEANDOJO);
    expect(h1(grown.out, `${base}-2/`)).toBe('LeanDojo: theorem proving with retrieval-augmented language models?');
    expect(h1(grown.out, `${base}-3/`)).toBe('LEANDOJO: THEOREM PROVING WITH RETRIEVAL-AUGMENTED LANGUAGE MODELS');
  });

  it('lists a paper seen again on a later day under its first URL with both days', () => {
    const html = readFileSync(join(grown.out, 'papers/leandojo-theorem-proving-with-retrieval-augmented-language-models/index.html'), 'utf8');
    expect(html).toContain('href="/days/2025-03-11/"');
    expect(html).toContain('href="/days/2025-03-12/"');
  });

  it('answers a renamed slug’s old URL with a redirect page to the new one, and keeps the owner’s notes', async () => {
    const site = makeFixture();
    const registryFile = join(site.content, 'permalinks.json');
    const registry = JSON.parse(readFileSync(registryFile, 'utf8')) as { papers: { title: string; slug: string; redirectsFrom: string[] }[] };
    const entry = registry.papers.find((e) => e.title === LEANDOJO)!;
    const oldSlug = entry.slug;
    entry.redirectsFrom = [oldSlug];
    entry.slug = 'leandojo';
    writeFileSync(registryFile, JSON.stringify(registry, null, 2));
    const oldFile = join(site.content, 'papers', `${oldSlug}.mdx`);
    writeFileSync(oldFile, `${readFileSync(oldFile, 'utf8')}\nA note the owner wrote.\n`);

    await buildFixture(site);

    const redirect = readFileSync(join(site.out, 'papers', oldSlug, 'index.html'), 'utf8');
    expect(redirect).toContain('<meta http-equiv="refresh" content="0;url=/papers/leandojo/">');
    expect(redirect).toContain('<link rel="canonical" href="https://papers.example.org/papers/leandojo/">');
    expect(h1(site.out, 'papers/leandojo/')).toBe(LEANDOJO);
    expect(readFileSync(join(site.out, 'papers/leandojo/index.html'), 'utf8')).toContain('A note the owner wrote.');
    expect(existsSync(oldFile)).toBe(false);
    expect(readFileSync(join(site.content, 'papers', 'leandojo.mdx'), 'utf8')).toContain('A note the owner wrote.');
    // The notes are searchable too: that paper is indexed from its built page, not from its data alone.
    const fragment = readPagefindFragments(site.out).find((f) => f.url === '/papers/leandojo/');
    expect(fragment?.content).toContain('A note the owner wrote.');
    expect(fragment?.meta.title).toBe(LEANDOJO);
  });

  it('refuses to drop a published slug from the registry without a redirect', async () => {
    const site = makeFixture();
    const registryFile = join(site.content, 'permalinks.json');
    const registry = JSON.parse(readFileSync(registryFile, 'utf8')) as { papers: { title: string; slug: string }[] };
    const entry = registry.papers.find((e) => e.title === LEANDOJO)!;
    const oldSlug = entry.slug;
    entry.slug = 'leandojo';
    writeFileSync(registryFile, JSON.stringify(registry, null, 2));
    await expect(buildFixture(site)).rejects.toThrow(`the published slug "${oldSlug}"`);
    expect(site.log).toContain('redirectsFrom');
  });
});

describe('share previews', () => {
  it('gives every page a canonical URL, OpenGraph and Twitter tags', () => {
    const { out } = seedSite();
    const pages = listFiles(out).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(100);
    for (const page of pages) {
      const html = readFileSync(join(out, page), 'utf8');
      expect(html, page).toMatch(/<link rel="canonical" href="https:\/\/papers\.example\.org\/[^"]*">/);
      const tags = metaTags(html);
      for (const key of ['og:title', 'og:description', 'og:url', 'og:type', 'twitter:card', 'twitter:title', 'twitter:description']) {
        expect(tags.get(key), `${page} ${key}`).toBeTruthy();
      }
    }
  });

  it('points every paper page’s preview image at a 1200×630 PNG that exists', async () => {
    const { out, content } = seedSite();
    const papers = readPaperSources(content);
    for (const paper of papers) {
      const tags = metaTags(readFileSync(join(out, 'papers', paper.slug, 'index.html'), 'utf8'));
      expect(tags.get('og:image')).toBe(`https://papers.example.org/og/${paper.slug}.png`);
      expect(tags.get('twitter:image')).toBe(tags.get('og:image'));
      expect(tags.get('twitter:card')).toBe('summary_large_image');
      expect(existsSync(join(out, 'og', `${paper.slug}.png`))).toBe(true);
    }
    // A real decoder reads the image back.
    const meta = await sharp(readFileSync(join(out, 'og', `${papers[0]!.slug}.png`))).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: 'png', width: 1200, height: 630 });
  });

  it('describes each paper page as a ScholarlyArticle in JSON-LD', () => {
    const { out, content } = seedSite();
    const paper = readPaperSources(content).find((p) => p.title === LEANDOJO)!;
    const html = readFileSync(join(out, 'papers', paper.slug, 'index.html'), 'utf8');
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1];
    const data = JSON.parse(json!);
    expect(data).toMatchObject({
      '@type': 'ScholarlyArticle',
      name: LEANDOJO,
      abstract: paper.abstract,
      url: `https://papers.example.org/papers/${paper.slug}/`,
      datePublished: '2025-03-11',
      image: `https://papers.example.org/og/${paper.slug}.png`,
    });
  });

  it('offers a copy-link that is a plain link to the permanent URL and an honest BibTeX entry', () => {
    const { out, content } = seedSite();
    const paper = readPaperSources(content).find((p) => p.title === LEANDOJO)!;
    const html = readFileSync(join(out, 'papers', paper.slug, 'index.html'), 'utf8');
    const permalink = `https://papers.example.org/papers/${paper.slug}/`;
    expect(html).toContain(`href="${permalink}" data-copy="href"`);
    expect(html).toContain('@misc{leandojo-theorem-proving-2025,');
    expect(html).toContain('title        = {{LeanDojo: Theorem Proving with Retrieval-Augmented Language Models}},');
    expect(html).toContain(`howpublished = {\\url{${permalink}}},`);
    expect(html).not.toMatch(/author\s*=/);
  });
});
