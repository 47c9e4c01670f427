/**
 * The seed site (the shipped content), built once per test run by the global
 * setup and shared read-only by the build and browser tests.
 */
import { inject } from 'vitest';

/** Folder of the built seed site, and its content folder. */
export function seedSite(): { out: string; content: string } {
  return inject('seedSite');
}

declare module 'vitest' {
  export interface ProvidedContext {
    seedSite: { out: string; content: string };
  }
}
