/**
 * The shapes a listing takes once parsed. These zod schemas are the single
 * source of the types used by every later stage. Both listing formats (a
 * scraped text page, `parse.ts`, and a daily papers API response,
 * `dailyPapers.ts`) produce one `Listing`.
 */
import { z } from 'zod';

/** A calendar day, `YYYY-MM-DD`. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2025-03-11')
  .describe('A calendar day, YYYY-MM-DD.');

/**
 * A new-style arXiv identifier without its version: `YYMM.NNNN` for April
 * 2007 to December 2014, `YYMM.NNNNN` from January 2015 (arXiv's own rule).
 * Old-style ids (`hep-th/9901001`) are not accepted: Hugging Face's paper
 * pages live at `/papers/<id>`, which a slash would break, and no documented
 * response carries one.
 */
export const ArxivId = z
  .string()
  .regex(
    /^(?:(?:0[7-9]|1[0-4])(?:0[1-9]|1[0-2])\.\d{4}|(?:1[5-9]|[2-9]\d)(?:0[1-9]|1[0-2])\.\d{5})$/,
    'expected a new-style arXiv id such as 2503.01234 (without a version suffix)',
  )
  .describe('New-style arXiv identifier, YYMM.NNNN (2007-2014) or YYMM.NNNNN (2015 on), version suffix stripped.');
export type ArxivId = z.infer<typeof ArxivId>;

/** An absolute http: or https: URL: the only kind a page may link to. */
export const HttpUrl = z
  .url({ protocol: /^https?$/, message: 'expected an absolute http(s) URL' })
  .describe('Absolute http: or https: URL.');

/**
 * What a daily papers API response says about a paper beyond its title and
 * abstract. Every field is optional: the API may leave any of them out, and
 * values that cannot be used safely are dropped by the parser with a warning.
 */
export const PaperMetadata = z.object({
  /** The paper's identity when present (titles may be truncated in places). */
  arxivId: ArxivId.optional().describe('arXiv identifier (paper.id), the paper\'s identity; absent when the item had none or an unusable one.'),
  /** Author names as plain text, in the order given. */
  authors: z
    .array(z.string().min(1))
    .optional()
    .describe('Author names (paper.authors[].name) as plain text, NFC, white space collapsed, in the order given; hidden ones included.'),
  /** Day the paper itself was published (on arXiv), not the day it was listed. */
  publishedAt: IsoDate.optional().describe('Day the paper was published (paper.publishedAt), YYYY-MM-DD in UTC.'),
  /** Hugging Face upvotes when the listing was downloaded. */
  upvotes: z.number().int().nonnegative().optional().describe('Upvotes on Hugging Face (paper.upvotes) when the listing was downloaded.'),
  /** Comments on the paper's Hugging Face page when the listing was downloaded. */
  numComments: z.number().int().nonnegative().optional().describe('Comments on the Hugging Face paper page (numComments) when the listing was downloaded.'),
  /** Code repository. */
  githubRepo: HttpUrl.optional().describe('Code repository (paper.githubRepo); http(s) only.'),
  /** Project page. */
  projectPage: HttpUrl.optional().describe('Project page (paper.projectPage); http(s) only.'),
  /** Machine-made keywords, plain text. */
  keywords: z
    .array(z.string().min(1))
    .optional()
    .describe('Keywords Hugging Face generated for the paper (paper.ai_keywords), plain text, repeats dropped.'),
});
export type PaperMetadata = z.infer<typeof PaperMetadata>;

/** One paper as it appears in one listing. */
export const ListingEntry = z.object({
  /** Position on the page, 1 = most trending. */
  rank: z.number().int().positive().describe('Position on the page, 1 = most trending.'),
  /** Title, entities decoded once (text listings only), whitespace collapsed, NFC. */
  title: z.string().min(1).describe('Title text, entities decoded once in text listings.'),
  /** Abstract, same clean-up as the title. */
  abstract: z.string().min(1).describe('Abstract text, entities decoded once in text listings.'),
  /** 1-based source line of the title (in a JSON listing: the line its string starts on). */
  titleLine: z.number().int().positive().describe('1-based line of the title in the source file.'),
  /** 1-based source line of the abstract (in a JSON listing: the line its string starts on). */
  abstractLine: z.number().int().positive().describe('1-based line of the abstract in the source file.'),
  /** JSON listings only: the item's place in the response, e.g. `[3]` (0-based, as in the file). */
  jsonPath: z
    .string()
    .regex(/^\[\d+\]$/, 'expected the path of an array item, e.g. [3]')
    .optional()
    .describe('JSON listings only: the path of the item in the response, e.g. [3].'),
  /** JSON listings only: what the response says about the paper besides title and abstract. */
  paper: PaperMetadata.optional().describe('JSON listings only: arXiv id, authors, links and counts.'),
});
export type ListingEntry = z.infer<typeof ListingEntry>;

/** One parsed listing file: a day and its ranked papers. */
export const Listing = z.object({
  /** The day, from the file name (confirmed by the header in text listings). */
  date: IsoDate,
  /** Path of the source file, for messages. */
  file: z.string(),
  /** Papers in trending order. */
  entries: z.array(ListingEntry).min(1),
});
export type Listing = z.infer<typeof Listing>;
