/**
 * What a reader's browser downloads from a built site, measured in
 * Chromium: a paper page, the first search and a second one, sorting by
 * date, and the search bytes over a sample of typical query pairs. Bytes
 * are counted as a compressing host sends them (Pagefind's own files are
 * gzip already).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { serveStatic } from '../support/staticServer.ts';
import { formatKb } from '../../src/lib/text/units.ts';

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
/** What a reader downloads from the site in `dir`, for a first and a second search of `queries`. */
export async function clientWeights(dir: string, queries: [string, string]) {
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
export const SAMPLE_QUERIES: [string, string][] = [
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
export interface SearchPair {
  queries: [string, string];
  firstGz: number;
  secondGz: number;
}

/** One line on the sample: mean and worst of first and second searches. */
export function describeSample(pairs: SearchPair[]): string {
  const mean = (key: 'firstGz' | 'secondGz') => pairs.reduce((sum, p) => sum + p[key], 0) / pairs.length;
  const worst = (key: 'firstGz' | 'secondGz') => pairs.reduce((a, b) => (b[key] > a[key] ? b : a));
  const first = worst('firstGz');
  const second = worst('secondGz');
  return `Search over ${pairs.length} query pairs (scripts/bench.ts SAMPLE_QUERIES): first search mean ${formatKb(mean('firstGz'))}, worst ${formatKb(first.firstGz)} ("${first.queries[0]}"); second search mean ${formatKb(mean('secondGz'))}, worst ${formatKb(second.secondGz)} ("${second.queries[1]}").`;
}

/** Search bytes over SAMPLE_QUERIES: each pair as a first search in a fresh browser, then a second one typed on the same page. */
export async function searchSample(dir: string): Promise<SearchPair[]> {
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
