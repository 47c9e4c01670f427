/**
 * Global setup of the site tests: build the shared sites once, side by side
 * (each build is a child process, and the small one costs little beside the
 * two large ones), from copies of content/ so tests never write to the
 * working tree, and share their folders and build reports with every test
 * (tests/support/sharedSites.ts).
 */
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { basePathFixture } from './basePathSite.ts';
import { buildFixture, type FixtureOptions, makeFixture } from './fixtureSite.ts';
import { newDayFixture } from './newDaySite.ts';
import { reachFixture } from './reachSite.ts';
import type { SHARED_SITES, SharedSite } from './sharedSites.ts';

/** What each shared site is built from, and its name in messages. */
const FIXTURES: Record<(typeof SHARED_SITES)[number], { name: string; options: FixtureOptions }> = {
  seedSite: { name: 'the seed site', options: {} },
  newDaySite: { name: 'the new-day site', options: newDayFixture },
  basePathSite: { name: 'the base-path site', options: basePathFixture },
  reachSite: { name: 'the reach site (text and JSON listings)', options: reachFixture },
};

export default async function setup(project: TestProject) {
  const entries = Object.entries(FIXTURES) as [keyof typeof FIXTURES, (typeof FIXTURES)[keyof typeof FIXTURES]][];
  const sites = entries.map(([, { options }]) => makeFixture(options));
  const teardown = () => {
    for (const site of sites) rmSync(site.dir, { recursive: true, force: true });
  };
  const results = await Promise.allSettled(sites.map((site) => buildFixture(site)));
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) {
    teardown();
    throw failed.reason;
  }
  for (const [i, [key, { name }]] of entries.entries()) {
    const site = sites[i]!;
    const shared: SharedSite = { name, dir: site.dir, project: site.project, content: site.content, out: site.out, cache: site.cache, report: site.report! };
    project.provide(key, shared);
  }
  return teardown;
}
