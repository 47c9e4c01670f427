/**
 * The sites built once per test run by the global setup
 * (tests/support/globalSetup.ts) and shared read-only by the site tests:
 *
 * - the seed site: the shipped content as it is;
 * - the new-day site: the seed plus two later days full of what the tests of
 *   new days need (tests/support/newDaySite.ts);
 * - the base-path site: three papers under a sub-path, with a short feed and
 *   a newsletter (tests/support/basePathSite.ts);
 * - the reach site: text and daily papers JSON listings, with ids, authors,
 *   links and hostile values (tests/support/reachSite.ts).
 *
 * A test that must build (a rebuild, a failure) copies one of them with
 * `copyFixture` and never writes into the shared folders.
 */
import { inject } from 'vitest';
import type { BuildReport } from '../../src/lib/build/report.ts';
import type { BuiltFolders } from './fixtureSite.ts';

/** A shared site: its folders and the report of its build. */
export interface SharedSite extends BuiltFolders {
  /** What the site is, for messages. */
  name: string;
  report: BuildReport;
}

/** The names the sites are provided under. */
export const SHARED_SITES = ['seedSite', 'newDaySite', 'basePathSite', 'reachSite'] as const;

/** The seed site (the shipped content). */
export function seedSite(): SharedSite {
  return inject('seedSite');
}

/** The seed plus two later days and an owner's note. */
export function newDaySite(): SharedSite {
  return inject('newDaySite');
}

/** Three papers under /papers-site/, two items a feed, a newsletter. */
export function basePathSite(): SharedSite {
  return inject('basePathSite');
}

/** A text day and two JSON days of the daily papers API (tests/support/reachSite.ts). */
export function reachSite(): SharedSite {
  return inject('reachSite');
}

/** Every shared site. */
export function sharedSites(): SharedSite[] {
  return SHARED_SITES.map((name) => inject(name));
}

declare module 'vitest' {
  export interface ProvidedContext {
    seedSite: SharedSite;
    newDaySite: SharedSite;
    basePathSite: SharedSite;
    reachSite: SharedSite;
  }
}
