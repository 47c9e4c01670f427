/**
 * Pagefind on search documents: it reads back the exact title, abstract and
 * filters of a paper, cuts its word index into small chunks, and the build
 * refuses an index whose document count is not the paper count.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { close, createIndex } from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { INDEX_CHUNK_POSITIONS, indexSearchDocuments, pagefindEnv, readFragment, runPagefind } from '../../src/lib/build/searchIndex.ts';
import { searchDocument } from '../../src/lib/search/indexed.ts';
import { paperView, topic } from '../support/paperView.ts';

const hostile = paperView({
  slug: 'hostile',
  title: 'Attention </h1><script>alert(1)</script> & "quotes" <b>bold</b>',
  abstract: 'We show <img src=x onerror=alert(2)> that $a<b$ & <!-- comments --> stay text. Diffusion.',
  listings: [{ date: '2025-03-11', rank: 1 }, { date: '2025-03-12', rank: 4 }],
  topics: [topic('language-models', 'Language Models'), topic('efficiency', 'Efficiency')],
});

afterAll(async () => {
  await close();
});

describe('the search document of a paper', () => {
  it('is read by Pagefind as the exact title, abstract, days and topics, with no sort key or date to download', async () => {
    const { index } = await createIndex({ forceLanguage: 'en' });
    const added = await index!.addHTMLFile({ url: '/papers/hostile/', content: searchDocument(hostile) });
    expect(added.errors).toEqual([]);
    const { files } = await index!.getFiles();
    const fragments = files.filter((f) => f.path.includes('fragment/')).map((f) => readFragment(f.content) as ReturnType<typeof readFragment> & { meta: Record<string, string>; content: string });
    expect(fragments).toHaveLength(1);
    const fragment = fragments[0]!;
    expect(fragment.url).toBe('/papers/hostile/');
    expect(fragment.meta.title).toBe(hostile.data.title);
    expect(fragment.meta).toEqual({ title: hostile.data.title });
    // No sort key: its permutation of every page would be in the metadata each search downloads.
    const metadata = files.find((f) => f.path.endsWith('.pf_meta'))!;
    expect(gunzipSync(metadata.content).toString('latin1')).not.toContain('date');
    expect(fragment.filters).toEqual({ day: ['2025-03-11', '2025-03-12'], topic: ['language-models', 'efficiency'] });
    expect(fragment.content).toContain(hostile.data.abstract);
    expect(fragment.content.startsWith(hostile.data.title)).toBe(true);
  });
});

describe('the search index', () => {
  it(`is cut into chunks of ${INDEX_CHUNK_POSITIONS} word positions, so a search downloads little of it (Pagefind's unstable setting still takes effect)`, async () => {
    const work = mkdtempSync(join(tmpdir(), 'papers-chunks-'));
    try {
      // 300 papers of 200 words from a vocabulary of 3,000: enough positions for several of Pagefind's default chunks.
      const words = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}x`);
      for (let n = 0; n < 300; n++) {
        const abstract = Array.from({ length: 200 }, (_, k) => words[(n * 7919 + k * 104729) % words.length]).join(' ');
        const dir = join(work, 'site', 'papers', `p${n}`);
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'index.html'), searchDocument(paperView({ slug: `p${n}`, title: `Paper ${n}`, abstract })));
      }
      const chunks = async (name: string, env: NodeJS.ProcessEnv) => {
        await runPagefind(join(work, 'site'), join(work, name), env);
        expect(readdirSync(join(work, name, 'fragment'))).toHaveLength(300);
        return readdirSync(join(work, name, 'index')).length;
      };
      const { PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: _, ...pagefindDefault } = pagefindEnv();
      const ours = await chunks('ours', pagefindEnv());
      const theirs = await chunks('default', pagefindDefault);
      // Pagefind's default is 20,000 positions a chunk, eight times ours (the last chunk of each is partly full).
      expect(theirs).toBeGreaterThanOrEqual(2);
      expect(ours).toBeGreaterThanOrEqual(theirs * 6);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('is refused when Pagefind indexes another number of documents than the site has papers, naming the cache folder to delete', async () => {
    const work = mkdtempSync(join(tmpdir(), 'papers-count-'));
    try {
      const documents = join(work, 'search-documents');
      for (const slug of ['one', 'two']) {
        mkdirSync(join(documents, 'papers', slug), { recursive: true });
        writeFileSync(join(documents, 'papers', slug, 'index.html'), searchDocument(paperView({ slug })));
      }
      const dir = join(work, 'site');
      await expect(indexSearchDocuments({ dir, documents, papers: 3 })).rejects.toThrow(`Pagefind indexed 2 documents for 3 papers; delete ${documents}`);
      expect(await indexSearchDocuments({ dir, documents, papers: 2 })).toBe(2);
      expect(readdirSync(join(dir, 'pagefind'))).toContain('newest-first.json');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
