/**
 * The edge of `npm run fetch`: the only module that talks HTTP and writes
 * listing files. Every decision (which URL, whether to retry, what a body
 * means, what the run ends with) is made by the pure modules beside it.
 */
import { existsSync, linkSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeFileAtomic } from '../io/atomicWrite.ts';
import { MAX_FILE_BYTES } from '../listing/dailyPapers.ts';
import { bodyExcerpt, describeOutcome, judgeDownload, refuseExisting, type DayOutcome, type Download } from './outcome.ts';
import { dayUrl, requestHeaders } from './request.ts';
import { DEFAULT_RETRY, nextAttempt, type RetryPolicy } from './retry.ts';

/** What a run needs to know. */
export interface ImportOptions {
  /** Project root: listing paths in messages are relative to it. */
  root: string;
  /** Folder of the listings (content/listings). */
  listings: string;
  /** The API endpoint; each day adds its query. */
  api: string;
  userAgent: string;
  /** Per-attempt limit, in seconds. */
  timeoutSeconds: number;
  /** Pause between two days, in seconds. */
  pauseSeconds: number;
  force: boolean;
  retry?: RetryPolicy;
  /** Progress and warnings (stderr). */
  log: (line: string) => void;
  /** Each day's one-line result, as it ends. */
  report: (outcome: DayOutcome, line: string) => void;
}

/** A path as the user would type it: relative to the project when inside it. */
function display(root: string, file: string): string {
  const rel = relative(root, file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

/** Reads a response body, giving up past `limit` bytes. */
async function readBody(response: Response, limit: number): Promise<Uint8Array | undefined> {
  if (Number(response.headers.get('content-length')) > limit) {
    await response.body?.cancel();
    return undefined;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop early cancels the stream: the rest is never downloaded.
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Downloads one URL, retrying 429 and 5xx answers as the retry policy says. */
export async function download(url: URL, options: Pick<ImportOptions, 'userAgent' | 'timeoutSeconds' | 'retry' | 'log'>): Promise<Download> {
  const policy = options.retry ?? DEFAULT_RETRY;
  const shown = url.href;
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    let body: Uint8Array | undefined;
    try {
      // The timeout covers the whole attempt, the body included.
      const signal = AbortSignal.timeout(options.timeoutSeconds * 1_000);
      response = await fetch(url, { headers: requestHeaders(options.userAgent), redirect: 'follow', signal });
      body = await readBody(response, MAX_FILE_BYTES);
    } catch (error) {
      if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) return { kind: 'timeout', url: shown, seconds: options.timeoutSeconds };
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
      return { kind: 'network', url: shown, message: cause ?? (error instanceof Error ? error.message : String(error)) };
    }
    if (body === undefined) return { kind: 'too-large', url: shown, limit: MAX_FILE_BYTES };
    if (response.ok) return { kind: 'body', url: shown, bytes: body };
    const decision = nextAttempt(attempt, response.status, response.headers.get('retry-after'), new Date(), policy);
    if ('giveUp' in decision) {
      return { kind: 'http', url: shown, status: response.status, statusText: response.statusText, excerpt: bodyExcerpt(body), why: decision.giveUp };
    }
    options.log(`fetch: HTTP ${response.status} from ${shown}; attempt ${attempt + 1} of ${policy.attempts} in ${(decision.retryInMs / 1_000).toFixed(1)} s`);
    await sleep(decision.retryInMs);
  }
}

/**
 * Writes `bytes` to `file` through a temporary sibling. Without `replace`,
 * the final step is a hard link, which fails if the file appeared meanwhile,
 * so a listing is never overwritten by a race either. Returns false then.
 */
function writeListing(file: string, bytes: Uint8Array, replace: boolean): boolean {
  if (replace) {
    writeFileAtomic(file, bytes);
    return true;
  }
  mkdirSync(dirname(file), { recursive: true });
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, bytes);
    linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Fetches, validates and writes one day. */
export async function importDay(date: string, options: ImportOptions): Promise<{ outcome: DayOutcome; kept?: string; requested: boolean }> {
  const jsonFile = join(options.listings, `${date}.json`);
  const txtFile = join(options.listings, `${date}.txt`);
  const shown = display(options.root, jsonFile);
  const existed = existsSync(jsonFile);
  const refusal = refuseExisting(date, { json: existed ? shown : undefined, txt: existsSync(txtFile) ? display(options.root, txtFile) : undefined }, options.force);
  if (refusal) return { outcome: refusal, requested: false };
  const kept = existed ? shown : undefined;

  const judged = judgeDownload(date, shown, await download(dayUrl(options.api, date), options));
  if (judged.kind !== 'valid') return { outcome: judged, requested: true, ...(kept ? { kept } : {}) };
  try {
    if (!writeListing(jsonFile, judged.bytes, options.force)) return { outcome: { kind: 'exists', date, file: shown, format: 'json' }, requested: true };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { outcome: { kind: 'failed', date, message: `could not write ${shown}: ${why}`, diagnostics: [] }, requested: true, ...(kept ? { kept } : {}) };
  }
  return { outcome: { kind: 'written', date, file: shown, papers: judged.papers, replaced: existed, warnings: judged.warnings }, requested: true };
}

/**
 * Imports the days in order, pausing between them, and stops at the first
 * failure; days already written stay written. Returns every day's outcome.
 */
export async function importDays(days: readonly string[], options: ImportOptions): Promise<DayOutcome[]> {
  const outcomes: DayOutcome[] = [];
  let asked = false;
  for (const date of days) {
    // Polite pacing: one request at a time, with a pause after each (a day already listed asks nothing).
    if (asked && options.pauseSeconds > 0) await sleep(options.pauseSeconds * 1_000);
    const { outcome, kept, requested } = await importDay(date, options);
    asked = requested;
    outcomes.push(outcome);
    options.report(outcome, describeOutcome(outcome, kept));
    if (outcome.kind === 'failed') break;
  }
  return outcomes;
}
