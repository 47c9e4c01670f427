/**
 * An honest BibTeX `@misc` entry for a paper page: what the listings tell
 * us and nothing invented. With an arXiv id it is the entry reference
 * managers expect (authors, `eprint`, `archivePrefix`, the year of the
 * arXiv date); without one it says the listing gave no authors.
 */

/** What a citation is made from. */
export interface CitationInput {
  slug: string;
  title: string;
  /** The page's permanent URL. */
  url: string;
  /** `YYYY-MM-DD` first listed. */
  firstSeen: string;
  siteTitle: string;
  arxivId?: string;
  /** `YYYY-MM-DD` published on arXiv. */
  published?: string;
  authors?: readonly string[];
}

/** Authors named in an entry before the rest are written as `others`. */
export const BIBTEX_MAX_AUTHORS = 50;

/** Escapes text for a BibTeX field value in braces; LaTeX specials become commands. */
export function escapeBibtex(text: string): string {
  return text
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([{}])/g, '\\$1')
    .replace(/\\textbackslash\\\{\\\}/g, '\\textbackslash{}')
    .replace(/([#$%&_])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}');
}

/** Makes a citation key: the slug's first words and the year, e.g. `leandojo-theorem-proving-2025`. */
export function citationKey(slug: string, year: string): string {
  return `${slug.split('-').slice(0, 3).join('-')}-${year}`;
}

/**
 * The `author` field: names joined by `and`, as BibTeX reads "First Last".
 * A name holding the word "and" is braced, so it stays one name.
 */
function authorField(authors: readonly string[]): string {
  const named = authors.slice(0, BIBTEX_MAX_AUTHORS).map((name) => (/\band\b/i.test(name) ? `{${escapeBibtex(name)}}` : escapeBibtex(name)));
  return [...named, ...(authors.length > BIBTEX_MAX_AUTHORS ? ['others'] : [])].join(' and ');
}

/** Escapes a URL for `\url{}`. */
function bibtexUrl(url: string): string {
  return url.replace(/[%#{}\\]/g, (c) => `\\${c}`);
}

/** Formats the `@misc` entry. */
export function toBibtex(input: CitationInput): string {
  const year = (input.published ?? input.firstSeen).slice(0, 4);
  // Double braces keep the title's capitalisation as written.
  const title: [string, string] = ['title', `{${escapeBibtex(input.title)}}`];
  const authors: [string, string][] = input.authors?.length ? [['author', authorField(input.authors)]] : [];
  const listed = `Listed on ${escapeBibtex(input.siteTitle)} on ${input.firstSeen}`;
  const fields: [string, string][] = input.arxivId
    ? [
        title,
        ...authors,
        ['year', year],
        ['eprint', input.arxivId],
        ['archivePrefix', 'arXiv'],
        ['url', `https://arxiv.org/abs/${input.arxivId}`],
        ['note', `${listed}: \\url{${bibtexUrl(input.url)}}`],
      ]
    : [
        title,
        ...authors,
        ['howpublished', `\\url{${bibtexUrl(input.url)}}`],
        ['year', year],
        ['note', `${listed}${authors.length ? '' : '; authors not given by the listing'}`],
      ];
  const width = Math.max(...fields.map(([name]) => name.length));
  return [`@misc{${citationKey(input.slug, year)},`, ...fields.map(([name, value]) => `  ${name.padEnd(width)} = {${value}},`), '}'].join('\n');
}
