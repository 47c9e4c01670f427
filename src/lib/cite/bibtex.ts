/**
 * An honest BibTeX `@misc` entry for a paper page: what the listing tells us
 * (title, the page's URL, the year first listed) and no invented authors.
 */

/** What a citation is made from. */
export interface CitationInput {
  slug: string;
  title: string;
  url: string;
  /** `YYYY-MM-DD` first listed. */
  firstSeen: string;
  siteTitle: string;
}

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

/** Formats the `@misc` entry. */
export function toBibtex(input: CitationInput): string {
  const year = input.firstSeen.slice(0, 4);
  return [
    `@misc{${citationKey(input.slug, year)},`,
    // Double braces keep the title's capitalisation as written.
    `  title        = {{${escapeBibtex(input.title)}}},`,
    `  howpublished = {\\url{${input.url.replace(/[%#{}\\]/g, (c) => `\\${c}`)}}},`,
    `  year         = {${year}},`,
    `  note         = {Listed on ${escapeBibtex(input.siteTitle)} on ${input.firstSeen}; authors not given by the listing},`,
    `}`,
  ].join('\n');
}
