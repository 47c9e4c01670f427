/**
 * Global setup: build the seed site once (from a copy of content/, so tests
 * never write to the working tree) and share its location with every test.
 */
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildSite } from './fixtureSite.ts';

export default async function setup(project: TestProject) {
  const site = await buildSite();
  project.provide('seedSite', { out: site.out, content: site.content });
  return () => rmSync(site.dir, { recursive: true, force: true });
}
