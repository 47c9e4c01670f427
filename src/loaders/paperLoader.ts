/**
 * Content loader for `content/papers/*.mdx`. Unlike Astro's glob loader it
 * only hands a file to the MDX compiler when its body (the owner's notes) is
 * not empty: the generated part is pure YAML data, and compiling thousands of
 * empty MDX modules is where a big site's build time and memory would go.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { splitPaperFile } from '../lib/mdx/file.ts';
import { parsePaperYaml } from '../lib/mdx/paperYaml.ts';

/** Creates the loader for the paper files in `dir` (absolute path). */
export function paperLoader(dir: string): Loader {
  return {
    name: 'paper-loader',
    load: async ({ store, parseData, generateDigest, config, watcher, logger }) => {
      const root = fileURLToPath(config.root);

      /** Loads one file into the store; throws with the file name on bad content. */
      const loadFile = async (name: string): Promise<void> => {
        const path = join(dir, name);
        const text = readFileSync(path, 'utf8');
        const id = name.replace(/\.mdx$/, '');
        const digest = generateDigest(text);
        untouched.delete(id);
        const cached = store.get(id);
        if (cached?.digest === digest) {
          // Unchanged since the cached build: skip parsing, but the MDX module must still be bundled.
          if (cached.deferredRender && cached.filePath) store.addModuleImport(cached.filePath);
          return;
        }
        const parts = splitPaperFile(text);
        if (!parts) throw new Error(`${relative(root, path)}:1: the file has no frontmatter block; restore it (git checkout) or delete the file and run npm run generate`);
        // The generator's own layout is read by a fast exact reader; anything else (a hand edit) by yaml.
        const data = await parseData({ id, data: (parsePaperYaml(parts.frontmatter) ?? {}) as Record<string, unknown>, filePath: path });
        const hasNotes = parts.body.trim() !== '';
        store.set({
          id,
          data,
          body: hasNotes ? parts.body : undefined,
          filePath: relative(root, path),
          digest,
          ...(hasNotes ? { deferredRender: true } : {}),
        });
      };

      const untouched = new Set(store.keys());
      const names = readdirSync(dir).filter((n) => n.endsWith('.mdx')).sort();
      for (const name of names) await loadFile(name);
      for (const id of untouched) store.delete(id);

      // Keep `npm run dev` live when files change.
      watcher?.add(dir);
      watcher?.on('all', async (event, changed) => {
        if (!changed.startsWith(dir) || !changed.endsWith('.mdx')) return;
        const name = relative(dir, changed);
        if (event === 'unlink') store.delete(name.replace(/\.mdx$/, ''));
        else await loadFile(name).catch((e: Error) => logger.error(e.message));
      });
    },
  };
}
