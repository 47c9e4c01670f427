/** The search page's query: arXiv ids in the forms people paste them in become the bare id the index holds. */
import { describe, expect, test } from 'vitest';
import { searchQuery } from '../../src/lib/search/query.ts';

describe('searchQuery', () => {
  test('brings every pasted form of an arXiv id back to the bare id', () => {
    for (const typed of ['2503.10001', 'arXiv:2503.10001', 'arxiv: 2503.10001', '2503.10001v3', 'https://arxiv.org/abs/2503.10001v2', 'https://arxiv.org/pdf/2503.10001', 'https://arxiv.org/pdf/2503.10001v1.pdf', 'https://huggingface.co/papers/2503.10001', '  2503.10001  ']) {
      expect(searchQuery(typed), typed).toBe('2503.10001');
    }
  });

  test('leaves words, names and other numbers as they were typed', () => {
    for (const typed of ['diffusion models', 'Ada Lovelace', 'GPT-4.5 benchmark', '3.14 radians', 'v2 results']) expect(searchQuery(typed)).toBe(typed);
  });

  test('keeps the words around an id', () => {
    expect(searchQuery('retrieval arXiv:2503.10001 experts')).toBe('retrieval 2503.10001 experts');
  });
});
