/**
 * Highwire Press `citation_*` meta tags, which Zotero's and Google Scholar's
 * readers take a paper's title, authors, date and PDF from.
 */
import { arxivPdfUrl } from '../papers/links.ts';

/** What the tags are made from. */
export interface HighwireInput {
  title: string;
  authors?: readonly string[];
  /** `YYYY-MM-DD` published on arXiv, else first listed. */
  date: string;
  arxivId?: string;
  /** The page's permanent URL. */
  url: string;
}

/** The tags as `[name, content]` pairs, in the order readers expect them (one `citation_author` per author). */
export function highwireTags(input: HighwireInput): [name: string, content: string][] {
  return [
    ['citation_title', input.title],
    ...(input.authors ?? []).map((name): [string, string] => ['citation_author', name]),
    ['citation_publication_date', input.date.replaceAll('-', '/')],
    ...(input.arxivId
      ? [
          ['citation_arxiv_id', input.arxivId] as [string, string],
          ['citation_pdf_url', arxivPdfUrl(input.arxivId)] as [string, string],
        ]
      : []),
    ['citation_abstract_html_url', input.url],
  ];
}
