/**
 * The `ScholarlyArticle` JSON-LD of a paper page (schema.org), which search
 * engines read: title, authors, dates, and with an arXiv id its identifier
 * and the arXiv page as `sameAs`. The abstract is left to the page itself
 * (and its description): repeated here it would be a tenth of every page.
 */
import { arxivAbsUrl } from '../papers/links.ts';

/** What the JSON-LD is made from. */
export interface ArticleInput {
  title: string;
  /** The page's permanent URL. */
  url: string;
  /** `YYYY-MM-DD` published on arXiv, else first listed. */
  datePublished: string;
  image: string;
  keywords: readonly string[];
  authors?: readonly string[];
  arxivId?: string;
  site: { name: string; url: string };
}

/**
 * The JSON-LD text, safe inside a `<script type="application/ld+json">`:
 * `<` is escaped, so no text can close the element.
 */
export function scholarlyArticle(input: ArticleInput): string {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline: input.title.slice(0, 110),
    name: input.title,
    url: input.url,
    mainEntityOfPage: input.url,
    datePublished: input.datePublished,
    image: input.image,
    keywords: input.keywords.join(', '),
    ...(input.authors?.length ? { author: input.authors.map((name) => ({ '@type': 'Person', name })) } : {}),
    ...(input.arxivId ? { identifier: { '@type': 'PropertyValue', propertyID: 'arXiv', value: input.arxivId }, sameAs: arxivAbsUrl(input.arxivId) } : {}),
    isPartOf: { '@type': 'WebSite', name: input.site.name, url: input.site.url },
  };
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
