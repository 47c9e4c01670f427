/**
 * slugify: readable, bounded, ASCII-only URL slugs with a stable fallback.
 */
import { describe, expect, test } from 'vitest';
import { MAX_SLUG_LENGTH, slugify } from '../../src/lib/papers/slugify.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('slugify', () => {
  test('makes a readable slug of lower-case words joined by hyphens', () => {
    expect(slugify('A Study of Bayesian Neural Network Surrogates for Bayesian Optimization')).toBe(
      'a-study-of-bayesian-neural-network-surrogates-for-bayesian-optimization',
    );
    expect(slugify("RL for Consistency Models: Faster Reward-Guided Text-to-Image Generation")).toBe(
      'rl-for-consistency-models-faster-reward-guided-text-to-image-generation',
    );
  });

  test('drops apostrophes inside words instead of splitting them', () => {
    expect(slugify("OpenAI's o1 Model")).toBe('openais-o1-model');
    expect(slugify('Don’t Stop')).toBe('dont-stop');
  });

  test('folds diacritics to plain letters', () => {
    expect(slugify('Café Crème: Über Naïve Façades in São Paulo')).toBe('cafe-creme-uber-naive-facades-in-sao-paulo');
  });

  test('folds compatibility characters such as ligatures and full-width letters', () => {
    expect(slugify('Eﬃcient Ｍodels')).toBe('efficient-models');
  });

  test('cuts long titles at a word boundary within MAX_SLUG_LENGTH', () => {
    const title = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(SLUG);
    expect(title.toLowerCase().replace(/ /g, '-').startsWith(`${slug}-`)).toBe(true);
  });

  test('cuts a single word longer than the limit to the limit', () => {
    expect(slugify('x'.repeat(200))).toBe('x'.repeat(MAX_SLUG_LENGTH));
    expect(slugify('abc defghij', 5)).toBe('abc');
  });

  test('keeps zero-width and bidirectional control characters out of the slug, without splitting words', () => {
    expect(slugify('Zero\u200bWidth Jo\u200dined \u202eevil\u202c Text\u2066s\u2069')).toBe('zerowidth-joined-evil-texts');
    expect(slugify('\uFEFFBOM Title')).toBe('bom-title');
  });

  test('keeps right-to-left letters out of the slug', () => {
    expect(slugify('מודלים גדולים: Hebrew and العربية Titles')).toBe('hebrew-and-titles');
  });

  test('falls back to a stable paper-<hash> slug when nothing readable is left', () => {
    const slug = slugify('🚀🔥💯');
    expect(slug).toMatch(/^paper-[0-9a-f]{10}$/);
    expect(slugify('🚀🔥💯')).toBe(slug);
    expect(slugify('🎉🎉')).not.toBe(slug);
    expect(slugify('עברית בלבד')).toMatch(/^paper-[0-9a-f]{10}$/);
    expect(slugify('!!! ??? ---')).toMatch(/^paper-[0-9a-f]{10}$/);
  });

  test('always returns a valid slug', () => {
    for (const title of ['', ' ', '---', 'a--b', '-a-', 'ÆØÅ', '∑ x²', 'C++ & C#', '<script>alert(1)</script>', '$\\frac{a}{b}$']) {
      expect(slugify(title)).toMatch(SLUG);
    }
  });
});
