/**
 * Vitest configuration, three tiers:
 * - `unit` (tests/unit): pure functions only, no child process, worker
 *   thread, browser or temporary file; fast;
 * - `integration` (tests/integration): the parts that need the machine:
 *   Pagefind, worker threads, drawing preview images, the file system and
 *   child processes, on temporary folders;
 * - `site` (tests/site): built sites, their feeds through real readers, and
 *   real Chromium. Its global setup builds the shared sites once, side by
 *   side (tests/support/globalSetup.ts); the files read them, and the few
 *   that must build start from copies of them.
 *
 * One test file per core runs at a time, across the three projects (Vitest
 * would leave one core to itself). The big builds are done by the global
 * setup; a site file spends most of its time waiting on Chromium, Java,
 * Python or a rebuild, beside which a second file keeps the other core busy.
 */
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Pure functions need no fresh process per file; sharing one saves importing the same modules again.
          isolate: false,
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
          // Each file launches and closes its own browser, servers and folders; a worker process
          // may run several files one after another without importing Playwright and the rest again.
          isolate: false,
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
