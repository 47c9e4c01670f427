/**
 * What a preview card shows: the one schema the build data carries and the
 * renderer draws (previewCard.ts). Kept apart from the renderer, so reading
 * build data never loads the drawing library.
 */
import { z } from 'zod';

/** Bump when the design or the encoding changes, so cached images are redrawn. */
export const CARD_VERSION = 4;

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** The image format, also the file extension of `/og/<slug>.png`. */
export const CARD_FORMAT = 'png';
export const CARD_MEDIA_TYPE = 'image/png';

/** The text of one card; an empty `date` leaves the "First listed" line out (the site card). */
export const PreviewCard = z.object({
  title: z.string().describe('The title, drawn whole.'),
  topics: z.array(z.string()).describe('Topic names, strongest first; up to four are drawn as chips.'),
  date: z.string().describe('The day first listed, as the card writes it (e.g. "11 March 2025"); empty on the site card.'),
  siteTitle: z.string().describe('The site name.'),
});
export type PreviewCard = z.infer<typeof PreviewCard>;
