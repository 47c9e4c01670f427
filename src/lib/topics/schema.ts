/**
 * The topic taxonomy the site owner edits (`content/topics.yaml`), and what
 * classification records about each paper. The schema is the documentation.
 */
import { z } from 'zod';
import { Slug } from '../papers/slugify.ts';

/** A keyword rule: a phrase matched as whole words; a trailing `*` matches any word ending. */
const Keyword = z
  .string()
  .min(2)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} .+'’\-/]*\*?$/u, 'a keyword is letters, digits, spaces and - . + / \' with an optional trailing *')
  .describe('A phrase matched as whole words, case-insensitively; a trailing * matches any ending (robot* → robots, robotic).');

/** One topic. */
export const Topic = z.object({
  /** URL segment: `/topics/<slug>/`. */
  slug: Slug.describe('URL segment of the topic page.'),
  /** Display name. */
  name: z.string().min(1).describe('Display name.'),
  /** One or two sentences shown on the topic page and in its feed. */
  description: z.string().min(1).describe('Shown on the topic page and in its feed.'),
  /** Phrases that put a paper in this topic. */
  keywords: z.array(Keyword).min(1).describe('Phrases that put a paper in this topic.'),
});
export type Topic = z.infer<typeof Topic>;

/** The whole taxonomy file. */
export const Taxonomy = z
  .object({
    /** Most topics one paper may carry. */
    maxTopicsPerPaper: z.number().int().min(1).max(10).default(4).describe('Most topics one paper may carry.'),
    /** Slug of the topic given to a paper that no keyword matches. */
    fallback: z.string().describe('Topic given to a paper that no rule matches.'),
    topics: z.array(Topic).min(1),
  })
  .superRefine((t, ctx) => {
    const slugs = new Set<string>();
    t.topics.forEach((topic, i) => {
      if (slugs.has(topic.slug)) ctx.addIssue({ code: 'custom', path: ['topics', i, 'slug'], message: `the topic slug "${topic.slug}" is used twice` });
      slugs.add(topic.slug);
    });
    if (!slugs.has(t.fallback)) ctx.addIssue({ code: 'custom', path: ['fallback'], message: `fallback "${t.fallback}" is not the slug of any topic` });
  });
export type Taxonomy = z.infer<typeof Taxonomy>;

/** Why a paper has a topic: the rule that matched, kept so the page can say so. */
export const TopicMatch = z.object({
  topic: z.string().describe('Topic slug.'),
  /** The keyword that matched, or `fallback`. */
  rule: z.string().describe('The keyword that matched, or "fallback".'),
  /** Where it matched. */
  field: z.enum(['title', 'abstract', 'fallback']),
});
export type TopicMatch = z.infer<typeof TopicMatch>;
