/**
 * The pure core of `npm run fetch`: which days, which URL and headers, when to
 * retry, and what a download means. (tests/integration/fetch.test.ts runs the
 * real command against a local server.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { daysBetween, MAX_RANGE_DAYS, parseDay, planDays, todayUtc } from '../../src/lib/fetch/days.ts';
import { bodyExcerpt, describeOutcome, EXIT, exitCode, judgeDownload, oneLine, refuseExisting, type DayOutcome, type Download } from '../../src/lib/fetch/outcome.ts';
import { chooseApiUrl, dayUrl, PackageInfo, PAGE_LIMIT, requestHeaders, userAgent } from '../../src/lib/fetch/request.ts';
import { DEFAULT_RETRY, isRetryable, nextAttempt, parseRetryAfter } from '../../src/lib/fetch/retry.ts';

const NOW = new Date('2025-03-14T18:30:00Z');
const FILE = 'content/listings/2025-03-14.json';
const URL_SHOWN = 'https://huggingface.co/api/daily_papers?date=2025-03-14&sort=trending&limit=100';
const REALISTIC = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'listings', 'daily-papers', 'accepted', 'realistic-day', '2025-03-14.json'));

/** A download that ended with a body. */
const body = (text: string | Uint8Array): Download => ({ kind: 'body', url: URL_SHOWN, bytes: typeof text === 'string' ? Buffer.from(text) : text });

describe('planDays', () => {
  test('fetches today in UTC when no day is named', () => {
    expect(planDays({}, NOW)).toEqual({ days: ['2025-03-14'] });
    expect(planDays({}, new Date('2025-03-14T23:59:59-05:00'))).toEqual({ days: ['2025-03-15'] });
  });

  test('fetches the one day --date names', () => {
    expect(planDays({ date: '2024-02-29' }, NOW)).toEqual({ days: ['2024-02-29'] });
  });

  test('fetches every day of a range, both ends included, across a month end', () => {
    expect(planDays({ from: '2025-02-27', to: '2025-03-02' }, NOW)).toEqual({ days: ['2025-02-27', '2025-02-28', '2025-03-01', '2025-03-02'] });
  });

  test.each([
    [{ date: '2025-02-30' }, '--date "2025-02-30" is not a calendar day'],
    [{ date: '14/03/2025' }, 'write it as YYYY-MM-DD'],
    [{ date: '2025-03-15' }, '--date 2025-03-15 is in the future (today is 2025-03-14 in UTC)'],
    [{ date: '2025-03-14', from: '2025-03-10' }, 'either --date or --from and --to'],
    [{ from: '2025-03-10' }, 'needs both --from and --to'],
    [{ from: '2025-03-14', to: '2025-03-10' }, '--from 2025-03-14 is after --to 2025-03-10'],
    [{ from: '2023-01-01', to: '2025-03-14' }, `fetch at most ${MAX_RANGE_DAYS} in one run`],
  ])('refuses %j, saying why in one line', (options, message) => {
    const plan = planDays(options, NOW);
    expect(plan).toEqual({ error: expect.stringContaining(message) });
    expect((plan as { error: string }).error).not.toContain('\n');
  });

  test('reads calendar days only', () => {
    expect(parseDay('2025-03-14')).toBe('2025-03-14');
    expect(parseDay('2025-3-14')).toBeUndefined();
    expect(parseDay('2025-03-14.json')).toBeUndefined();
    expect(todayUtc(NOW)).toBe('2025-03-14');
    expect(daysBetween('2025-03-14', '2025-03-14')).toEqual(['2025-03-14']);
  });
});

describe('the request', () => {
  test('asks for the day, trending order and the largest page, keeping the API URL as it is', () => {
    const url = dayUrl('https://huggingface.co/api/daily_papers', '2025-03-14');
    expect(url.href).toBe(URL_SHOWN);
    expect(dayUrl('http://127.0.0.1:8080/api/daily_papers?token=x', '2025-03-14').searchParams.get('token')).toBe('x');
    expect(dayUrl('http://127.0.0.1:8080/x?date=1999-01-01', '2025-03-14').searchParams.getAll('date')).toEqual(['2025-03-14']);
    expect(PAGE_LIMIT).toBe(100);
  });

  test('names the project, its version and a contact URL in the User-Agent, and accepts JSON', () => {
    const pkg = PackageInfo.parse(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')));
    const agent = userAgent(pkg, 'https://papers.example.org');
    expect(agent).toMatch(/^trending-papers-site\/\d+\.\d+\.\d+ \(\+https:\/\/papers\.example\.org\)$/);
    expect(requestHeaders(agent)).toEqual({ 'user-agent': agent, accept: 'application/json' });
  });

  test('refuses a package name or version that could break a header', () => {
    expect(PackageInfo.safeParse({ name: 'x\r\nInjected: 1', version: '1.0.0' }).success).toBe(false);
    expect(PackageInfo.safeParse({ name: 'x', version: '1.0.0 (evil)' }).success).toBe(false);
  });

  test('takes DAILY_PAPERS_URL over the configured URL, http(s) only', () => {
    const configured = 'https://huggingface.co/api/daily_papers';
    expect(chooseApiUrl(configured, undefined)).toEqual({ url: configured });
    expect(chooseApiUrl(configured, '')).toEqual({ url: configured });
    expect(chooseApiUrl(configured, 'http://127.0.0.1:9/api')).toEqual({ url: 'http://127.0.0.1:9/api' });
    expect(chooseApiUrl(configured, 'file:///etc/passwd')).toEqual({ error: expect.stringContaining('must be an http(s) URL') });
    expect(chooseApiUrl(configured, 'not a url')).toEqual({ error: expect.stringContaining('is not an absolute URL') });
  });
});

describe('the retry policy', () => {
  test('retries 429 and 5xx only', () => {
    expect([429, 500, 502, 503, 504, 599].every(isRetryable)).toBe(true);
    expect([200, 301, 400, 401, 403, 404, 410, 418].some(isRetryable)).toBe(false);
  });

  test('backs off exponentially: 1 s, 2 s, 4 s, then gives up after 4 attempts', () => {
    expect([1, 2, 3].map((n) => nextAttempt(n, 503, null, NOW))).toEqual([{ retryInMs: 1_000 }, { retryInMs: 2_000 }, { retryInMs: 4_000 }]);
    expect(nextAttempt(4, 503, null, NOW)).toEqual({ giveUp: 'after 4 attempts' });
    expect(DEFAULT_RETRY.attempts).toBe(4);
  });

  test('does not retry an answer that asking again cannot change', () => {
    expect(nextAttempt(1, 404, '1', NOW)).toEqual({ giveUp: expect.any(String) });
  });

  test('honours Retry-After in seconds and as an HTTP date', () => {
    expect(nextAttempt(1, 429, '1', NOW)).toEqual({ retryInMs: 1_000 });
    expect(nextAttempt(1, 429, '0', NOW)).toEqual({ retryInMs: 0 });
    expect(nextAttempt(2, 503, 'Fri, 14 Mar 2025 18:30:07 GMT', NOW)).toEqual({ retryInMs: 7_000 });
    expect(parseRetryAfter('Fri, 14 Mar 2025 18:00:00 GMT', NOW)).toBe(0);
  });

  test('falls back to backoff when Retry-After cannot be read', () => {
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('-5', NOW)).toBeUndefined();
    expect(parseRetryAfter('2025-03-14T18:31:00Z', NOW)).toBeUndefined();
    expect(nextAttempt(2, 429, 'soon', NOW)).toEqual({ retryInMs: 2_000 });
  });

  test('gives up at once when the server asks for a longer wait than the policy allows', () => {
    expect(nextAttempt(1, 429, '3600', NOW)).toEqual({ giveUp: 'the server asks to wait 3600 s before asking again; try again later' });
  });
});

describe('judgeDownload', () => {
  test('accepts a valid day with the bytes as received and counts its papers', () => {
    const judged = judgeDownload('2025-03-14', FILE, body(REALISTIC));
    expect(judged).toMatchObject({ kind: 'valid', papers: 6, warnings: [] });
    expect((judged as { bytes: Uint8Array }).bytes).toBe(REALISTIC);
  });

  test('tells an empty day apart from a failure', () => {
    expect(judgeDownload('2025-03-14', FILE, body('[]'))).toEqual({ kind: 'empty', date: '2025-03-14' });
    expect(judgeDownload('2025-03-14', FILE, body(' [ ]\n'))).toEqual({ kind: 'empty', date: '2025-03-14' });
  });

  test('fails on invalid JSON with the parser diagnostic', () => {
    const judged = judgeDownload('2025-03-14', FILE, body('[{"paper": '));
    expect(judged).toMatchObject({ kind: 'failed', message: `the response from ${URL_SHOWN} is not valid JSON` });
    expect((judged as { diagnostics: unknown[] }).diagnostics).toEqual([expect.objectContaining({ file: FILE, line: 1 })]);
  });

  test('fails on a response the parser rejects, passing on its errors', () => {
    const judged = judgeDownload('2025-03-14', FILE, body('[{"paper": {"id": "2503.00001", "summary": "S"}}, {"paper": {"title": 3}}]'));
    expect(judged).toMatchObject({ kind: 'failed', message: expect.stringContaining('is not a valid listing (2 problems)') });
    expect((judged as { diagnostics: { path?: string }[] }).diagnostics.map((d) => d.path)).toEqual(['[0]', '[1].paper.title']);
  });

  test('warns when the API returned a full page, as papers may be missing', () => {
    const items = Array.from({ length: PAGE_LIMIT }, (_, i) => ({ paper: { id: `2503.${String(i).padStart(5, '0')}`, title: `T${i}`, summary: 'S' } }));
    const judged = judgeDownload('2025-03-14', FILE, body(JSON.stringify(items)));
    expect(judged).toMatchObject({ kind: 'valid', warnings: [expect.objectContaining({ message: expect.stringContaining(`as many as one request may ask for (${PAGE_LIMIT})`) })] });
  });

  test.each<[Download, string]>([
    [{ kind: 'network', url: URL_SHOWN, message: 'connect ECONNREFUSED 127.0.0.1:9' }, `network error: connect ECONNREFUSED 127.0.0.1:9 (${URL_SHOWN})`],
    [{ kind: 'timeout', url: URL_SHOWN, seconds: 30 }, `no answer from ${URL_SHOWN} within 30 s (--timeout 30)`],
    [{ kind: 'http', url: URL_SHOWN, status: 404, statusText: 'Not Found', excerpt: 'Sorry, we can\u2019t find the page', why: 'x' }, `HTTP 404 Not Found from ${URL_SHOWN}: Sorry, we can\u2019t find the page`],
    [{ kind: 'http', url: URL_SHOWN, status: 503, statusText: 'Service Unavailable', excerpt: '', why: 'after 4 attempts' }, `HTTP 503 Service Unavailable from ${URL_SHOWN} (after 4 attempts)`],
    [{ kind: 'too-large', url: URL_SHOWN, limit: 10 }, 'is larger than 10 bytes'],
  ])('says what went wrong on the wire: %j', (download, message) => {
    expect(judgeDownload('2025-03-14', FILE, download)).toEqual({ kind: 'failed', date: '2025-03-14', message: expect.stringContaining(message), diagnostics: [] });
  });
});

describe('messages and exit codes', () => {
  const written: DayOutcome = { kind: 'written', date: '2025-03-14', file: FILE, papers: 6, replaced: false, warnings: [] };
  const empty: DayOutcome = { kind: 'empty', date: '2025-03-15' };
  const exists: DayOutcome = { kind: 'exists', date: '2025-03-14', file: FILE, format: 'json' };
  const failed: DayOutcome = { kind: 'failed', date: '2025-03-16', message: 'HTTP 500 from x (after 4 attempts)', diagnostics: [] };

  test('says how each day ended in one line', () => {
    expect(describeOutcome(written)).toBe(`2025-03-14: wrote ${FILE} (6 papers)`);
    expect(describeOutcome(empty)).toBe('2025-03-15: no papers listed for 2025-03-15 yet; nothing was written');
    expect(describeOutcome(exists)).toContain('already exists; nothing was written (add --force');
    expect(describeOutcome({ ...exists, file: 'content/listings/2025-03-14.txt', format: 'txt' })).toContain('already lists this day; nothing was written');
    expect(describeOutcome(failed, FILE)).toBe(`2025-03-16: HTTP 500 from x (after 4 attempts); ${FILE} is unchanged`);
    for (const o of [written, empty, exists, failed]) expect(describeOutcome(o)).not.toContain('\n');
  });

  test('refuses a day with a .txt listing even with --force, and a .json one without it', () => {
    expect(refuseExisting('2025-03-14', { txt: 'x.txt' }, true)).toMatchObject({ kind: 'exists', format: 'txt' });
    expect(refuseExisting('2025-03-14', { json: FILE }, false)).toMatchObject({ kind: 'exists', format: 'json' });
    expect(refuseExisting('2025-03-14', { json: FILE }, true)).toBeUndefined();
    expect(refuseExisting('2025-03-14', {}, false)).toBeUndefined();
  });

  test('gives each single-day ending its own exit code', () => {
    expect([written, failed, empty, exists].map((o) => exitCode([o]))).toEqual([EXIT.ok, EXIT.failed, EXIT.empty, EXIT.exists]);
    expect(EXIT).toEqual({ ok: 0, failed: 1, usage: 2, empty: 3, exists: 4 });
  });

  test('ends a range with a failure if one stopped it, else 0 when any day was written', () => {
    expect(exitCode([written, empty, failed])).toBe(EXIT.failed);
    expect(exitCode([empty, written, exists])).toBe(EXIT.ok);
    expect(exitCode([empty, exists])).toBe(EXIT.empty);
    expect(exitCode([exists, exists])).toBe(EXIT.exists);
  });

  test('keeps untrusted text from the server on one line with its invisible characters named', () => {
    expect(oneLine('busy\n\u001b[31mred\u202e')).toBe('busy <U+001B>[31mred<U+202E>');
    expect(bodyExcerpt(Buffer.from('{"error":"Invalid date"}'))).toBe('Invalid date');
    expect(bodyExcerpt(Buffer.from(`<html>${'x'.repeat(500)}</html>`))).toHaveLength(200);
  });
});
