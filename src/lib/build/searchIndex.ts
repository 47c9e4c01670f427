/**
 * The search index: Pagefind's indexer run over the search documents
 * (searchDocuments.ts), one small document per paper instead of 10k full
 * pages, writing its bundle into the output's `pagefind/`; then the
 * newest-first order (newestFirst.ts) read from the bundle it wrote.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type FragmentDays, NEWEST_FIRST_FILE, newestFirst } from '../search/newestFirst.ts';
import { runProcess } from './process.ts';

/**
 * The Pagefind indexer binary the `pagefind` package runs (its
 * `PAGEFIND_BINARY_PATH` override included), for running it as a command.
 */
function pagefindBinary(): string {
  for (const name of ['PAGEFIND_EXTENDED_BINARY_PATH', 'PAGEFIND_BINARY_PATH']) {
    const path = process.env[name];
    if (path) return path;
  }
  const require = createRequire(import.meta.resolve('pagefind'));
  const os = platform() === 'win32' ? 'windows' : platform();
  const exe = os === 'windows' ? '.exe' : '';
  for (const name of ['pagefind_extended', 'pagefind']) {
    try {
      return require.resolve(`@pagefind/${os}-${arch()}/bin/${name}${exe}`);
    } catch {
      // Try the next name, as the package's own runner does.
    }
  }
  throw new Error(`search index: no Pagefind binary for ${os}-${arch()} in node_modules/@pagefind; run npm install again`);
}

/**
 * How many word positions Pagefind puts in one index chunk (its default is
 * 20,000). A search downloads the chunk holding each query word, so smaller
 * chunks make each search lighter, at the cost of a longer chunk list in the
 * metadata every search loads. Measured at 10k papers over 12 pairs of
 * queries (scripts/bench.ts): 20,000 → 2,500 took a second search from 55 to
 * 40 KB on average (worst 153 → 88 KB) and left the first at about 220 KB
 * raw; 1,250 gained 2 KB more. Pagefind 1.6 reads it from an environment
 * variable it marks unstable, so the package is pinned and a test checks
 * that the setting still takes effect.
 */
export const INDEX_CHUNK_POSITIONS = 2500;

/** The environment Pagefind's command runs with: this process's, plus the chunk size. */
export function pagefindEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(INDEX_CHUNK_POSITIONS) };
}

/** Runs Pagefind's command line on `site`, writing the bundle to `output`. */
export async function runPagefind(site: string, output: string, env: NodeJS.ProcessEnv = pagefindEnv()): Promise<void> {
  const { code, output: said } = await runProcess(pagefindBinary(), ['--site', site, '--output-path', output, '--force-language', 'en'], { env, output: 'capture' });
  if (code !== 0) throw new Error(`Pagefind could not index the papers (exit code ${code}):\n${said.trim()}`);
}

/** Pagefind's marker before an uncompressed payload. */
const SIGNATURE = 'pagefind_dcd';

/** A fragment file's JSON (`fragment/<id>.pf_fragment`: gzip of the signature and the JSON). */
export function readFragment(bytes: Uint8Array): FragmentDays {
  const raw = gunzipSync(bytes);
  if (raw.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) throw new Error('not a Pagefind fragment (signature missing)');
  return JSON.parse(raw.subarray(SIGNATURE.length).toString('utf8')) as FragmentDays;
}

/**
 * The newest-first order (newestFirst.ts) of a bundle, from its files given
 * as `[path inside the bundle, bytes]`: a fragment's id is its file name
 * under `fragment/` without `.pf_fragment`.
 */
export function bundleNewestFirst(files: Iterable<readonly [path: string, read: () => Uint8Array]>): string {
  const fragment = /^fragment\/(.+)\.pf_fragment$/;
  const fragments: [string, FragmentDays][] = [];
  for (const [path, read] of files) {
    const id = fragment.exec(path)?.[1];
    if (id !== undefined) fragments.push([id, readFragment(read())]);
  }
  return newestFirst(fragments);
}

/** Writes the newest-first order of the bundle in `bundle` from its fragment files; returns how many pages it holds. */
function writeNewestFirst(bundle: string): number {
  const names = readdirSync(join(bundle, 'fragment'));
  const files = names.map((name) => [`fragment/${name}`, () => readFileSync(join(bundle, 'fragment', name))] as const);
  writeFileSync(join(bundle, NEWEST_FIRST_FILE), bundleNewestFirst(files));
  return names.length;
}

/** What indexing a built site needs. */
export interface IndexOptions {
  /** The built site: the bundle goes into its `pagefind/`. */
  dir: string;
  /** The search documents folder (searchDocumentsDir). */
  documents: string;
  /** How many papers the site has: Pagefind must index exactly one document for each. */
  papers: number;
}

/**
 * Indexes the search documents into `<dir>/pagefind/`; returns the number
 * of papers indexed. The indexer runs as a command rather than through
 * Pagefind's Node API: the same bundle, with 90 MB less memory at 10k
 * papers. (A build always has papers: a listing without any is refused
 * before.)
 */
export async function indexSearchDocuments({ dir, documents, papers }: IndexOptions): Promise<number> {
  const bundle = join(dir, 'pagefind');
  await runPagefind(documents, bundle);
  // One fragment per indexed page.
  const indexed = writeNewestFirst(bundle);
  if (indexed !== papers) {
    throw new Error(`search index: Pagefind indexed ${indexed} documents for ${papers} papers; delete ${documents} (a cache) and build again`);
  }
  return indexed;
}
