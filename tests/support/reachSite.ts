/**
 * The shared "papers people can reach" site: text and JSON listings side by
 * side. A text day (2025-03-13) lists a paper by a title written in other
 * case and spacing than the daily papers API writes it, and a paper no
 * listing ever gives an id; the next day is the API's realistic day
 * (tests/fixtures/listings/daily-papers/accepted/realistic-day: ids,
 * authors, 65 on one paper, links, upvotes); the day after holds the hostile
 * values (markup in names, javascript: and data: links) and one id listed
 * again under a revised title.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FixtureOptions, listingText, projectRoot } from './fixtureSite.ts';

const fixture = (name: string) => readFileSync(join(projectRoot, 'tests/fixtures/listings/daily-papers/accepted', name, '2025-03-14.json'), 'utf8');

/** The paper first listed from text, later by the API with its id. */
export const FROM_TEXT = {
  listedTitle: 'sparse mixture of retrieval experts for  open-domain question answering',
  apiTitle: 'Sparse Mixture of Retrieval Experts for Open-Domain Question Answering',
  slug: 'sparse-mixture-of-retrieval-experts-for-open-domain-question-answering',
  arxivId: '2503.10001',
  authors: ['Uma Eriksen', 'Zoltán Ueda', 'Dara Castell', 'Ines Duarte', 'Xiu Sato', 'Dara Müller', 'Greta Gómez'],
  code: 'https://github.com/example-lab/smore',
  project: 'https://example-lab.github.io/smore/',
  upvotes: 142,
};

/** The paper no listing gives an id: its page offers title searches. */
export const NO_ID = { title: 'A Paper Nobody Gave An Id: Search & "Find" It', slug: 'a-paper-nobody-gave-an-id-search-find-it' };

/** The paper with 65 authors, listed again the next day under a revised title. */
export const MANY_AUTHORS = { arxivId: '2503.10005', title: 'Polyglot-40B Technical Report', slug: 'polyglot-40b-technical-report', revisedTitle: 'Polyglot-40B Technical Report (v2, revised)', authors: 65 };

/** The hostile paper of the API's hostile values. */
export const HOSTILE = {
  arxivId: '2503.20001',
  title: '<script>alert("title")</script> Robust Parsing of Hostile Input',
  authors: ['<script>alert(1)</script>', '<img src=x onerror=alert(2)>', 'Bo Chen'],
};

/** The hostile day: the fixture's items, then the revised title of MANY_AUTHORS. */
function hostileDay(): string {
  const items = JSON.parse(fixture('hostile-values')) as unknown[];
  const revised = { paper: { id: MANY_AUTHORS.arxivId, title: MANY_AUTHORS.revisedTitle, summary: 'A revised abstract the site does not take: the first one stays.', upvotes: 77 }, title: MANY_AUTHORS.revisedTitle };
  return JSON.stringify([...items, revised]);
}

/** The fixture: only these listings. */
export const reachFixture: FixtureOptions = {
  replaceListings: true,
  listings: {
    '2025-03-13.txt': listingText('Mar 13', [
      { title: FROM_TEXT.listedTitle, abstract: 'The abstract as the page scraped it on the first day.' },
      { title: NO_ID.title, abstract: 'A paper the listings never give an arXiv id, authors or links.' },
    ]),
    '2025-03-14.json': fixture('realistic-day'),
    '2025-03-15.json': hostileDay(),
  },
};
