import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedSite } from '../support/seedSite.ts';

describe('the seed site', () => {
  it('has a page for each of the 92 papers', () => {
    const { out } = seedSite();
    const sitemap = readFileSync(join(out, 'sitemap-0.xml'), 'utf8');
    const papers = [...sitemap.matchAll(/<loc>[^<]*\/papers\/([^/<]+)\/<\/loc>/g)].map((m) => m[1]);
    expect(papers).toHaveLength(92);
    for (const slug of papers) expect(existsSync(join(out, 'papers', slug!, 'index.html'))).toBe(true);
  });
});
