/**
 * Astro integration for plain `astro build`, `astro dev` and `astro sync`:
 * runs the generator before Astro reads any content, so the paper files and
 * the build data are never older than the listings. Under `astro dev` it
 * runs again whenever a listing, the taxonomy or a paper file changes, and
 * the content loader and catalog take the new build data. (`npm run build`
 * runs the generator as a step of its own and leaves this out.)
 */
import type { AstroIntegration } from 'astro';
import { generate } from '../lib/generate/generateContent.ts';
import { contentDir } from '../lib/io/contentDir.ts';
import { projectPaths } from '../lib/io/projectFiles.ts';
import { formatDiagnostic, InputError } from '../lib/listing/diagnostics.ts';

/** Runs the generator for the project at `root`; bad input becomes one error listing every diagnostic. */
function runGenerate(root: string, log: (message: string) => void): void {
  try {
    generate({ root, log });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new Error(`the content has problems:\n${error.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).join('\n')}`);
  }
}

/** Creates the integration for the project at `root`. */
export function generateContent(root: string): AstroIntegration {
  const paths = projectPaths(root, contentDir(root));
  /** Whether a changed file is an input of the generator. */
  const isInput = (file: string) =>
    file === paths.topics || (file.startsWith(`${paths.listings}/`) && /\.(txt|json)$/.test(file)) || (file.startsWith(`${paths.papers}/`) && file.endsWith('.mdx'));
  return {
    name: 'papers:generate',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'preview') runGenerate(root, (message) => logger.info(message));
      },
      'astro:server:setup': ({ server, logger }) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        server.watcher.add([paths.listings, paths.papers, paths.topics]);
        server.watcher.on('all', (_event, file) => {
          if (!isInput(file)) return;
          clearTimeout(timer);
          // Its own writes come back as changes: the second run finds nothing to do.
          timer = setTimeout(() => {
            try {
              runGenerate(root, (message) => logger.info(message));
            } catch (error) {
              logger.error((error as Error).message);
            }
          }, 300);
        });
      },
    },
  };
}
