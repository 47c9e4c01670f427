/**
 * Build real sites for tests: copy the project's content (or a variant) into
 * a temporary folder and run the real `scripts/build.ts` on it, as a new
 * process with the project's Node 22, exactly as `npm run build` would.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
}

/** Creates a fixture content folder without building. */
export function makeFixture(options: FixtureOptions = {}): FixtureSite {
  const dir = mkdtempSync(join(tmpdir(), 'papers-site-'));
  const content = join(dir, 'content');
  cpSync(join(projectRoot, 'content'), content, { recursive: true });
  const project = join(dir, 'project');
  mkdirSync(project);
  for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(projectRoot, entry), join(project, entry), { recursive: true });
  }
  symlinkSync(join(projectRoot, 'node_modules'), join(project, 'node_modules'), 'dir');
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
  return { dir, project, content, out: join(dir, 'dist'), log: '' };
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
      env: { ...cleanEnv(), PAPERS_CONTENT_DIR: site.content, PAPERS_CACHE_DIR: join(site.dir, '.astro-cache'), ...env },
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
