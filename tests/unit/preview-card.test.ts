/**
 * Preview cards: drawn for any title, with alphabets the bundled fonts cover
 * and without the empty boxes of scripts they do not.
 */
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { cardText, renderPreviewCard } from '../../src/lib/og/previewCard.ts';

describe('cardText', () => {
  test('keeps Latin, Greek, Cyrillic, Hebrew and Arabic text and markup characters as they are', () => {
    const text = 'Łódź Ελληνικά Русский עברית العربية <script>alert(1)</script> & "q"';
    expect(cardText(text)).toBe(text);
  });

  test('leaves out scripts no bundled font can draw, and emoji', () => {
    expect(cardText('日本語のモデル 🚀 Robots 한국어')).toBe('Robots');
    expect(cardText('🚀🚀')).toBe('');
  });
});

describe('renderPreviewCard', () => {
  test('draws a 1200×630 PNG for a hostile, international title', async () => {
    const png = await renderPreviewCard({ title: '日本語 🚀 עברית <img src=x onerror=alert(1)> '.repeat(8), topics: ['A', 'B', 'C', 'D', 'E'], date: '11 March 2025', siteTitle: 'Trending Papers' });
    const meta = await sharp(png).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: 'png', width: 1200, height: 630 });
  });

  test('falls back to the site name when nothing of the title can be drawn', async () => {
    const png = await renderPreviewCard({ title: '🚀', topics: [], date: '11 March 2025', siteTitle: 'Trending Papers' });
    expect((await sharp(png).metadata()).width).toBe(1200);
  });
});
