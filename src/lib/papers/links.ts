/**
 * Where a paper can be read outside this site: its arXiv abstract and PDF
 * and its Hugging Face page when the listing gave its arXiv id, or searches
 * for its title when it did not. Every URL is built here, encoded, and
 * only ever http(s).
 */

/** A link out of the site: its visible label and URL. */
export interface OutLink {
  label: string;
  href: string;
}

/** The arXiv abstract page of an id. */
export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

/** The arXiv PDF of an id. */
export function arxivPdfUrl(id: string): string {
  return `https://arxiv.org/pdf/${id}`;
}

/** The Hugging Face paper page of an arXiv id. */
export function huggingFacePaperUrl(id: string): string {
  return `https://huggingface.co/papers/${id}`;
}

/** The links to read a paper with an arXiv id, with its code and project page when known. */
export function readingLinks(id: string, links: { code?: string; project?: string } = {}): OutLink[] {
  return [
    { label: 'arXiv', href: arxivAbsUrl(id) },
    { label: 'PDF', href: arxivPdfUrl(id) },
    { label: 'Hugging Face', href: huggingFacePaperUrl(id) },
    ...(links.code ? [{ label: 'Code', href: links.code }] : []),
    ...(links.project ? [{ label: 'Project page', href: links.project }] : []),
  ];
}

/** Searches for a paper by its title, for papers whose listing gave no arXiv id. */
export function findingLinks(title: string): OutLink[] {
  const q = encodeURIComponent(title);
  return [
    { label: 'arXiv title search', href: `https://arxiv.org/search/?query=${q}&searchtype=title` },
    { label: 'Semantic Scholar', href: `https://www.semanticscholar.org/search?q=${q}` },
    { label: 'Google Scholar', href: `https://scholar.google.com/scholar?q=${encodeURIComponent(`"${title}"`)}` },
  ];
}
