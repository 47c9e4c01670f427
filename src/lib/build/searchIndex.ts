/**
 * The search index: Pagefind, fed from the build hand-off instead of
 * crawling the built pages. Each paper is given to Pagefind as a small HTML
 * document (title as its heading, so title words rank higher; abstract as
 * its text; filters and sort as attributes), which is what its page's
 * `data-pagefind-body` holds, without parsing 10k full pages. A paper with
 * owner notes is indexed from its built page, so the notes are searchable.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { escapeUTF8 } from 'entities';
import { buildCacheDir } from '../io/buildCache.ts';
import { routes } from '../site/routes.ts';
import type { HandoffPaper } from './handoff.ts';
import { type FragmentDays, NEWEST_FIRST_FILE, newestFirst } from './newestFirst.ts';

/** The document Pagefind indexes for a paper without notes. */
export function searchDocument(paper: HandoffPaper): string {
  const attr = (name: string, value: string) => `<span ${name}="${escapeUTF8(value)}"></span>`;
  return [
    // Marked as the indexed part like a paper page's article: Pagefind skips unmarked pages once any page is marked.
    '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body data-pagefind-body>',
    `<h1 data-pagefind-meta="title">${escapeUTF8(paper.title)}</h1>`,
    // No date: "newest first" comes from the day filters (newestFirst.ts), and a meta value would be indexed as words.
    ...paper.days.map((day) => attr('data-pagefind-filter', `day:${day}`)),
    ...paper.topics.map((topic) => attr('data-pagefind-filter', `topic:${topic}`)),
    `<p>${escapeUTF8(paper.abstract)}</p>`,
    '</body></html>',
  ].join('');
}

/**
 * Where the search documents are kept for Pagefind: a cache folder, not the
 * build output. A build rewrites only the documents that changed, so a new
 * day writes a few hundred files instead of creating and deleting 10,000
 * (on a slow file system, creating files soon after deleting many costs the
 * next build seconds).
 */
export function searchDocumentsDir(root = process.cwd()): string {
  return buildCacheDir('search-documents', root);
}

/** Which papers' documents to write: all, those without notes (made from data), or those with notes (their built pages). */
export type DocumentsOf = 'all' | 'without notes' | 'with notes';

/** What writing the search documents changed in their folder. */
export interface DocumentsWritten {
  written: number;
  removed: number;
}

/** A paper's search document, inside the documents folder: Pagefind gives it its page's URL. */
function documentPath(slug: string): string {
  return join(routes.paper(slug), 'index.html');
}

/** The text of `file`, or undefined when there is none. */
function readIfThere(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Deletes everything in the documents folder that is not the document of
 * one of `papers`: Pagefind indexes every page it finds there, so a paper
 * that is gone, or any other file, would turn up in search.
 */
function removeStrays(documents: string, papers: readonly HandoffPaper[]): number {
  const files = new Set(papers.map((paper) => documentPath(paper.slug)));
  const folders = new Set<string>();
  for (const file of files) for (let folder = dirname(file); folder !== '.'; folder = dirname(folder)) folders.add(folder);
  let removed = 0;
  const walk = (folder: string): void => {
    for (const entry of readdirSync(join(documents, folder), { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() ? folders.has(path) : files.has(path)) {
        if (entry.isDirectory()) walk(path);
        continue;
      }
      rmSync(join(documents, path), { recursive: true, force: true });
      removed++;
    }
  };
  walk('');
  return removed;
}

/**
 * Brings the search documents in `documents` up to date: each paper's
 * document is written where Pagefind will read it unless it is there with
 * the same text already (Pagefind reads a folder itself twice as fast as it
 * takes 10k documents one by one through its Node API). A paper with notes
 * gets its built page from the output `site`. Writing `all` or `without
 * notes` also removes whatever is not a current paper's document.
 */
export function writeSearchDocuments({ documents, site, papers, of = 'all' }: { documents: string; site: string; papers: readonly HandoffPaper[]; of?: DocumentsOf }): DocumentsWritten {
  mkdirSync(documents, { recursive: true });
  let written = 0;
  for (const paper of papers) {
    if (of !== 'all' && paper.hasNotes !== (of === 'with notes')) continue;
    const file = join(documents, documentPath(paper.slug));
    const text = paper.hasNotes ? readFileSync(join(site, routes.paper(paper.slug), 'index.html'), 'utf8') : searchDocument(paper);
    if (readIfThere(file) === text) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    written++;
  }
  return { written, removed: of === 'with notes' ? 0 : removeStrays(documents, papers) };
}

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

/** Runs Pagefind's command line on `site`, writing the bundle to `output`; resolves to the number of pages indexed. */
export function runPagefind(site: string, output: string, env: NodeJS.ProcessEnv = pagefindEnv()): Promise<number> {
  return new Promise((ok, fail) => {
    const child = spawn(pagefindBinary(), ['--site', site, '--output-path', output, '--force-language', 'en'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let said = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (said += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (said += chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      const pages = /Indexed (\d+) pages?/.exec(said);
      if (code === 0 && pages) ok(Number(pages[1]));
      else fail(new Error(`Pagefind could not index the papers (exit code ${code}):\n${said.trim()}`));
    });
  });
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

/** Writes the newest-first order of the bundle in `bundle` from its fragment files. */
function writeNewestFirst(bundle: string): void {
  const names = readdirSync(join(bundle, 'fragment'));
  const files = names.map((name) => [`fragment/${name}`, () => readFileSync(join(bundle, 'fragment', name))] as const);
  writeFileSync(join(bundle, NEWEST_FIRST_FILE), bundleNewestFirst(files));
}

/** What indexing a prepared site needs. */
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
  const indexed = await runPagefind(documents, bundle);
  if (indexed !== papers) {
    throw new Error(`search index: Pagefind indexed ${indexed} documents for ${papers} papers; delete ${documents} (a cache) and build again`);
  }
  writeNewestFirst(bundle);
  return indexed;
}

/** Writes the search index of a prepared site, saying how long it took; returns the number of papers indexed. */
export async function indexSite({ log, ...options }: IndexOptions & { log: (message: string) => void }): Promise<number> {
  const started = performance.now();
  const papers = await indexSearchDocuments(options);
  log(`search index: ${papers} papers indexed in ${Math.round(performance.now() - started)} ms`);
  return papers;
}
