/**
 * Records Lighthouse scores for the built site: `npm run lighthouse` (after
 * `npm run build`). Serves dist/ on 127.0.0.1, runs Lighthouse 12.2.3 with its
 * desktop preset in Debian's headless Chromium on the home page, a paper page
 * and a topic page, prints a table and writes it into README.md between the
 * `lighthouse:start` / `lighthouse:end` markers.
 *
 *   --dist <dir>   built site to measure (default dist/)
 *   --no-readme    print only, leave README.md alone
 *
 * Not a test: scores move with the machine; the README shows the latest run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { parse as parseYaml } from 'yaml';
import { writeFileAtomic } from '../src/lib/io/atomicWrite.ts';
import { serveStatic } from './support/staticServer.ts';

/** The Lighthouse version the README numbers come from (pinned in package.json). */
const LIGHTHOUSE_VERSION = '12.2.3';

/** Debian's Chromium and the flags this offline machine needs. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Categories recorded, in table order, with their column names. */
const CATEGORIES = [
  { id: 'performance', label: 'Performance' },
  { id: 'accessibility', label: 'Accessibility' },
  { id: 'best-practices', label: 'Best practices' },
  { id: 'seo', label: 'SEO' },
] as const;

const START = '<!-- lighthouse:start -->';
const END = '<!-- lighthouse:end -->';

/** One measured page. */
interface PageScores {
  name: string;
  path: string;
  /** Category id → score 0–100 (null when Lighthouse could not score it). */
  scores: Record<string, number | null>;
  /** Audits that lost points, as `category: audit title`. */
  misses: string[];
}

/** Starts headless Chromium with a DevTools port; resolves once it listens. */
function startChromium(profile: string): Promise<{ port: number; process: ChildProcess }> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run scripts/setup-test-env.sh (apt-get install chromium)`);
  const child = spawn(CHROMIUM, [...CHROMIUM_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((ok, fail) => {
    let log = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(log);
      if (match) ok({ port: Number(match[1]), process: child });
    });
    child.on('exit', (code) => fail(new Error(`Chromium exited (${code}) before it listened:\n${log}`)));
  });
}

/** The paper and topic to measure: the top paper of the latest day and its first topic. */
function pickPages(dist: string, base: string): { name: string; path: string }[] {
  const home = readFileSync(join(dist, 'index.html'), 'utf8');
  const paper = new RegExp(`class="paper-title"><a href="${base}(papers/[^"]+/)"`).exec(home)?.[1];
  const topic = new RegExp(`href="${base}(topics/[^"/]+/)"`).exec(home)?.[1];
  if (!paper || !topic) throw new Error(`${join(dist, 'index.html')} links no paper or topic: is the site built?`);
  return [
    { name: 'home', path: '' },
    { name: 'paper', path: paper },
    { name: 'topic', path: topic },
  ];
}

/** Runs Lighthouse on one URL with the desktop preset. */
async function measure(url: string, port: number): Promise<Omit<PageScores, 'name' | 'path'>> {
  const result = await lighthouse(url, { port, logLevel: 'error', output: 'json', onlyCategories: CATEGORIES.map((c) => c.id) }, desktopConfig);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  const scores: Record<string, number | null> = {};
  const misses: string[] = [];
  for (const { id, label } of CATEGORIES) {
    const category = lhr.categories[id];
    scores[id] = category?.score == null ? null : Math.round(category.score * 100);
    for (const ref of category?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) misses.push(`${label}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
    }
  }
  return { scores, misses };
}

/** The scores as a Markdown table. */
function toTable(pages: PageScores[], base: string): string {
  const rows = pages.map((p) => `| ${p.name} (\`${base}${p.path}\`) | ${CATEGORIES.map((c) => p.scores[c.id] ?? 'n/a').join(' | ')} |`);
  return [`| page | ${CATEGORIES.map((c) => c.label).join(' | ')} |`, `| --- | ${CATEGORIES.map(() => '---:').join(' | ')} |`, ...rows].join('\n');
}

/** The README block between the markers. */
function toReadmeBlock(pages: PageScores[], base: string, chromium: string, date: string): string {
  const misses = pages.flatMap((p) => p.misses.map((m) => `${p.name}: ${m}`));
  return [
    `Lighthouse ${LIGHTHOUSE_VERSION} scores of the seed site, recorded on ${date} by \`npm run build && npm run lighthouse\`:`,
    `Lighthouse's **desktop preset** (desktop screen emulation and its simulated desktop throttling: 40 ms RTT, 10 Mbps, no CPU slowdown),`,
    `${chromium} headless, \`dist/\` served from 127.0.0.1 by the tests' static server. Scores move a little from run to run and machine to machine.`,
    '',
    toTable(pages, base),
    '',
    misses.length === 0 ? 'No audit lost points.' : `Audits that lost points: ${misses.join('; ')}.`,
  ].join('\n');
}

/** Replaces the text between the markers of README.md. */
function writeReadme(file: string, block: string): void {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file}: the ${START} … ${END} markers are missing; put them where the scores belong`);
  writeFileAtomic(file, `${text.slice(0, start + START.length)}\n${block}\n${text.slice(end)}`);
}

/** The command line. */
async function main(): Promise<void> {
  const root = resolve(import.meta.dirname, '..');
  const { values } = parseArgs({ options: { dist: { type: 'string', default: join(root, 'dist') }, 'no-readme': { type: 'boolean', default: false } } });
  const dist = resolve(values.dist!);
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} holds no built site: run \`npm run build\` first`);
  const base = String((parseYaml(readFileSync(join(root, 'content/site.yaml'), 'utf8')) as { base?: string }).base ?? '/');
  const pages = pickPages(dist, base);

  const server = await serveStatic(dist, base);
  const profile = mkdtempSync(join(tmpdir(), 'lighthouse-chromium-'));
  let chromium: ChildProcess | undefined;
  try {
    const started = await startChromium(profile);
    chromium = started.process;
    const version = await fetch(`http://127.0.0.1:${started.port}/json/version`).then((r) => r.json() as Promise<{ Browser: string }>);
    const results: PageScores[] = [];
    for (const page of pages) {
      process.stderr.write(`lighthouse: ${server.url}${page.path}\n`);
      results.push({ ...page, ...(await measure(`${server.url}${page.path}`, started.port)) });
    }
    console.log(toTable(results, base));
    for (const r of results) for (const miss of r.misses) console.log(`  ${r.name}: ${miss}`);
    if (!values['no-readme']) {
      const date = new Date().toISOString().slice(0, 10);
      writeReadme(join(root, 'README.md'), toReadmeBlock(results, base, `Debian Chromium ${version.Browser.replace(/^[^/]*\//, '')}`, date));
      console.log('README.md: scores written between the lighthouse markers');
    }
  } finally {
    chromium?.kill();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`lighthouse: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
