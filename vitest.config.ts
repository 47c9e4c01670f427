/**
 * Vitest configuration, three projects:
 * - `unit`: the pure core (tests/unit), fast and parallel;
 * - `integration`: commands run as child processes against local stand-ins
 *   (tests/integration; e.g. `npm run fetch` against a recorded API);
 * - `site`: built sites, feeds and real browsers (tests/build, tests/feeds,
 *   tests/e2e). The seed site is built once in global setup; files run one at
 *   a time so parallel Astro builds do not fight over two cores.
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
          include: ['tests/{build,feeds,e2e}/**/*.test.ts'],
          globalSetup: ['tests/support/globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
