/**
 * Line breaking of preview card titles (src/lib/og/lineBreak.ts): where a
 * line may break in Latin, CJK, Korean and emoji text, and how lines fill a
 * width. Pure: drawing the cards is tests/integration/preview-card.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { breakPieces, wrapLines } from '../../src/lib/og/lineBreak.ts';

describe('line breaking', () => {
  test('breaks Latin text after spaces and after a hyphen inside a word, never inside a word', () => {
    expect(breakPieces('Test-Time Scaling of LLMs, -1 case')).toEqual(['Test-', 'Time ', 'Scaling ', 'of ', 'LLMs, ', '-1 ', 'case']);
  });

  test('breaks between Chinese and Japanese characters, but not before closing punctuation nor after opening punctuation', () => {
    expect(breakPieces('模型（大）。日本語')).toEqual(['模', '型', '（大）。', '日', '本', '語']);
  });

  test('breaks Korean at spaces only, and never inside an emoji sequence', () => {
    expect(breakPieces('한국어 모델')).toEqual(['한국어 ', '모델']);
    expect(breakPieces('AI👩‍💻🇯🇵')).toEqual(['AI', '👩‍💻', '🇯🇵']);
  });

  test('fills lines up to the width, and cuts a word longer than a line between its letters', () => {
    const width = (s: string) => s.length * 10;
    expect(wrapLines(breakPieces('aaa bbb ccc dddd'), width, 75)).toEqual(['aaa bbb', 'ccc', 'dddd']);
    expect(wrapLines(breakPieces('ab cdefghij'), width, 40)).toEqual(['ab', 'cdef', 'ghij']);
  });
});
