/** The search result excerpt (src/lib/search/excerpt.ts): words of the abstract around the matches, never the title again. */
import { describe, expect, test } from 'vitest';
import { abstractExcerpt, type ExcerptPart } from '../../src/lib/search/excerpt.ts';

/** The excerpt as text with [marks]. */
const show = (parts: ExcerptPart[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

// "Attention Is All You Need. Ashish Vaswani. " is 7 words; the abstract starts at word 7.
const title = 'Attention Is All You Need. Ashish Vaswani.';
const abstract = Array.from({ length: 60 }, (_, i) => (i === 40 ? 'attention' : `w${i}`)).join(' ');
const content = `${title} ${abstract}`;
const anchors = [{ id: 'abstract', location: 7 }];

describe('abstractExcerpt', () => {
  test('starts at the abstract when only the title matched, never showing the title', () => {
    const text = show(abstractExcerpt({ content, locations: [0], anchors }, 10));
    expect(text).toBe('w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 …');
  });

  test('moves to the matches inside the abstract, centres and marks them', () => {
    const text = show(abstractExcerpt({ content, locations: [0, 47], anchors }, 10));
    expect(text).toBe('… w35 w36 w37 w38 w39 [attention] w41 w42 w43 w44 …');
  });

  test('takes the whole text when the document has no abstract anchor', () => {
    expect(show(abstractExcerpt({ content: 'One two three', locations: [1] }, 10))).toBe('One [two] three');
  });

  test('keeps hostile text as text parts for the page to insert as text', () => {
    const parts = abstractExcerpt({ content: 'T. <script>alert(1)</script> <b>x</b>', locations: [1], anchors: [{ id: 'abstract', location: 1 }] }, 10);
    expect(parts).toEqual([{ text: '<script>alert(1)</script>', mark: true }, { text: ' <b>x</b>', mark: false }]);
  });
});
