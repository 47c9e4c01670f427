/**
 * Vitest configuration: every `*.test.ts` under `tests/` (unit, build, e2e).
 * The seed site is built once in global setup; build and browser tests run
 * real builds, hence the generous timeouts. Files run one at a time so
 * parallel Astro builds do not fight over two cores.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
