/**
 * The reading list's pure core (src/lib/readingList/): the stored value is
 * untrusted, so reading it never throws and keeps only well-formed papers;
 * changes go through a storage that may be blocked or full and come back
 * as values with a message; two tabs' changes do not undo each other;
 * /saved/ orders papers newest first; the `.bib` file is made of the paper
 * pages' own entries only.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBibtex } from '../../src/lib/cite/bibtex.ts';
import { MAX_TITLE_LENGTH as LISTING_MAX_TITLE_LENGTH } from '../../src/lib/listing/parse.ts';
import { MAX_SLUG_LENGTH as SLUGIFY_MAX_LENGTH, SLUG_PATTERN as SLUGIFY_PATTERN, slugify } from '../../src/lib/papers/slugify.ts';
import { bibFile, isBibtexEntry, movedPaperPage } from '../../src/lib/readingList/bibFile.ts';
import {
  FORMAT_VERSION,
  isDay,
  isSlug,
  MAX_SLUG_LENGTH,
  MAX_TITLE_LENGTH,
  parseReadingList,
  savedPaper,
  serialiseReadingList,
  SLUG_PATTERN,
  STORAGE_KEY,
  withoutPaper,
  withPaper,
  type SavedPaper,
} from '../../src/lib/readingList/list.ts';
import { problemMessage } from '../../src/lib/readingList/messages.ts';
import { newestFirst } from '../../src/lib/readingList/order.ts';
import { changeStored, readStored, storeMessage, writeError, type StorageLike } from '../../src/lib/readingList/store.ts';

const A: SavedPaper = { slug: 'a-study-of-bayesian-optimization', title: 'A Study of Bayesian Optimization', day: '2025-03-11', saved: 1_741_700_000_000 };
const B: SavedPaper = { slug: 'leandojo-theorem-proving', title: 'LeanDojo: Theorem Proving', day: '2025-03-12', saved: 1_741_700_000_500 };
const C: SavedPaper = { slug: 'quokka-diffusion', title: 'Quokka Diffusion', day: '2025-03-11', saved: 1_741_800_000_000 };

/** A stored value of version 1 holding `papers` as given (well-formed or not). */
const stored = (papers: unknown[]) => JSON.stringify({ v: 1, papers });

/** An in-memory localStorage; `fail` makes a method throw. */
function memoryStorage(initial: Record<string, string> = {}, fail: { setItem?: () => never; getItem?: () => never } = {}) {
  const data = new Map(Object.entries(initial));
  const storage: StorageLike = {
    getItem: (key) => (fail.getItem ? fail.getItem() : (data.get(key) ?? null)),
    setItem: (key, value) => (fail.setItem ? fail.setItem() : void data.set(key, value)),
    removeItem: (key) => void data.delete(key),
  };
  return { storage, data };
}

describe('reading a stored reading list', () => {
  it('reads nothing stored as an empty list with no problem', () => {
    expect(parseReadingList(null)).toEqual({ papers: [] });
  });

  it('reads back exactly what it wrote, in the order saved', () => {
    expect(parseReadingList(serialiseReadingList([A, B, C]))).toEqual({ papers: [A, B, C] });
    expect(JSON.parse(serialiseReadingList([A]))).toEqual({ v: FORMAT_VERSION, papers: [A] });
  });

  it('sets aside a value that is not JSON, not an object, or not version 1, without throwing', () => {
    for (const raw of ['', '{', 'undefined', 'null', '42', '"text"', '[]', '[1,2]', '{}', '{"papers":[]}', '{"v":0,"papers":[]}', '{"v":"1","papers":[]}', '{"v":1.5,"papers":[]}', '{"v":1}', '{"v":1,"papers":{}}', '{"v":1,"papers":"x"}']) {
      expect(parseReadingList(raw), raw).toEqual({ papers: [], problem: { kind: 'unreadable' } });
    }
  });

  it('leaves a list written by a newer version of the site alone', () => {
    expect(parseReadingList(JSON.stringify({ v: 2, items: [] }))).toEqual({ papers: [], problem: { kind: 'newer' } });
  });

  it('leaves out entries whose slug is not lower-case ASCII words and hyphens, and counts them', () => {
    const slugs = ['', 'Upper-Case', '../../etc/passwd', 'javascript:alert(1)', 'a b', 'a--b', '-a', 'a-', 'a/b', 'a?b=1', 'é-accent', 'a'.repeat(MAX_SLUG_LENGTH + 1), 42, null, ['a']];
    const read = parseReadingList(stored([A, ...slugs.map((slug) => ({ ...B, slug }))]));
    expect(read).toEqual({ papers: [A], problem: { kind: 'entries', count: slugs.length } });
  });

  it('leaves out entries with a blank, over-long, control-character or non-string title', () => {
    const titles = ['', '   ', 'a'.repeat(MAX_TITLE_LENGTH + 1), 'line\nbreak', 'nul\u0000', 'esc\u001b[31m', 42, null, { toString: 'x' }];
    const read = parseReadingList(stored([...titles.map((title) => ({ ...B, title })), A]));
    expect(read).toEqual({ papers: [A], problem: { kind: 'entries', count: titles.length } });
  });

  it('keeps a title that looks like markup as the text it is: it is shown as text, never parsed', () => {
    const hostile = { ...A, title: '<script>alert(1)</script><img src=x onerror=alert(2)> & "quotes"' };
    expect(parseReadingList(stored([hostile])).papers).toEqual([hostile]);
  });

  it('leaves out entries whose day is not a YYYY-MM-DD day or whose save time is not a whole number of milliseconds', () => {
    const bad = [
      ...['2025-3-11', '2025-13-01', '2025-00-10', '2025-03-32', '11/03/2025', '2025-03-11T00:00:00Z', '', 20250311].map((day) => ({ ...B, day })),
      ...[-1, 1.5, Number.NaN, '1741700000000', null, 2 ** 60].map((saved) => ({ ...B, saved })),
    ];
    // NaN is not JSON: it is stored as null.
    expect(parseReadingList(stored([...bad, A]))).toEqual({ papers: [A], problem: { kind: 'entries', count: bad.length } });
  });

  it('leaves out entries that are not objects, and drops fields it does not know', () => {
    const read = parseReadingList(stored([null, 1, 'a', [A], { ...A, authors: ['x'], bibtex: '@misc{…}', __proto__: { polluted: true } }]));
    expect(read.papers).toEqual([A]);
    expect(Object.keys(read.papers[0]!)).toEqual(['slug', 'title', 'day', 'saved']);
    expect(read.problem).toEqual({ kind: 'entries', count: 4 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads a JSON "__proto__" key as plain data', () => {
    const read = parseReadingList('{"v":1,"papers":[],"__proto__":{"polluted":true}}');
    expect(read).toEqual({ papers: [] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('counts a paper stored twice once, keeping its first save', () => {
    expect(parseReadingList(stored([A, { ...A, title: 'Another title', saved: A.saved + 1 }, B]))).toEqual({ papers: [A, B] });
  });

  it('never throws, whatever the stored string or JSON value is', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((papers) => JSON.stringify({ v: 1, papers }))), (raw) => {
        const read = parseReadingList(raw);
        for (const paper of read.papers) expect(savedPaper(paper)).toEqual(paper);
      }),
    );
  });

  it('reads back every list of valid papers it writes', () => {
    const paper = fc.record({
      slug: fc.stringMatching(/^[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,5}$/),
      title: fc.string({ minLength: 1, maxLength: 80 }).filter((t) => t.trim() !== '' && !/[\u0000-\u001f\u007f]/.test(t)),
      day: fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      saved: fc.nat(),
    });
    fc.assert(
      fc.property(fc.uniqueArray(paper, { selector: (p) => p.slug, maxLength: 20 }), (papers) => {
        expect(parseReadingList(serialiseReadingList(papers))).toEqual({ papers });
      }),
    );
  });

  it('accepts every slug the site makes, with the same pattern as slugify', () => {
    expect(SLUG_PATTERN.source).toBe(SLUGIFY_PATTERN.source);
    expect(MAX_SLUG_LENGTH).toBeGreaterThan(SLUGIFY_MAX_LENGTH + 10);
    expect(MAX_TITLE_LENGTH).toBe(LISTING_MAX_TITLE_LENGTH);
    fc.assert(
      fc.property(fc.string(), (title) => {
        expect(isSlug(slugify(title))).toBe(true);
      }),
    );
    expect(isSlug(`${slugify('Attention Is All You Need')}-2`)).toBe(true);
  });

  it('accepts real days only in YYYY-MM-DD form', () => {
    expect(['2025-03-11', '2024-02-29', '1999-12-31'].every(isDay)).toBe(true);
    expect(['2025-3-11', '2025-03-1', '25-03-11', '2025-03-11 ', '2025-03-11\n'].some(isDay)).toBe(false);
  });
});

describe('changing the list', () => {
  it('saves a paper once, keeping its first save, and removes it', () => {
    const once = withPaper([A], B);
    expect(once).toEqual([A, B]);
    expect(withPaper(once, { ...B, saved: B.saved + 5 })).toEqual([A, B]);
    expect(withoutPaper(once, A.slug)).toEqual([B]);
    expect(withoutPaper(once, 'not-saved')).toEqual([A, B]);
  });

  it('builds a paper from a button\'s data attributes only when every one is valid', () => {
    expect(savedPaper({ slug: A.slug, title: A.title, day: A.day, saved: A.saved })).toEqual(A);
    expect(savedPaper({ slug: undefined, title: A.title, day: A.day, saved: A.saved })).toBeUndefined();
    expect(savedPaper({ slug: A.slug, title: A.title, day: undefined, saved: A.saved })).toBeUndefined();
    expect(savedPaper(undefined)).toBeUndefined();
  });
});

describe('the order of /saved/', () => {
  it('lists the papers first listed on the newest day first, and the latest saved first within a day', () => {
    expect(newestFirst([A, B, C]).map((p) => p.slug)).toEqual([B.slug, C.slug, A.slug]);
  });

  it('settles equal days and save times by slug, whatever the stored order', () => {
    const same = [{ ...A, slug: 'b-paper' }, { ...A, slug: 'a-paper' }, { ...A, slug: 'c-paper' }];
    expect(newestFirst(same).map((p) => p.slug)).toEqual(['a-paper', 'b-paper', 'c-paper']);
    expect(newestFirst([...same].reverse())).toEqual(newestFirst(same));
  });

  it('does not change the list it orders', () => {
    const list = [A, B, C];
    newestFirst(list);
    expect(list).toEqual([A, B, C]);
  });
});

describe('the stored list, through a storage that may fail', () => {
  it('saves into storage under its key, and removes the key when the list is empty', () => {
    const { storage, data } = memoryStorage();
    expect(changeStored(() => storage, (papers) => withPaper(papers, A))).toEqual({ ok: true, papers: [A] });
    expect(JSON.parse(data.get(STORAGE_KEY)!)).toEqual({ v: 1, papers: [A] });
    expect(readStored(() => storage)).toEqual({ papers: [A] });
    expect(changeStored(() => storage, (papers) => withoutPaper(papers, A.slug))).toEqual({ ok: true, papers: [] });
    expect(data.has(STORAGE_KEY)).toBe(false);
  });

  it('applies each change to what storage holds now, so two tabs keep each other\'s papers', () => {
    const { storage } = memoryStorage();
    const tab1 = () => storage;
    const tab2 = () => storage;
    // Each tab read the empty list when it opened; then both save, one after the other.
    expect(readStored(tab1).papers).toEqual([]);
    expect(readStored(tab2).papers).toEqual([]);
    changeStored(tab1, (papers) => withPaper(papers, A));
    changeStored(tab2, (papers) => withPaper(papers, B));
    changeStored(tab1, (papers) => withPaper(papers, C));
    changeStored(tab2, (papers) => withoutPaper(papers, A.slug));
    expect(readStored(tab1).papers).toEqual([B, C]);
  });

  it('calls storage that throws on access blocked, when reading and when changing', () => {
    const blocked = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    expect(readStored(blocked)).toEqual({ papers: [], error: 'blocked' });
    expect(changeStored(blocked, (papers) => withPaper(papers, A))).toEqual({ ok: false, error: 'blocked' });
    expect(readStored(() => null)).toEqual({ papers: [], error: 'blocked' });
    const { storage } = memoryStorage({}, { getItem: blocked });
    expect(readStored(() => storage)).toEqual({ papers: [], error: 'blocked' });
  });

  it('reports full storage and keeps what was stored', () => {
    const before = serialiseReadingList([A]);
    const { storage, data } = memoryStorage(
      { [STORAGE_KEY]: before },
      {
        setItem: () => {
          throw new DOMException('quota', 'QuotaExceededError');
        },
      },
    );
    expect(changeStored(() => storage, (papers) => withPaper(papers, B))).toEqual({ ok: false, error: 'full' });
    expect(data.get(STORAGE_KEY)).toBe(before);
  });

  it('tells blocked, full and other write failures apart', () => {
    expect(writeError(new DOMException('x', 'QuotaExceededError'))).toBe('full');
    expect(writeError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe('full');
    expect(writeError(new DOMException('x', 'SecurityError'))).toBe('blocked');
    expect(writeError(new TypeError('x'))).toBe('failed');
    expect(writeError('a string')).toBe('failed');
    expect(writeError(null)).toBe('failed');
  });

  it('does not overwrite a list written by a newer version of the site', () => {
    const newer = JSON.stringify({ v: 2, items: [{ id: 'x' }] });
    const { storage, data } = memoryStorage({ [STORAGE_KEY]: newer });
    expect(changeStored(() => storage, (papers) => withPaper(papers, A))).toEqual({ ok: false, error: 'newer' });
    expect(data.get(STORAGE_KEY)).toBe(newer);
  });

  it('replaces an unreadable stored value on the next change, keeping the well-formed papers', () => {
    const { storage, data } = memoryStorage({ [STORAGE_KEY]: stored([A, { slug: 'BAD' }]) });
    expect(changeStored(() => storage, (papers) => withPaper(papers, B))).toEqual({ ok: true, papers: [A, B] });
    expect(parseReadingList(data.get(STORAGE_KEY)!)).toEqual({ papers: [A, B] });
  });

  it('says what did not happen and why, in a sentence for every failure', () => {
    expect(storeMessage('full', 'Not saved')).toMatch(/^Not saved: this browser's storage for this site is full\. .*\.$/);
    expect(storeMessage('blocked', 'Not saved')).toMatch(/^Not saved: this browser does not let this site store data .*\.$/);
    for (const error of ['blocked', 'full', 'newer', 'failed'] as const) expect(storeMessage(error, 'Not removed')).toMatch(/^Not removed: [a-z].{20,}\.$/);
    expect(problemMessage({ kind: 'entries', count: 1 })).toBe("One saved paper could not be read from this browser's storage and is left out.");
    expect(problemMessage({ kind: 'entries', count: 3 })).toBe("3 saved papers could not be read from this browser's storage and are left out.");
    expect(problemMessage({ kind: 'unreadable' })).toMatch(/could not be read/);
    expect(problemMessage({ kind: 'newer' })).toMatch(/newer version/);
  });
});

describe('the .bib file', () => {
  const entry = (slug: string, title: string) => toBibtex({ slug, title, url: `https://papers.example.org/papers/${slug}/`, firstSeen: '2025-03-11', siteTitle: 'Trending Papers' });
  const pageUrl = (slug: string) => `https://papers.example.org/papers/${slug}/`;

  it('holds each page\'s entry as given, in the list\'s order, a blank line apart', () => {
    const a = entry(A.slug, A.title);
    const b = entry(B.slug, B.title);
    expect(bibFile([{ slug: A.slug, entry: a }, { slug: B.slug, entry: b }], pageUrl)).toEqual({ text: `${a}\n\n${b}\n`, missing: [] });
  });

  it('recognises every entry the paper pages show, whatever the title', () => {
    fc.assert(
      fc.property(fc.string(), (title) => {
        expect(isBibtexEntry(entry('some-paper', title))).toBe(true);
      }),
    );
    expect(isBibtexEntry(entry(A.slug, '} @misc{evil, title={x}'))).toBe(true);
    expect(isBibtexEntry('<!doctype html><title>Not found</title>')).toBe(false);
    expect(isBibtexEntry('')).toBe(false);
  });

  it('names the papers left out in a comment at the top, by page address only', () => {
    const b = entry(B.slug, B.title);
    const { text, missing } = bibFile([{ slug: A.slug }, { slug: B.slug, entry: b }, { slug: C.slug, entry: '<!doctype html><p>Not found</p>' }], pageUrl);
    expect(missing).toEqual([A.slug, C.slug]);
    expect(text).toBe(
      [
        '@comment{2 saved papers are left out of this file: their pages could not be fetched.',
        'Download the file again when online, or copy each entry from the paper page:',
        pageUrl(A.slug),
        pageUrl(C.slug),
        '}',
        '',
        `${b}\n`,
      ].join('\n'),
    );
    expect(text).not.toContain('Not found');
  });

  it('still gives a file, the comment alone, when no page could be fetched', () => {
    const { text, missing } = bibFile([{ slug: A.slug }], pageUrl);
    expect(missing).toEqual([A.slug]);
    expect(text).toBe(`@comment{One saved paper is left out of this file: its page could not be fetched.\nDownload the file again when online, or copy each entry from the paper page:\n${pageUrl(A.slug)}\n}\n`);
  });

  it('keeps the comment\'s braces balanced even if a page address had braces', () => {
    const { text } = bibFile([{ slug: A.slug }], (slug) => `https://x.example/{${slug}}/`);
    expect(text).not.toContain(A.slug);
    expect(text.split('{').length).toBe(text.split('}').length);
  });

  it('follows a renamed paper\'s redirect page to the paper page it names, and nowhere else', () => {
    const page = new URL('https://papers.example.org/papers-site/papers/old-name/');
    const moved = (refresh: string) => movedPaperPage(refresh, page, '/papers-site/')?.href;
    expect(moved('0;url=/papers-site/papers/new-name/')).toBe('https://papers.example.org/papers-site/papers/new-name/');
    expect(moved('0; URL="../new-name/"')).toBe('https://papers.example.org/papers-site/papers/new-name/');
    expect(moved('0;url=https://papers.example.org/papers-site/papers/new-name/?x=1#y')).toBe('https://papers.example.org/papers-site/papers/new-name/');
    for (const refresh of ['0;url=https://evil.example/papers-site/papers/new-name/', '0;url=//evil.example/papers-site/papers/x/', '0;url=javascript:alert(1)', '0;url=/papers/new-name/', '0;url=/papers-site/papers/Bad_Slug/', '0;url=/papers-site/papers/a/b/', '0;url=/papers-site/topics/x/', '0', '', 'url']) {
      expect(moved(refresh), refresh).toBeUndefined();
    }
  });
});
