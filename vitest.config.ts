/**
 * Vitest configuration, three tiers:
 * - `unit` (tests/unit): pure functions only, no child process, worker
 *   thread, browser or temporary file; fast;
 * - `integration` (tests/integration): the parts that need the machine:
 *   Pagefind, worker threads, drawing preview images, the file system and
 *   child processes, on temporary folders;
 * - `site` (tests/site): built sites, their feeds through real readers, and
 *   real Chromium. The seed site is built once in global setup; files run one
 *   at a time so parallel Astro builds do not fight over two cores.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          globalSetup: ['tests/support/globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
