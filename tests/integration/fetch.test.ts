/**
 * `npm run fetch` end to end: the real command (scripts/fetch.ts in a child
 * process) against a stand-in API on 127.0.0.1 that serves recorded
 * responses (the daily papers fixtures), errors and silence, with
 * PAPERS_CONTENT_DIR pointing at a temporary content folder. No test touches
 * the network.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/lib/listing/dailyPapers.ts';
import { ok, startRecordedApi, type RecordedApi } from '../support/recordedApi.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const NODE = join(ROOT, 'node_modules', '.bin', 'node');
const LISTINGS_FIXTURES = join(ROOT, 'tests', 'fixtures', 'listings', 'daily-papers');
const REALISTIC = readFileSync(join(LISTINGS_FIXTURES, 'accepted', 'realistic-day', '2025-03-14.json'));
const HOSTILE = readFileSync(join(LISTINGS_FIXTURES, 'accepted', 'hostile-values', '2025-03-14.json'));
const INVALID_JSON = readFileSync(join(LISTINGS_FIXTURES, 'rejected', 'invalid-json', '2025-03-14.json'));
const INVALID_LISTING = readFileSync(join(LISTINGS_FIXTURES, 'rejected', 'wrong-type-deep', '2025-03-14.json'));
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

let api: RecordedApi;
let content = '';

/** The listing file of a day in the temporary content folder. */
const listing = (name: string) => join(content, 'listings', name);

/** What a run of the command did. */
interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `npm run fetch -- <args>` as npm would: the project as working directory. */
function fetchCommand(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const started = performance.now();
  const { DAILY_PAPERS_URL: _url, PAPERS_CONTENT_DIR: _dir, ...inherited } = process.env;
  const child = spawn(NODE, ['scripts/fetch.ts', ...args], {
    cwd: ROOT,
    env: { ...inherited, DAILY_PAPERS_URL: api.url, PAPERS_CONTENT_DIR: content, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

/** The days the stand-in API was asked for, in order. */
const askedDays = () => api.seen.map((r) => new URL(r.url, 'http://x').searchParams.get('date'));

/** Files in the listings folder, temporary ones included. */
const listingFiles = () => readdirSync(join(content, 'listings')).sort();

beforeEach(async () => {
  api = await startRecordedApi();
  content = mkdtempSync(join(tmpdir(), 'fetch-content-'));
  cpSync(join(ROOT, 'content', 'site.yaml'), join(content, 'site.yaml'));
  mkdirSync(join(content, 'listings'));
  cpSync(join(ROOT, 'content', 'listings', '2025-03-11.txt'), listing('2025-03-11.txt'));
});

afterEach(async () => {
  await api.close();
  rmSync(content, { recursive: true, force: true });
});

describe('npm run fetch, one day', () => {
  test('writes the response to content/listings/<date>.json byte for byte and exits 0', async () => {
    api.reply(ok(REALISTIC));
    const run = await fetchCommand(['--date', '2025-03-14']);
    expect(run.code).toBe(0);
    expect(readFileSync(listing('2025-03-14.json'))).toEqual(REALISTIC);
    expect(run.stdout).toMatch(/^fetch: 2025-03-14: wrote .*2025-03-14\.json \(6 papers\)\n$/);
    expect(listingFiles()).toEqual(['2025-03-11.txt', '2025-03-14.json']);
  });

  test('asks for the day with ?date=, trending order and a full page, as a named client that accepts JSON', async () => {
    api.reply(ok(REALISTIC));
    await fetchCommand(['--date', '2025-03-14']);
    expect(api.seen).toHaveLength(1);
    const [request] = api.seen;
    expect(request!.method).toBe('GET');
    expect(request!.url).toBe('/api/daily_papers?date=2025-03-14&sort=trending&limit=100');
    expect(request!.headers['user-agent']).toBe(`${PACKAGE.name}/${PACKAGE.version} (+https://papers.example.org)`);
    expect(request!.headers.accept).toBe('application/json');
  });

  test('takes the API URL from site.yaml when DAILY_PAPERS_URL is not set', async () => {
    const yaml = readFileSync(join(content, 'site.yaml'), 'utf8');
    writeFileSync(join(content, 'site.yaml'), `${yaml}dailyPapersUrl: ${api.url}?from=site-yaml\n`);
    api.reply(ok(REALISTIC));
    const run = await fetchCommand(['--date', '2025-03-14'], { DAILY_PAPERS_URL: '' });
    expect(run.code).toBe(0);
    expect(api.seen[0]!.url).toBe('/api/daily_papers?from=site-yaml&date=2025-03-14&sort=trending&limit=100');
  });

  test('writes a hostile but valid response as received and prints the parser warnings', async () => {
    api.reply(ok(HOSTILE));
    const run = await fetchCommand(['--date', '2025-03-14']);
    expect(run.code).toBe(0);
    expect(readFileSync(listing('2025-03-14.json'))).toEqual(HOSTILE);
    expect(run.stderr).toContain('[0].paper.projectPage: warning: the project page link (projectPage) is a "javascript:" URL; it is dropped');
  });

  test('refuses to overwrite an existing listing without --force, without asking the API', async () => {
    writeFileSync(listing('2025-03-14.json'), '[]');
    const run = await fetchCommand(['--date', '2025-03-14']);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/^fetch: 2025-03-14: .*2025-03-14\.json already exists; nothing was written \(add --force/);
    expect(readFileSync(listing('2025-03-14.json'), 'utf8')).toBe('[]');
    expect(api.seen).toHaveLength(0);
  });

  test('replaces an existing listing with --force when the new one validates', async () => {
    writeFileSync(listing('2025-03-14.json'), HOSTILE);
    api.reply(ok(REALISTIC));
    const run = await fetchCommand(['--date', '2025-03-14', '--force']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('replaced');
    expect(readFileSync(listing('2025-03-14.json'))).toEqual(REALISTIC);
  });

  test('keeps the old listing when --force brings an invalid one, printing the parser diagnostics', async () => {
    writeFileSync(listing('2025-03-14.json'), REALISTIC);
    api.reply(ok(INVALID_LISTING));
    const run = await fetchCommand(['--date', '2025-03-14', '--force']);
    expect(run.code).toBe(1);
    const [line, ...rest] = run.stderr.split('\n');
    expect(line).toMatch(/^fetch: 2025-03-14: the response from .* is not a valid listing \(1 problem\); .*2025-03-14\.json is unchanged$/);
    expect(rest.join('\n')).toContain('2025-03-14.json: [2].paper.authors[3].name: error: expected a string, found the number 42');
    expect(readFileSync(listing('2025-03-14.json'))).toEqual(REALISTIC);
    expect(listingFiles()).toEqual(['2025-03-11.txt', '2025-03-14.json']);
  });

  test('refuses a day that already has a .txt listing, even with --force', async () => {
    const run = await fetchCommand(['--date', '2025-03-11', '--force']);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('2025-03-11.txt already lists this day; nothing was written');
    expect(api.seen).toHaveLength(0);
  });

  test('fails on 404 in one line, without retrying, and writes nothing', async () => {
    api.reply({ status: 404, headers: { 'content-type': 'application/json' }, body: '{"error":"Sorry, we can\'t find the page you are looking for."}' });
    const run = await fetchCommand(['--date', '2025-03-14']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`fetch: 2025-03-14: HTTP 404 Not Found from ${api.url}?date=2025-03-14&sort=trending&limit=100: Sorry, we can't find the page you are looking for.; nothing was written\n`);
    expect(api.seen).toHaveLength(1);
    expect(listingFiles()).toEqual(['2025-03-11.txt']);
  });

  test('retries a 500 after backing off and writes the answer that follows', async () => {
    api.reply({ status: 500, body: 'oops' }, ok(REALISTIC));
    const run = await fetchCommand(['--date', '2025-03-14']);
    expect(run.code).toBe(0);
    expect(api.seen).toHaveLength(2);
    expect(api.seen[1]!.at - api.seen[0]!.at).toBeGreaterThanOrEqual(1_000);
    expect(run.stderr).toContain('HTTP 500');
    expect(readFileSync(listing('2025-03-14.json'))).toEqual(REALISTIC);
  });

  test('waits as long as a 429 Retry-After says before asking again', async () => {
    api.reply({ status: 429, headers: { 'retry-after': '1' }, body: 'slow down' }, ok(REALISTIC));
    const run = await fetchCommand(['--date', '2025-03-14']);
    expect(run.code).toBe(0);
    expect(api.seen).toHaveLength(2);
    expect(api.seen[1]!.at - api.seen[0]!.at).toBeGreaterThanOrEqual(1_000);
  });

  test('takes Retry-After over its own backoff, which by the third retry would be 4 s', async () => {
    const now = { status: 503, headers: { 'retry-after': '0' }, body: 'busy' };
    api.reply(now, now, { status: 429, headers: { 'retry-after': '1' }, body: 'slow down' }, ok(REALISTIC));
    const run = await fetchCommand(['--date', '2025-03-14']);
    expect(run.code).toBe(0);
    expect(api.seen).toHaveLength(4);
    const waited = api.seen[3]!.at - api.seen[2]!.at;
    expect(waited).toBeGreaterThanOrEqual(1_000);
    expect(waited).toBeLessThan(4_000);
  });

  test('gives up after 4 attempts of server errors, saying so in one line', async () => {
    const busy = { status: 503, headers: { 'retry-after': '0' }, body: 'busy' };
    api.reply(busy, busy, busy, busy);
    const run = await fetchCommand(['--date', '2025-03-14']);
    expect(run.code).toBe(1);
    expect(api.seen).toHaveLength(4);
    expect(run.stderr.trim().split('\n').at(-1)).toBe(`fetch: 2025-03-14: HTTP 503 Service Unavailable from ${api.url}?date=2025-03-14&sort=trending&limit=100 (after 4 attempts): busy; nothing was written`);
    expect(listingFiles()).toEqual(['2025-03-11.txt']);
  });

  test('fails on invalid JSON with the line and column, and writes nothing', async () => {
    api.reply(ok(INVALID_JSON));
    const run = await fetchCommand(['--date', '2025-03-14']);
    expect(run.code).toBe(1);
    const [line, diagnostic] = run.stderr.split('\n');
    expect(line).toMatch(/^fetch: 2025-03-14: the response from .* is not valid JSON; nothing was written$/);
    expect(diagnostic).toMatch(/2025-03-14\.json:4: error: the file is not valid JSON: .*\(line 4, column 23\)$/);
    expect(listingFiles()).toEqual(['2025-03-11.txt']);
  });

  test('tells "no papers yet" apart with exit code 3', async () => {
    api.reply(ok('[]'));
    const run = await fetchCommand(['--date', '2025-03-14']);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe('fetch: 2025-03-14: no papers listed for 2025-03-14 yet; nothing was written\n');
    expect(listingFiles()).toEqual(['2025-03-11.txt']);
  });

  test('gives up on a server that never answers after --timeout seconds', async () => {
    api.reply('hang');
    const run = await fetchCommand(['--date', '2025-03-14', '--timeout', '1']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`fetch: 2025-03-14: no answer from ${api.url}?date=2025-03-14&sort=trending&limit=100 within 1 s (--timeout 1); nothing was written\n`);
    expect(run.ms).toBeLessThan(10_000);
    expect(listingFiles()).toEqual(['2025-03-11.txt']);
  });

  test('gives up on a response larger than a listing may be, declared or not, and writes nothing', async () => {
    const huge = Buffer.alloc(MAX_FILE_BYTES + 1, 0x20);
    api.reply({ status: 200, headers: { 'content-length': String(huge.length) }, body: huge }, { status: 200, body: huge });
    for (const _ of [1, 2]) {
      const run = await fetchCommand(['--date', '2025-03-14']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`is larger than ${MAX_FILE_BYTES} bytes`);
    }
    expect(api.seen).toHaveLength(2);
    expect(listingFiles()).toEqual(['2025-03-11.txt']);
  });

  test('fails on a refused connection with a network error', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const run = await fetchCommand(['--date', '2025-03-14'], { DAILY_PAPERS_URL: `http://127.0.0.1:${port}/api/daily_papers` });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^fetch: 2025-03-14: network error: .*ECONNREFUSED.*; nothing was written\n$/);
  });

  test('stops on a usage error with exit code 2, before asking the API', async () => {
    for (const args of [['--date', '2025-02-30'], ['--from', '2025-03-10'], ['--timeout', '0'], ['--what']]) {
      const run = await fetchCommand(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^fetch: .*\nfetch: see npm run fetch -- --help\n$/);
    }
    const run = await fetchCommand(['--date', '2025-03-14'], { DAILY_PAPERS_URL: 'javascript:alert(1)' });
    expect(run.code).toBe(2);
    expect(api.seen).toHaveLength(0);
  });
});

describe('npm run fetch, a range', () => {
  test('fetches every day from --from to --to in order, one at a time, skipping days with no papers', async () => {
    api.reply(ok(REALISTIC), ok('[]'), ok(HOSTILE));
    const run = await fetchCommand(['--from', '2025-03-12', '--to', '2025-03-14', '--pause', '0']);
    expect(run.code).toBe(0);
    expect(askedDays()).toEqual(['2025-03-12', '2025-03-13', '2025-03-14']);
    expect(readFileSync(listing('2025-03-12.json'))).toEqual(REALISTIC);
    expect(existsSync(listing('2025-03-13.json'))).toBe(false);
    expect(readFileSync(listing('2025-03-14.json'))).toEqual(HOSTILE);
    expect(run.stderr).toContain('fetch: 2025-03-12 to 2025-03-14: 2 written, 1 with no papers yet, 0 already listed, 0 failed');
  });

  test('pauses between days as --pause says', async () => {
    api.reply(ok(REALISTIC), ok(REALISTIC));
    const run = await fetchCommand(['--from', '2025-03-13', '--to', '2025-03-14', '--pause', '0.5']);
    expect(run.code).toBe(0);
    expect(api.seen[1]!.at - api.seen[0]!.at).toBeGreaterThanOrEqual(500);
  });

  test('stops at the first hard failure and keeps the days already written', async () => {
    api.reply(ok(REALISTIC), { status: 404, body: 'not found' });
    const run = await fetchCommand(['--from', '2025-03-12', '--to', '2025-03-14', '--pause', '0']);
    expect(run.code).toBe(1);
    expect(askedDays()).toEqual(['2025-03-12', '2025-03-13']);
    expect(readFileSync(listing('2025-03-12.json'))).toEqual(REALISTIC);
    expect(listingFiles()).toEqual(['2025-03-11.txt', '2025-03-12.json']);
    expect(run.stderr).toContain('stopped at 2025-03-13, the days before it are kept');
  });

  test('passes over days that already have a listing, without asking or pausing, and exits 0 when it wrote one', async () => {
    api.reply(ok(REALISTIC));
    const run = await fetchCommand(['--from', '2025-03-11', '--to', '2025-03-12', '--pause', '30']);
    expect(run.code).toBe(0);
    expect(askedDays()).toEqual(['2025-03-12']);
    expect(run.stderr).toContain('2025-03-11.txt already lists this day');
    expect(run.ms).toBeLessThan(30_000);
  });

  test('exits 3 when no day of the range had papers yet, and 4 when every day was already listed', async () => {
    api.reply(ok('[]'), ok('[]'));
    const empty = await fetchCommand(['--from', '2025-03-11', '--to', '2025-03-13', '--pause', '0']);
    expect(empty.code).toBe(3);
    expect(askedDays()).toEqual(['2025-03-12', '2025-03-13']);
    writeFileSync(listing('2025-03-12.json'), REALISTIC);
    const listed = await fetchCommand(['--from', '2025-03-11', '--to', '2025-03-12']);
    expect(listed.code).toBe(4);
    expect(api.seen).toHaveLength(2);
  });
});
