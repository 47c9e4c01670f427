/**
 * Preview cards are drawn (satori, then resvg) for any title, and a real
 * decoder reads them back as 1200×630 PNGs.
 */
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { renderPreviewCard } from '../../src/lib/og/previewCard.ts';

describe('renderPreviewCard', () => {
  test('draws a 1200×630 PNG for a hostile, international title', async () => {
    const png = await renderPreviewCard({ title: '日本語 🚀 עברית <img src=x onerror=alert(1)> '.repeat(8), topics: ['A', 'B', 'C', 'D', 'E'], date: '11 March 2025', siteTitle: 'Trending Papers' });
    const meta = await sharp(png).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: 'png', width: 1200, height: 630 });
  });

  test('falls back to the site name when nothing of the title can be drawn', async () => {
    const card = { topics: ['A'], date: '11 March 2025', siteTitle: 'Trending Papers' };
    const undrawable = await renderPreviewCard({ ...card, title: '🚀 日本語' });
    expect((await sharp(undrawable).metadata()).width).toBe(1200);
    // The same pixels as a card titled with the site name, and not those of any other title.
    expect(Buffer.from(undrawable).equals(Buffer.from(await renderPreviewCard({ ...card, title: 'Trending Papers' })))).toBe(true);
    expect(Buffer.from(undrawable).equals(Buffer.from(await renderPreviewCard({ ...card, title: 'Trending Paper' })))).toBe(false);
  });
});
