/**
 * Content loader for the papers: one entry per paper of the build data
 * (src/lib/buildData/), which the generator made from `content/papers/`.
 * Only a paper with owner notes is handed to the MDX compiler (by its
 * file, deferred until a page renders it): the generated part is data, and
 * compiling thousands of empty MDX modules is where a big site's build
 * time and memory would go.
 */
import type { Loader } from 'astro/loaders';
import { readBuildData } from '../lib/buildData/file.ts';

/** Creates the loader for the build data file `file` (absolute path). */
export function paperLoader(file: string): Loader {
  return {
    name: 'paper-loader',
    load: async ({ store, watcher, logger }) => {
      /** Brings the store up to date with the build data; entries whose digest is unchanged are left as they are. */
      const sync = (): void => {
        const untouched = new Set(store.keys());
        for (const paper of readBuildData(file).papers) {
          untouched.delete(paper.slug);
          const cached = store.get(paper.slug);
          if (cached?.digest === paper.digest) {
            // Unchanged since the cached build: the notes' MDX module must still be bundled.
            if (cached.deferredRender && cached.filePath) store.addModuleImport(cached.filePath);
            continue;
          }
          store.set({
            id: paper.slug,
            data: paper.data,
            digest: paper.digest,
            ...(paper.notes ? { filePath: paper.notes.file, deferredRender: true } : {}),
          });
        }
        for (const id of untouched) store.delete(id);
      };
      sync();
      // Under `astro dev` the generator rewrites the build data when content changes.
      watcher?.add(file);
      watcher?.on('change', (changed) => {
        if (changed !== file) return;
        try {
          sync();
        } catch (error) {
          logger.error((error as Error).message);
        }
      });
    },
  };
}
