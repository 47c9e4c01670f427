/** The hosts' published limits, and the warnings a build prints when its output passes them. */
import { describe, expect, test } from 'vitest';
import { hostWarnings } from '../../src/lib/build/hostLimits.ts';

const small = { bytes: 5e6, files: 300, largestFile: { path: 'index.html', bytes: 20_000 }, largestFolder: { path: 'papers', entries: 92 } };

describe('hostWarnings', () => {
  test('says nothing for an output that fits every host', () => {
    for (const host of ['github-pages', 'cloudflare-pages', 'cloudflare-pages-paid', 'netlify', 'other'] as const) expect(hostWarnings(host, small)).toEqual([]);
  });

  test('warns past GitHub Pages\' 1 GB with the size and how to make the output smaller', () => {
    const [warning, ...rest] = hostWarnings('github-pages', { ...small, bytes: 1.08e9 });
    expect(rest).toEqual([]);
    expect(warning).toMatch(/the output is 1\.08 GB, over GitHub Pages' limit of 1\.00 GB/);
    expect(warning).toMatch(/previewImages/);
  });

  test('warns past Cloudflare\'s file count and file size on the free plan, and only the size on the paid plan', () => {
    const big = { ...small, files: 31_039, largestFile: { path: 'topics/x/index.html', bytes: 30 * 2 ** 20 } };
    const free = hostWarnings('cloudflare-pages', big);
    expect(free).toHaveLength(2);
    expect(free[0]).toMatch(/31039 files, over Cloudflare Pages \(free plan\)' limit of 20000/);
    expect(free[1]).toMatch(/^topics\/x\/index\.html is 31 MB, over .* per file/);
    expect(hostWarnings('cloudflare-pages-paid', big)).toHaveLength(1);
  });

  test('warns past Netlify\'s entries per folder, naming the folder', () => {
    expect(hostWarnings('netlify', { ...small, largestFolder: { path: 'papers', entries: 54_001 } })).toEqual([
      expect.stringMatching(/^papers\/ holds 54001 entries, over Netlify' limit of 54000 per folder/),
    ]);
  });
});
