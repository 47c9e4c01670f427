/**
 * The site configuration (`content/site.yaml`): one small file the owner
 * edits. Canonical URLs, feeds, the sitemap and robots.txt all follow from it.
 */
import { z } from 'zod';
import { HOSTS, type HostName } from '../build/hostLimits.ts';

/** The site configuration. */
export const SiteConfig = z.object({
  /** Site name, shown in the header, titles and feeds. */
  title: z.string().min(1).describe('Site name, shown in the header, page titles and feeds.'),
  /** One sentence about the site, for the home page, feeds and previews. */
  description: z.string().min(1).describe('One sentence about the site.'),
  /** Public origin the site is served from, e.g. https://papers.example.org. */
  url: z
    .url({ protocol: /^https?$/, message: 'url must be an absolute http(s) URL such as https://papers.example.org' })
    .transform((u) => u.replace(/\/+$/, ''))
    .describe('Public origin, e.g. https://papers.example.org (no path: use base for that).'),
  /** Path the site lives under, `/` at the root or e.g. `/papers-site/`. */
  base: z
    .string()
    .regex(/^\/(?:[A-Za-z0-9._~-]+\/)*$/, 'base must start and end with "/", e.g. "/" or "/papers-site/"')
    .default('/')
    .describe('Path the site is served under: "/" or e.g. "/papers-site/".'),
  /** BCP 47 language tag of the site's own text. */
  language: z.string().default('en').describe('Language tag of the interface text.'),
  /** Newest items per feed. */
  feedItems: z.number().int().min(1).max(10_000).default(200).describe('How many of the newest papers each feed holds.'),
  /** Optional newsletter (a feed-to-email service of the owner's choice). */
  newsletter: z
    .object({
      url: z.url({ protocol: /^https?$/ }).describe('Sign-up page of the feed-to-email service.'),
      label: z.string().default('Get trending papers in your email inbox').describe('Link text.'),
    })
    .optional()
    .describe('Newsletter sign-up link shown on the subscribe page.'),
  /** Where `npm run fetch` downloads a day's list (DAILY_PAPERS_URL overrides it). */
  dailyPapersUrl: z
    .url({ protocol: /^https?$/, message: 'dailyPapersUrl must be an absolute http(s) URL such as https://huggingface.co/api/daily_papers' })
    .default('https://huggingface.co/api/daily_papers')
    .describe('Hugging Face daily papers API endpoint that npm run fetch asks for ?date=YYYY-MM-DD; the DAILY_PAPERS_URL environment variable overrides it.'),
  /** Which papers get a preview card of their own. */
  previewImages: z
    .union([z.literal('all'), z.literal('none'), z.number().int().positive()])
    .default('all')
    .describe('Which papers get their own preview card: all, none, or a number N (the papers of the newest N days); the others share one site card.'),
  /** Where the site is hosted: the build warns when the output passes that host's published limits. */
  host: z
    .enum(Object.keys(HOSTS) as [HostName, ...HostName[]])
    .default('other')
    .describe('github-pages, cloudflare-pages, cloudflare-pages-paid, netlify or other: the build warns when the output passes the host\'s limits.'),
});
export type SiteConfig = z.infer<typeof SiteConfig>;
