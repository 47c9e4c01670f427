/**
 * The build hand-off: what the Astro step tells the steps after it (search
 * index, preview images) about every paper, as one JSON file it writes among
 * its output. Those steps then work from data instead of re-reading 10k
 * pages, and the file is removed before the site is published.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { IsoDate } from '../listing/schema.ts';

/** The hand-off's path inside the build output (removed before publishing). */
export const HANDOFF_FILE = 'build-handoff.json';

/** The preview images still to place, written by the step that reads the hand-off (removed before publishing). */
export const PREVIEWS_FILE = '.previews.json';

/** A preview image to place: the card, and where the image cache keeps it. */
export const PreviewJob = z.object({
  card: z.object({ title: z.string(), topics: z.array(z.string()), date: z.string(), siteTitle: z.string() }),
  file: z.string().min(1),
});
export type PreviewJob = z.infer<typeof PreviewJob>;

/** What the finishing steps need to know about one paper. */
export const HandoffPaper = z.object({
  slug: z.string().min(1),
  title: z.string().min(1),
  abstract: z.string().min(1),
  firstSeen: IsoDate,
  /** Every day it was listed (search's day filter). */
  days: z.array(IsoDate).min(1),
  /** Topic slugs, strongest first (search's topic filter). */
  topics: z.array(z.string()),
  /** True when the owner wrote notes: the rendered page is indexed so notes are searchable. */
  hasNotes: z.boolean(),
  /** The preview image: what it shows, and its file in the image cache (drawn after Astro if missing). */
  preview: PreviewJob,
});
export type HandoffPaper = z.infer<typeof HandoffPaper>;

export const Handoff = z.object({ papers: z.array(HandoffPaper) });
export type Handoff = z.infer<typeof Handoff>;

/** Reads the hand-off from a build output folder and removes it from there; undefined when absent. */
export function takeHandoff(dir: string): Handoff | undefined {
  const file = join(dir, HANDOFF_FILE);
  if (!existsSync(file)) return undefined;
  const handoff = Handoff.parse(JSON.parse(readFileSync(file, 'utf8')));
  rmSync(file);
  return handoff;
}

/** Who is told of the hand-off as soon as it is made; a global, as the endpoint runs from Astro's bundle (another copy of this module). */
const LISTENER = Symbol.for('papers-site.handoffListener');
const listeners = globalThis as { [LISTENER]?: (handoff: Handoff) => void };

/**
 * Asks to be given the hand-off as soon as Astro renders it, early in the
 * page phase: the Astro step writes the search documents and links the
 * cached preview images meanwhile (finishAhead.ts), on the core Astro leaves
 * idle, instead of after every page.
 */
export function onHandoff(listener: (handoff: Handoff) => void): void {
  listeners[LISTENER] = listener;
}

/** Gives the hand-off to the listener, if any (the hand-off endpoint calls this). */
export function offerHandoff(handoff: Handoff): void {
  listeners[LISTENER]?.(handoff);
}
