/**
 * `npm run bench -- --papers 10000`: builds one synthetic corpus (scripts/corpus.ts)
 * with this site, a naive Astro + MDX baseline (bench/naive/) and Hugo (when
 * installed), then adds one day to this site and rebuilds; prints wall time,
 * peak memory of the whole process tree, pages per second, output size, the
 * ratios, preview-image cost, and client weights measured in Chromium.
 *
 *   npm run bench -- --papers 1000             quick run
 *   npm run bench -- --papers 10000            the README numbers
 *   npm run bench -- --papers 50000 --skip naive,hugo,client
 *
 * Runs, in order, on bench/out/ (git-ignored):
 *   site cold      generate + Astro + Pagefind, every cache empty (images drawn)
 *   site           the same from scratch, Astro cache empty, preview images cached:
 *                  the run the build-time targets are about
 *   naive          bench/naive/ on the same papers (title + abstract as MDX body)
 *   hugo           a tiny Hugo site on the same papers
 *   site +1 day    one more 100-paper listing, rebuilt with the warm caches
 *   site unchanged the same again with nothing changed: what every rebuild
 *                  costs before any work on a new day (its floor)
 *
 * `--skip` takes any of cold, naive, hugo, unchanged and client.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { parseListing } from '../src/lib/listing/parse.ts';
import { launchBrowser } from './support/browser.ts';
import { serveStatic } from './support/staticServer.ts';
import { makeCorpus, writeCorpus, writeListing, type CorpusDay } from './corpus.ts';

const ROOT = resolve(import.meta.dirname, '..');
const NODE = process.execPath;
const PAGE_SIZE = 4096;

/** What one measured run took. */
interface Run {
  name: string;
  wallMs: number;
  peakRssBytes: number;
  pages: number;
  outBytes: number;
  outFiles: number;
  note?: string;
  /** The processes that made up the peak. */
  peakParts: string;
  /** One-minute load average when the run ended: other work on the machine skews times. */
  load: number;
  /** For this site's builds: preview images drawn, and the preview step's time (from the build's log). */
  previews?: { drawn: number; ms: number };
  /** For this site's builds: the seconds of each step, from the build's last line. */
  steps?: BuildSteps;
}

/** The seconds a build of this site spent in each step, as its `build: done` line gives them. */
interface BuildSteps {
  generate: number;
  astro: number;
  search: number;
}

/** The steps of a build log's `build: done` line, from the log's text; undefined when absent. */
function buildSteps(log: string): BuildSteps | undefined {
  const line = /generate ([\d.]+) s, astro ([\d.]+) s, search index ([\d.]+) s/.exec(log);
  return line ? { generate: Number(line[1]), astro: Number(line[2]), search: Number(line[3]) } : undefined;
}

/** The preview step's line of a build log, from the log's text: images drawn and its time; undefined when absent. */
function previewStats(log: string): { drawn: number; ms: number } | undefined {
  const line = /preview images: \d+ placed, (\d+) of them drawn, in (\d+) ms/.exec(log);
  return line ? { drawn: Number(line[1]), ms: Number(line[2]) } : undefined;
}

/** Sums the resident memory of `pid` and all its descendants, from /proc; `parts` gets each process's share. */
function treeRss(pid: number, parts?: Map<string, number>): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Field 4 (ppid) comes after the command name in parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid);
      if (list) list.push(Number(name));
      else children.set(ppid, [Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop()!;
    try {
      const rss = Number(readFileSync(`/proc/${p}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE;
      total += rss;
      if (parts) {
        const name = `${readFileSync(`/proc/${p}/comm`, 'utf8').trim()} ${p}`;
        parts.set(name, rss);
      }
    } catch {
      // Gone.
    }
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/** Runs a command, polling its process tree's memory every 200 ms; resolves with wall time and peak RSS. */
function measure(command: string, args: string[], options: { cwd?: string; env?: Record<string, string>; log: string }): Promise<{ wallMs: number; peakRssBytes: number; peakParts: string }> {
  return new Promise((ok, fail) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const log: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      log.push(chunk);
      // Show the build's own progress lines, not Astro's per-page list.
      for (const line of chunk.toString().split('\n')) if (/^(build|generate|bench):/.test(line)) console.log(`    ${line}`);
    });
    child.stderr.on('data', (chunk: Buffer) => log.push(chunk));
    let peak = 0;
    let peakParts = '';
    const timer = setInterval(() => {
      if (!child.pid) return;
      const parts = new Map<string, number>();
      const rss = treeRss(child.pid, parts);
      if (rss > peak) {
        peak = rss;
        peakParts = [...parts].filter(([, b]) => b > 20e6).map(([n, b]) => `${n.replace(/ \d+$/, '')} ${(b / 1e6).toFixed(0)} MB`).join(' + ');
      }
    }, 200);
    child.on('error', fail);
    child.on('close', (code) => {
      clearInterval(timer);
      writeFileSync(options.log, Buffer.concat(log));
      if (code !== 0) fail(new Error(`${command} ${args.join(' ')} exited with ${code}; see ${options.log}`));
      else ok({ wallMs: performance.now() - started, peakRssBytes: peak, peakParts });
    });
  });
}

/**
 * Moves a file or folder out of the way instead of deleting it. This VM's
 * file system (ext4 without a journal) passes over the inodes freed in the
 * last minutes whenever it creates a file, so a build that starts soon after
 * many deletions spends seconds more in the kernel (identical Astro steps:
 * 4 s of kernel time after no deletions, 10 to 28 s after deleting 40,000
 * files). The benchmark deletes what it set aside after its last timed run,
 * so no build, of any site, starts right after a mass deletion.
 */
let setAsideCount = 0;
function setAside(path: string, trash: string): void {
  if (!existsSync(path)) return;
  mkdirSync(trash, { recursive: true });
  renameSync(path, join(trash, `${basename(path)}-${process.pid}-${setAsideCount++}`));
}

/** Waits until the build's background deletion of a retired output folder is over, so runs do not overlap. */
async function settle(): Promise<void> {
  const trash = join(ROOT, '.build');
  while (existsSync(trash) && readdirSync(trash).some((n) => n.startsWith('retired-'))) await new Promise((ok) => setTimeout(ok, 500));
}

/** Files and bytes under `dir`, and how many are HTML pages. */
function outputSize(dir: string): { bytes: number; files: number; pages: number } {
  let bytes = 0;
  let files = 0;
  let pages = 0;
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        bytes += statSync(path).size;
        files++;
        if (entry.name.endsWith('.html')) pages++;
      }
    }
  };
  walk(dir);
  return { bytes, files, pages };
}

/** The distinct papers of a corpus, in first-listed order. */
function corpusPapers(days: CorpusDay[]): { title: string; abstract: string }[] {
  const seen = new Map<string, { title: string; abstract: string }>();
  for (const day of days) {
    const { listing } = parseListing(`${day.date}.txt`, day.text);
    for (const e of listing!.entries) if (!seen.has(e.title)) seen.set(e.title, { title: e.title, abstract: e.abstract });
  }
  return [...seen.values()];
}

/** Escapes listing text for an MDX or Markdown body: no expression, tag or ESM can start. */
function escapeBody(text: string): string {
  return text.replace(/[\\`*_{}<>[\]#|$~&]/g, (c) => `&#${c.codePointAt(0)};`);
}

/** Writes the naive baseline's .mdx files: title in frontmatter, abstract as the body. */
function writeNaiveContent(dir: string, papers: { title: string; abstract: string }[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  papers.forEach((p, i) => writeFileSync(join(dir, `p${i}.mdx`), `---\ntitle: ${JSON.stringify(p.title)}\n---\n\n${escapeBody(p.abstract)}\n`));
}

/** Writes a tiny Hugo site: one page per paper, a home page listing nothing else. */
function writeHugoSite(dir: string, papers: { title: string; abstract: string }[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'content/papers'), { recursive: true });
  mkdirSync(join(dir, 'layouts/_default'), { recursive: true });
  writeFileSync(join(dir, 'hugo.toml'), `baseURL = "https://example.org/"\ntitle = "Bench"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "section"]\n`);
  writeFileSync(join(dir, 'layouts/_default/single.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n');
  writeFileSync(join(dir, 'layouts/index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Site.Title }}</title></head><body><h1>{{ .Site.Title }}</h1></body></html>\n');
  papers.forEach((p, i) => writeFileSync(join(dir, `content/papers/p${i}.md`), `---\ntitle: ${JSON.stringify(p.title)}\n---\n\n${escapeBody(p.abstract)}\n`));
}

/** Whether an executable is on PATH. */
function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) if (existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}

/** The bytes a host that compresses text would send for a response body; Pagefind's own files are gzip already. */
function sentBytes(body: Buffer): number {
  return body[0] === 0x1f && body[1] === 0x8b ? body.length : gzipSync(body, { level: 9 }).length;
}

/** A response a page received: its URL, resource type, raw bytes and bytes as sent. */
interface Recorded {
  url: string;
  type: string;
  bytes: number;
  gz: number;
}

/**
 * Records every response `page` receives. `take()` waits until every body
 * seen so far has been read (a large file's body can arrive after the page
 * looks idle), returns them and starts a new list.
 */
function recordResponses(page: Page): { take: () => Promise<Recorded[]> } {
  let pending: Promise<Recorded | undefined>[] = [];
  page.on('response', (response) => {
    pending.push(
      response.body().then(
        (body) => ({ url: response.url(), type: response.request().resourceType(), bytes: body.length, gz: sentBytes(body) }),
        // Redirects and aborted requests have no body.
        () => undefined,
      ),
    );
  });
  return {
    async take() {
      const taken = pending;
      pending = [];
      return (await Promise.all(taken)).filter((r) => r !== undefined);
    },
  };
}

/** The search bundle's part of some responses: requests, raw bytes, bytes as sent. */
function pagefindPart(responses: Recorded[]): { requests: number; bytes: number; gz: number } {
  const bundle = responses.filter((r) => r.url.includes('/pagefind/'));
  if (process.env.BENCH_VERBOSE) for (const r of bundle) console.log(`    ${r.bytes}\t${r.url}`);
  return { requests: bundle.length, bytes: bundle.reduce((s, r) => s + r.bytes, 0), gz: bundle.reduce((s, r) => s + r.gz, 0) };
}

/** Waits for a search's results and for the network to settle. */
async function searchSettled(page: Page): Promise<void> {
  await page.waitForSelector('.search-result');
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
}

/** Types a new query into the search page's box and waits for its results. */
async function searchAgain(page: Page, query: string): Promise<void> {
  await page.fill('#search-query', query);
  await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, query);
  await searchSettled(page);
}

/** Client weights of a built site, measured in Chromium. */
async function clientWeights(dir: string, queries: [string, string]) {
  const server = await serveStatic(dir);
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext()).newPage();
    const recorder = recordResponses(page);
    // A paper page, as a visitor lands on it.
    const paperSlug = readdirSync(join(dir, 'papers')).sort()[0]!;
    await page.goto(`${server.url}papers/${paperSlug}/`, { waitUntil: 'networkidle' });
    const landed = await recorder.take();
    const html = readFileSync(join(dir, 'papers', paperSlug, 'index.html'));
    const css = landed.filter((r) => r.type === 'stylesheet').map((r) => readFileSync(join(dir, new URL(r.url).pathname)));
    const paperGz = gzipSync(Buffer.concat([html, ...css]), { level: 9 }).length;
    const htmlGz = gzipSync(html, { level: 9 }).length;
    const js = landed.filter((r) => r.type === 'script').reduce((s, r) => s + r.bytes, 0);

    // First search: from the search page, as the header form sends it.
    await page.goto(`${server.url}search/?q=${encodeURIComponent(queries[0])}`, { waitUntil: 'networkidle' });
    await searchSettled(page);
    const first = pagefindPart(await recorder.take());
    // Second search: typing another query on the same page.
    await searchAgain(page, queries[1]);
    const second = pagefindPart(await recorder.take());
    // Sorting that search by date: the newest-first order is fetched once.
    await page.selectOption('select[name="sort"]', 'date');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('sort') === 'date');
    await searchSettled(page);
    const byDate = pagefindPart(await recorder.take());
    return {
      paperGz,
      htmlGz,
      js,
      first: first.bytes,
      firstGz: first.gz,
      firstRequests: first.requests,
      second: second.bytes,
      secondGz: second.gz,
      secondRequests: second.requests,
      byDateGz: byDate.gz,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * Query pairs for the search sample: typical searches on this corpus (whose
 * abstracts come from the shipped listing), one word to five, common terms
 * and rare ones. One pair shows little: the bytes depend on which index
 * chunks the words fall in.
 */
const SAMPLE_QUERIES: [string, string][] = [
  ['diffusion', 'reinforcement learning'],
  ['transformer', 'graph neural network'],
  ['speech recognition', 'protein structure'],
  ['agents', 'video generation benchmark'],
  ['quantization', 'retrieval augmented generation'],
  ['robot', 'mixture of experts'],
  ['reasoning', 'image segmentation'],
  ['attention', 'federated learning privacy'],
  ['code generation', 'medical imaging'],
  ['benchmark', 'long context'],
  ['vision language model', 'tokenizer'],
  ['multilingual', 'sparse'],
];

/** The bytes a pair of searches fetched from the search bundle (gzipped as a compressing host sends them). */
interface SearchPair {
  queries: [string, string];
  firstGz: number;
  secondGz: number;
}

/** One line on the sample: mean and worst of first and second searches. */
function describeSample(pairs: SearchPair[]): string {
  const mean = (key: 'firstGz' | 'secondGz') => pairs.reduce((sum, p) => sum + p[key], 0) / pairs.length;
  const worst = (key: 'firstGz' | 'secondGz') => pairs.reduce((a, b) => (b[key] > a[key] ? b : a));
  const first = worst('firstGz');
  const second = worst('secondGz');
  return `Search over ${pairs.length} query pairs (scripts/bench.ts SAMPLE_QUERIES): first search mean ${kb(mean('firstGz'))}, worst ${kb(first.firstGz)} ("${first.queries[0]}"); second search mean ${kb(mean('secondGz'))}, worst ${kb(second.secondGz)} ("${second.queries[1]}").`;
}

/** Search bytes over SAMPLE_QUERIES: each pair as a first search in a fresh browser, then a second one typed on the same page. */
async function searchSample(dir: string): Promise<SearchPair[]> {
  const server = await serveStatic(dir);
  const browser = await launchBrowser();
  try {
    const pairs: SearchPair[] = [];
    for (const queries of SAMPLE_QUERIES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const recorder = recordResponses(page);
      await page.goto(`${server.url}search/?q=${encodeURIComponent(queries[0])}`, { waitUntil: 'networkidle' });
      await searchSettled(page);
      const first = pagefindPart(await recorder.take());
      await searchAgain(page, queries[1]);
      const second = pagefindPart(await recorder.take());
      pairs.push({ queries, firstGz: first.gz, secondGz: second.gz });
      await context.close();
    }
    return pairs;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Formats bytes. */
function mb(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(0)} MB`;
}

/** Formats bytes as kB. */
function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/** CLI entry point. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      papers: { type: 'string', default: '1000' },
      'per-day': { type: 'string', default: '100' },
      skip: { type: 'string', default: '' },
      out: { type: 'string', default: 'bench/out' },
      'client-only': { type: 'boolean', default: false },
    },
  });
  const papers = Number(values.papers);
  const perDay = Number(values['per-day']);
  const skip = new Set(values.skip.split(',').filter(Boolean));
  const out = resolve(ROOT, values.out);
  const work = (name: string) => join(out, `${name}-${papers}`);
  mkdirSync(out, { recursive: true });
  if (values['client-only']) {
    console.log(await clientWeights(work('site'), ['diffusion', 'reinforcement learning']));
    console.log(describeSample(await searchSample(work('site'))));
    return;
  }
  const t0 = performance.now();
  const say = (m: string) => console.log(`bench: [${((performance.now() - t0) / 1000).toFixed(0)} s] ${m}`);
  const trash = join(out, 'trash');
  const aside = (path: string) => setAside(path, trash);

  // The corpus plus one more day, held back for the incremental run.
  const allDays = makeCorpus(ROOT, { papers: papers + perDay, perDay });
  const extraDay = allDays.pop()!;
  const corpus = work('corpus');
  const cache = work('cache');
  const site = work('site');
  const siteEnv = { PAPERS_CONTENT_DIR: corpus, PAPERS_CACHE_DIR: cache, PAPERS_LOG_LEVEL: 'silent' };
  const buildArgs = ['scripts/build.ts', '--out', site];
  const runs: Run[] = [];
  const record = async (name: string, m: { wallMs: number; peakRssBytes: number; peakParts: string }, dir: string, note?: string, log?: string): Promise<Run> => {
    await settle();
    const size = outputSize(dir);
    const logText = log && existsSync(log) ? readFileSync(log, 'utf8') : '';
    const previews = previewStats(logText);
    const steps = buildSteps(logText);
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const drawnNote = !previews ? undefined : previews.drawn ? `${previews.drawn} preview images drawn, ${seconds(previews.ms)}` : `preview images cached, placed in ${seconds(previews.ms)}`;
    const run = { name, ...m, pages: size.pages, outBytes: size.bytes, outFiles: size.files, note: [note, drawnNote].filter(Boolean).join('; ') || undefined, load: loadavg()[0]!, previews, steps };
    runs.push(run);
    say(`${name}: ${(m.wallMs / 1000).toFixed(1)} s, peak ${mb(m.peakRssBytes)} (${m.peakParts}), ${size.pages} pages, ${mb(size.bytes)} in ${size.files} files`);
    return run;
  };
  say(`corpus: ${papers} papers over ${allDays.length} days (+1 day of ${extraDay.newPapers} held back) → ${corpus}`);

  // (a0) Everything cold, preview images included.
  let cold: Run | undefined;
  if (!skip.has('cold')) {
    aside(corpus);
    writeCorpus(ROOT, corpus, allDays);
    aside(cache);
    aside(site);
    say('site, every cache cold (preview images drawn)…');
    cold = await record('site, all cold', await measure(NODE, buildArgs, { env: siteEnv, log: `${site}.cold.log` }), site, undefined, `${site}.cold.log`);
  }

  // (a) From scratch again, Astro's cache empty, preview images cached.
  aside(corpus);
  writeCorpus(ROOT, corpus, allDays);
  if (existsSync(cache)) for (const name of readdirSync(cache)) if (name !== 'og') aside(join(cache, name));
  // No old output: the build then has nothing to retire and delete before the next run.
  aside(site);
  say(`site, cold Astro cache${cold ? ', images cached' : ''}…`);
  const full = await record('site (generate + Astro + Pagefind)', await measure(NODE, buildArgs, { env: siteEnv, log: `${site}.full.log` }), site, undefined, `${site}.full.log`);

  const papersList = corpusPapers(allDays);
  // (b) The naive baseline.
  let naive: Run | undefined;
  if (!skip.has('naive')) {
    const naiveContent = work('naive-content');
    aside(naiveContent);
    writeNaiveContent(naiveContent, papersList);
    const naiveCache = work('naive-cache');
    aside(naiveCache);
    say('naive Astro + MDX…');
    const naiveOut = work('naive');
    aside(naiveOut);
    naive = await record(
      'naive Astro + MDX',
      await measure(NODE, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', join(ROOT, 'bench/naive'), '--outDir', naiveOut], {
        env: { NAIVE_CONTENT: naiveContent, NAIVE_CACHE_DIR: naiveCache },
        log: `${naiveOut}.log`,
      }),
      naiveOut,
    );
  }

  // (c) Hugo.
  let hugo: Run | undefined;
  const hugoBin = onPath('hugo');
  if (!skip.has('hugo') && hugoBin) {
    const hugoSite = work('hugo-src');
    aside(hugoSite);
    writeHugoSite(hugoSite, papersList);
    const hugoOut = work('hugo');
    aside(hugoOut);
    say('hugo…');
    hugo = await record('hugo (Markdown)', await measure(hugoBin, ['--quiet', '--source', hugoSite, '--destination', hugoOut], { log: `${hugoOut}.log` }), hugoOut);
  }

  // (d) One more day, warm caches. The build does not read its previous
  // output: setting it aside leaves its deletion until after the last run.
  writeListing(corpus, extraDay);
  aside(site);
  say(`site +1 day (${extraDay.newPapers} new papers), warm caches…`);
  const incremental = await record(`site +1 day (${extraDay.newPapers} new papers)`, await measure(NODE, buildArgs, { env: siteEnv, log: `${site}.incremental.log` }), site, 'warm caches', `${site}.incremental.log`);

  // (e) The same again with nothing changed: the fixed cost of any rebuild.
  let unchanged: Run | undefined;
  if (!skip.has('unchanged')) {
    aside(site);
    say('site again, nothing changed…');
    unchanged = await record('site, nothing changed', await measure(NODE, buildArgs, { env: siteEnv, log: `${site}.unchanged.log` }), site, 'warm caches', `${site}.unchanged.log`);
  }

  // Client weights at this size.
  let client: Awaited<ReturnType<typeof clientWeights>> | undefined;
  let sample: SearchPair[] | undefined;
  if (!skip.has('client')) {
    say('client weights in Chromium…');
    client = await clientWeights(site, ['diffusion', 'reinforcement learning']).catch((error: Error) => {
      console.error(`bench: client weights failed: ${error.message}`);
      return undefined;
    });
    say(`search bytes over ${SAMPLE_QUERIES.length} query pairs…`);
    sample = await searchSample(site).catch((error: Error) => {
      console.error(`bench: search sample failed: ${error.message}`);
      return undefined;
    });
  }

  // Report.
  const lines: string[] = [];
  const ratio = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}x` : 'n/a');
  lines.push(`Corpus: ${papers} papers over ${allDays.length} days (scripts/corpus.ts), then +1 day of ${extraDay.newPapers}. Machine: ${cpus().length} cores, Node ${process.versions.node}; "load" is the 1-minute load average as each run ended (above ${cpus().length} means other work shared the cores).`);
  lines.push('');
  lines.push('| run | wall | peak RSS (tree) | pages | pages/s | output | vs naive (wall) | vs Hugo (wall) | load |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of runs) {
    lines.push(`| ${r.name}${r.note ? ` (${r.note})` : ''} | ${(r.wallMs / 1000).toFixed(1)} s | ${mb(r.peakRssBytes)} | ${r.pages} | ${(r.pages / (r.wallMs / 1000)).toFixed(0)} | ${mb(r.outBytes)}, ${r.outFiles} files | ${ratio(r.wallMs, naive?.wallMs)} | ${ratio(r.wallMs, hugo?.wallMs)} | ${r.load.toFixed(1)} |`);
  }
  lines.push('');
  lines.push(`Peak memory, by process at the peak: ${runs.map((r) => `${r.name}: ${r.peakParts}`).join('; ')}.`);
  lines.push(`Incremental: +1 day rebuild = ${ratio(incremental.wallMs, full.wallMs)} of the full build (${ratio(incremental.wallMs, cold?.wallMs)} of the all-cold build).`);
  // The targets leave drawing preview images out: it has its own line.
  const withoutDrawing = (run: Run) => run.wallMs - (run.previews?.drawn ? run.previews.ms : 0);
  if (full.previews?.drawn || incremental.previews?.drawn) {
    lines.push(`Without drawing preview images: full build ${(withoutDrawing(full) / 1000).toFixed(1)} s, +1 day ${(withoutDrawing(incremental) / 1000).toFixed(1)} s = ${ratio(withoutDrawing(incremental), withoutDrawing(full))} of the full build.`);
  }
  if (unchanged) {
    const steps = unchanged.steps;
    const parts = steps ? ` (generate ${steps.generate} s, Astro from bundling on ${steps.astro} s, search index ${steps.search} s; the rest is Astro's start-up and content sync, processes starting and exiting, and the output swap)` : '';
    lines.push(`Floor: a rebuild with nothing changed takes ${(unchanged.wallMs / 1000).toFixed(1)} s = ${ratio(withoutDrawing(unchanged), withoutDrawing(full))} of the full build (drawing left out)${parts}: the fixed cost every rebuild pays, +1 day included.`);
  }
  if (cold) {
    const perImage = (cold.wallMs - full.wallMs) / papers;
    lines.push(`Preview images: ~${perImage.toFixed(0)} ms per image drawn cold (all-cold minus images-cached build, over ${papers} images); cached images are read from PAPERS_CACHE_DIR/og and cost no drawing.`);
  }
  if (client) {
    lines.push(`Client: paper page ${kb(client.paperGz)} gzipped HTML+CSS (HTML alone ${kb(client.htmlGz)}); JavaScript before search ${kb(client.js)}; first search ${kb(client.firstGz)} in ${client.firstRequests} requests, second search ${kb(client.secondGz)} in ${client.secondRequests} requests, then sorting it by date ${kb(client.byDateGz)} (Pagefind files as a compressing host sends them; served raw: ${kb(client.first)} and ${kb(client.second)}).`);
  }
  if (sample) lines.push(describeSample(sample));
  const report = lines.join('\n');
  console.log(`\n${report}\n`);
  writeFileSync(join(out, `results-${papers}.md`), `${report}\n`);
  writeFileSync(join(out, `results-${papers}.json`), `${JSON.stringify({ papers, runs, client, sample }, null, 2)}\n`);
  say('deleting the folders set aside…');
  rmSync(trash, { recursive: true, force: true });
  say(`done; report in ${join(out, `results-${papers}.md`)}`);
}

await main();
