/**
 * Preview card text: alphabets the bundled fonts cover are kept, scripts they
 * do not cover are left out instead of drawn as empty boxes. Pure: drawing
 * the cards is tests/integration/preview-card.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { cardText } from '../../src/lib/og/previewCard.ts';

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
