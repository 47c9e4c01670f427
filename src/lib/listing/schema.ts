/**
 * The shapes a listing takes once parsed. These zod schemas are the single
 * source of the types used by every later stage.
 */
import { z } from 'zod';

/** A calendar day, `YYYY-MM-DD`. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2025-03-11')
  .describe('A calendar day, YYYY-MM-DD.');

/** One paper as it appears in one listing. */
export const ListingEntry = z.object({
  /** Position on the page, 1 = most trending. */
  rank: z.number().int().positive().describe('Position on the page, 1 = most trending.'),
  /** Title, entities decoded once, whitespace collapsed, NFC. */
  title: z.string().min(1).describe('Title text, entities decoded once.'),
  /** Abstract, same clean-up as the title. */
  abstract: z.string().min(1).describe('Abstract text, entities decoded once.'),
  /** 1-based source line of the title. */
  titleLine: z.number().int().positive(),
  /** 1-based source line of the abstract. */
  abstractLine: z.number().int().positive(),
});
export type ListingEntry = z.infer<typeof ListingEntry>;

/** One parsed listing file: a day and its ranked papers. */
export const Listing = z.object({
  /** The day, from the file name, confirmed by the header. */
  date: IsoDate,
  /** Path of the source file, for messages. */
  file: z.string(),
  /** Papers in trending order. */
  entries: z.array(ListingEntry).min(1),
});
export type Listing = z.infer<typeof Listing>;
