/**
 * A disk cache for preview images, keyed by a hash of everything drawn on
 * the card, so a rebuild renders only new or changed cards. A build links
 * the cached files into its output instead of copying them through Astro.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCacheDir } from './buildCache.ts';
import { CARD_FORMAT, CARD_VERSION, type PreviewCard } from '../og/card.ts';
import { writeFileAtomic } from './atomicWrite.ts';

/** Folder of cached cards: PAPERS_CACHE_DIR/og or node_modules/.cache/papers-og (under `root`). */
export function previewCacheDir(root = process.cwd()): string {
  return buildCacheDir('og', root);
}

/** The cache file of a card: named by a hash of everything drawn on it. */
export function previewFileFor(card: PreviewCard): string {
  const key = createHash('sha256').update(JSON.stringify([CARD_VERSION, card])).digest('hex');
  return join(previewCacheDir(), `${key}.${CARD_FORMAT}`);
}

/**
 * Draws the card into the cache unless it is there already; returns its
 * cached file. The renderer is loaded on first use, so naming cached files
 * never loads the drawing library.
 */
export async function ensurePreview(card: PreviewCard, file = previewFileFor(card)): Promise<string> {
  if (existsSync(file)) return file;
  const { renderPreviewCard } = await import('../og/previewCard.ts');
  writeFileAtomic(file, await renderPreviewCard(card));
  return file;
}

/** Returns the PNG for a card, from the cache or freshly drawn (and cached). */
export async function previewPng(card: PreviewCard): Promise<Uint8Array<ArrayBuffer>> {
  return readFileSync(await ensurePreview(card));
}
