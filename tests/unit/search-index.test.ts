/**
 * The search document each paper is given to Pagefind as: listing text stays
 * text (no markup it contains survives as markup), and Pagefind reads back
 * the exact title, abstract, filters and sort key.
 */
import { gunzipSync } from 'node:zlib';
import { close, createIndex } from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import type { HandoffPaper } from '../../src/lib/build/handoff.ts';
import { searchDocument } from '../../src/lib/build/searchIndex.ts';

const hostile: HandoffPaper = {
  slug: 'hostile',
  title: 'Attention </h1><script>alert(1)</script> & "quotes" <b>bold</b>',
  abstract: 'We show <img src=x onerror=alert(2)> that $a<b$ & <!-- comments --> stay text. Diffusion.',
  firstSeen: '2025-03-11',
  days: ['2025-03-11', '2025-03-12'],
  topics: ['language-models', 'efficiency'],
  hasNotes: false,
  preview: { card: { title: 't', topics: [], date: '11 March 2025', siteTitle: 's' }, file: '/dev/null' },
};

afterAll(async () => {
  await close();
});

describe('the search document of a paper', () => {
  it('contains no element made from listing text', () => {
    const html = searchDocument(hostile);
    expect(html).not.toMatch(/<script|<img|<b>|<!--/);
    expect(html.match(/<h1/g)).toHaveLength(1);
  });

  it('is read by Pagefind as the exact title, abstract, days, topics and date', async () => {
    const { index } = await createIndex({ forceLanguage: 'en' });
    const added = await index!.addHTMLFile({ url: '/papers/hostile/', content: searchDocument(hostile) });
    expect(added.errors).toEqual([]);
    const { files } = await index!.getFiles();
    const fragments = files.filter((f) => f.path.includes('fragment/')).map((f) => JSON.parse(gunzipSync(f.content).subarray('pagefind_dcd'.length).toString('utf8')));
    expect(fragments).toHaveLength(1);
    const [fragment] = fragments;
    expect(fragment.url).toBe('/papers/hostile/');
    expect(fragment.meta.title).toBe(hostile.title);
    expect(fragment.meta).toEqual({ title: hostile.title });
    // The date is a sort key, kept in the index metadata (not a meta field: those are indexed as words).
    const metadata = files.find((f) => f.path.endsWith('.pf_meta'))!;
    expect(gunzipSync(metadata.content).toString('latin1')).toContain('date');
    expect(fragment.filters).toEqual({ day: ['2025-03-11', '2025-03-12'], topic: ['language-models', 'efficiency'] });
    expect(fragment.content).toContain(hostile.abstract);
    expect(fragment.content.startsWith(hostile.title)).toBe(true);
  });
});
