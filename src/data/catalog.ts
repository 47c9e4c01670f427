/**
 * The catalog the pages share, loaded once per build from the build data
 * (src/lib/buildData/): loading data in every page is what makes big Astro
 * sites slow, so it is memoised here.
 */
import { statSync } from 'node:fs';
import { buildDataFile, readBuildData } from '../lib/buildData/file.ts';
import { type Catalog, listPageKey as listKey, makeCatalog, type PaperView, paperPageKey as pageKey } from '../lib/catalog/catalog.ts';
import { site } from './site.ts';

export type { Catalog, DayView, PaperView, PeriodView, TopicView } from '../lib/catalog/catalog.ts';

let cached: { version: number; catalog: Promise<Catalog> } | undefined;

/** The catalog, loaded on first use, and again when the generator rewrote the build data (under `astro dev`). */
export function getCatalog(): Promise<Catalog> {
  const file = buildDataFile();
  const version = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (cached?.version !== version) cached = { version, catalog: Promise.resolve().then(() => makeCatalog(readBuildData(file))) };
  return cached.catalog;
}

/** The cache key of a day's, week's or month's page (see listPageKey in src/lib/catalog/catalog.ts), with this site's settings. */
export function listPageKey(props: unknown): string {
  return listKey(props, site);
}

/** The cache key of a paper's page (see paperPageKey in src/lib/catalog/catalog.ts), with this site's settings. */
export function paperPageKey(catalog: Catalog, paper: PaperView): string {
  return pageKey(catalog, paper, site);
}
