/**
 * Build real sites for tests: copy the project's content (or a variant) into
 * a temporary folder and run the real `scripts/build.ts` on it, as a new
 * process with the project's Node 22, exactly as `npm run build` would. A
 * built site can be copied, cache included, so that a test's build is a
 * rebuild of it.
 */
import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { BuildReport } from '../../src/lib/build/report.ts';

const run = promisify(execFile);

/** The project root. */
export const projectRoot = resolve(import.meta.dirname, '../..');

/** Node 22 from the `node` devDependency. */
export const node22 = join(projectRoot, 'node_modules/.bin/node');

/** A site built for a test. */
export interface FixtureSite {
  /** Temporary folder holding `content/`, `dist/`, the build cache and `project/`. */
  dir: string;
  /**
   * A private copy of the project's site code (src, public, config) with a link
   * to its node_modules: Astro keeps per-build state in `<root>/.astro/`, so
   * builds that share a root trip over each other when they run at once.
   */
  project: string;
  content: string;
  out: string;
  /** The build cache (`PAPERS_CACHE_DIR`): Astro's page cache, preview images, search documents. */
  cache: string;
  /** Combined stdout + stderr of the last build. */
  log: string;
  /** The report of the last build (`--report`), failed builds included. */
  report?: BuildReport;
}

/** What to change relative to the project's own content. */
export interface FixtureOptions {
  /** Extra or replacement listings: file name → text (or bytes). */
  listings?: Record<string, string | Uint8Array>;
  /** Drop the shipped listings first. */
  replaceListings?: boolean;
  /** Replace lines of content/site.yaml: key → YAML value text. */
  site?: Record<string, string>;
  /** Owner's notes: paper slug → text appended to its content/papers file. */
  notes?: Record<string, string>;
}

/** A paper of a listing: its title and abstract lines as scraped. */
export interface ListedPaper {
  title: string;
  abstract: string;
}

/** A listing file's text, as the scraper writes it: page header, date line, then title and abstract lines. */
export function listingText(dateLine: string, papers: readonly ListedPaper[]): string {
  const header = ['new', 'Get trending papers in your email inbox!', 'Subscribe', 'byAK and the research community', dateLine];
  return `${[...header, ...papers.flatMap((p) => [p.title, p.abstract])].join('\n\n')}\n`;
}

/** Creates a fixture content folder without building. */
export function makeFixture(options: FixtureOptions = {}): FixtureSite {
  const dir = mkdtempSync(join(tmpdir(), 'papers-site-'));
  const content = join(dir, 'content');
  cpSync(join(projectRoot, 'content'), content, { recursive: true });
  const project = copyProject(dir);
  if (options.replaceListings) {
    rmSync(join(content, 'listings'), { recursive: true });
    // Generated files belong to the shipped listings: start from nothing.
    rmSync(join(content, 'papers'), { recursive: true });
    rmSync(join(content, 'permalinks.json'), { force: true });
    mkdirSync(join(content, 'listings'));
  }
  for (const [name, text] of Object.entries(options.listings ?? {})) writeFileSync(join(content, 'listings', name), text);
  if (options.site) {
    let yaml = readFileSync(join(content, 'site.yaml'), 'utf8');
    for (const [key, value] of Object.entries(options.site)) {
      const line = new RegExp(`^${key}:.*$`, 'm');
      yaml = line.test(yaml) ? yaml.replace(line, `${key}: ${value}`) : `${yaml}\n${key}: ${value}\n`;
    }
    writeFileSync(join(content, 'site.yaml'), yaml);
  }
  for (const [slug, text] of Object.entries(options.notes ?? {})) appendFileSync(join(content, 'papers', `${slug}.mdx`), text);
  return { dir, project, content, out: join(dir, 'dist'), cache: join(dir, '.astro-cache'), log: '' };
}

/** The folders of a built site. */
export interface BuiltFolders {
  dir: string;
  project: string;
  content: string;
  out: string;
  cache: string;
}

/**
 * A new fixture holding copies of a built site's content, output and build
 * cache, so that building it is a rebuild of that site. Astro's page cache
 * is keyed by the project folder's absolute path: with `project: 'same'` the
 * copy builds with the built site's own project folder and its pages are
 * reused (only one test may build there, and only one build at a time);
 * with `project: 'new'` it gets a fresh copy of the project's code and
 * renders every page again, reusing preview images and search documents.
 */
export function copyFixture(from: BuiltFolders, { project }: { project: 'same' | 'new' }): FixtureSite {
  const dir = mkdtempSync(join(tmpdir(), 'papers-site-'));
  const site: FixtureSite = { dir, project: from.project, content: join(dir, 'content'), out: join(dir, 'dist'), cache: join(dir, '.astro-cache'), log: '' };
  cpSync(from.content, site.content, { recursive: true });
  cpSync(from.out, site.out, { recursive: true });
  cpSync(from.cache, site.cache, { recursive: true });
  if (project === 'new') site.project = copyProject(dir, from.project);
  return site;
}

/** Copies a project folder's code into `dir`/project (not Astro's state in it), linking node_modules; returns its path. */
export function copyProject(dir: string, from = projectRoot): string {
  const project = join(dir, 'project');
  mkdirSync(project);
  for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(from, entry), join(project, entry), { recursive: true });
  }
  symlinkSync(join(projectRoot, 'node_modules'), join(project, 'node_modules'), 'dir');
  return project;
}

/**
 * The environment of a real shell: Vitest sets BASE_URL, MODE, DEV, PROD and
 * SSR in process.env, and Vite would take BASE_URL over the site's base path.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key.startsWith('VITE_')) delete env[key];
  return env;
}

/** Reads the report the last build wrote, if it wrote one. */
function readReport(file: string): BuildReport | undefined {
  try {
    return BuildReport.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

/** Runs the real build on a fixture (`env` adds to its environment); rejects with the build log on failure. */
export async function buildFixture(site: FixtureSite, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<FixtureSite> {
  const reportFile = join(site.dir, 'build-report.json');
  rmSync(reportFile, { force: true });
  try {
    const { stdout, stderr } = await run(node22, [join(projectRoot, 'scripts/build.ts'), '--root', site.project, '--out', site.out, '--quiet', '--report', reportFile, ...args], {
      cwd: site.project,
      env: { ...cleanEnv(), PAPERS_CONTENT_DIR: site.content, PAPERS_CACHE_DIR: site.cache, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    site.log = stdout + stderr;
    site.report = readReport(reportFile);
    return site;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    site.log = `${e.stdout ?? ''}${e.stderr ?? ''}`;
    site.report = readReport(reportFile);
    throw Object.assign(new Error(`build failed:\n${site.log}`), { log: site.log, report: site.report });
  }
}

/** Makes and builds a fixture in one go. */
export async function buildSite(options: FixtureOptions = {}): Promise<FixtureSite> {
  return buildFixture(makeFixture(options));
}
