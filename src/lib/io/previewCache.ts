/**
 * A disk cache for preview images, keyed by a hash of everything drawn on
 * the card, so a rebuild renders only new or changed cards.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CARD_VERSION, renderPreviewCard, type PreviewCard } from '../og/previewCard.ts';
import { writeFileAtomic } from './atomicWrite.ts';

/** Folder of cached cards: PAPERS_CACHE_DIR/og or node_modules/.cache/papers-og. */
function cacheDir(): string {
  return process.env.PAPERS_CACHE_DIR ? join(resolve(process.env.PAPERS_CACHE_DIR), 'og') : resolve('node_modules/.cache/papers-og');
}

/** Cache hits and misses in this process, for the build summary and the benchmark. */
export const previewStats = { hits: 0, misses: 0, renderMs: 0 };

/** Returns the PNG for a card, from the cache or freshly drawn (and cached). */
export async function previewPng(card: PreviewCard): Promise<Uint8Array<ArrayBuffer>> {
  const key = createHash('sha256').update(JSON.stringify([CARD_VERSION, card])).digest('hex');
  const file = join(cacheDir(), `${key}.png`);
  if (existsSync(file)) {
    previewStats.hits++;
    return readFileSync(file);
  }
  const started = performance.now();
  const png = await renderPreviewCard(card);
  previewStats.renderMs += performance.now() - started;
  previewStats.misses++;
  writeFileAtomic(file, png);
  return png;
}
