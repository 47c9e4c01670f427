/**
 * How a day of `npm run fetch` ends, in one line, and the exit code of a run.
 * Pure: the edge module (importDays.ts) reports what happened on the wire and
 * on disk; this module judges the body with the build's own parser and says
 * what it means.
 *
 * Exit codes (also in scripts/fetch.ts and README "Daily import"):
 *   0  every day asked for was written (a range: at least one was, none failed)
 *   1  a failure: network, timeout, HTTP error, invalid response, write error
 *   2  usage or configuration error: nothing was asked of the API
 *   3  no papers listed yet for the day (a range: for every day not written)
 *   4  the day already has a listing (without --force; or a .txt listing)
 */
import { decodeDailyPapers, readDailyPapers } from '../listing/dailyPapers.ts';
import type { Diagnostic } from '../listing/diagnostics.ts';
import { BIDI_CONTROL, CONTROL, codePointName } from '../text/characters.ts';
import { PAGE_LIMIT } from './request.ts';
import { isRetryable } from './retry.ts';

/** Exit codes of `npm run fetch`. */
export const EXIT = { ok: 0, failed: 1, usage: 2, empty: 3, exists: 4 } as const;

/** How a download ended, before anything is written. */
export type Download =
  | { kind: 'body'; url: string; bytes: Uint8Array }
  | { kind: 'http'; url: string; status: number; statusText: string; excerpt: string; why: string }
  | { kind: 'network'; url: string; message: string }
  | { kind: 'timeout'; url: string; seconds: number }
  | { kind: 'too-large'; url: string; limit: number };

/** How one day ended. */
export type DayOutcome =
  | { kind: 'written'; date: string; file: string; papers: number; replaced: boolean; warnings: Diagnostic[] }
  | { kind: 'empty'; date: string }
  | { kind: 'exists'; date: string; file: string; format: 'json' | 'txt' }
  | { kind: 'failed'; date: string; message: string; diagnostics: Diagnostic[] };

/** A body that may be written: the bytes as received, and what the parser found. */
export interface ValidBody {
  kind: 'valid';
  bytes: Uint8Array;
  papers: number;
  warnings: Diagnostic[];
}

/** The files a day already has, by display path (undefined when absent). */
export interface Existing {
  json?: string | undefined;
  txt?: string | undefined;
}

/** Refuses a day that already has a listing (a .json without --force, or any .txt), or undefined to go ahead. */
export function refuseExisting(date: string, existing: Existing, force: boolean): DayOutcome | undefined {
  // A .txt is refused even with --force: it is another file, and a day with both stops the build.
  if (existing.txt) return { kind: 'exists', date, file: existing.txt, format: 'txt' };
  if (existing.json && !force) return { kind: 'exists', date, file: existing.json, format: 'json' };
  return undefined;
}

/** Turns invisible and bidi characters of untrusted text into visible names and keeps it on one line. */
export function oneLine(text: string, max = 200): string {
  const flat = text.replace(/[\r\n\t ]+/g, ' ').trim();
  const short = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return short.replace(new RegExp(`${CONTROL.source}|${BIDI_CONTROL.source}`, 'gu'), (c) => `<${codePointName(c)}>`);
}

/** A short, safe excerpt of an error response's body for the one-line message. */
export function bodyExcerpt(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, 4_096));
  try {
    const data = JSON.parse(text) as unknown;
    if (data !== null && typeof data === 'object' && typeof (data as { error?: unknown }).error === 'string') return oneLine((data as { error: string }).error);
  } catch {
    // Not JSON: show the start of the text.
  }
  return oneLine(text);
}

/**
 * Judges a finished download with the build's parser: a body to write, an
 * empty day, or a failure. `display` is the listing's path, for diagnostics.
 */
export function judgeDownload(date: string, display: string, download: Download): ValidBody | DayOutcome {
  const failed = (message: string, diagnostics: Diagnostic[] = []): DayOutcome => ({ kind: 'failed', date, message, diagnostics });
  switch (download.kind) {
    case 'network':
      return failed(`network error: ${oneLine(download.message)} (${download.url})`);
    case 'timeout':
      return failed(`no answer from ${download.url} within ${download.seconds} s (--timeout ${download.seconds})`);
    case 'too-large':
      return failed(`the response from ${download.url} is larger than ${download.limit} bytes; a day's list is far smaller`);
    case 'http': {
      // A retryable status that still failed says why the run gave up (attempts spent, or a wait too long).
      const why = isRetryable(download.status) ? ` (${download.why})` : '';
      const excerpt = download.excerpt ? `: ${download.excerpt}` : '';
      return failed(`HTTP ${download.status}${download.statusText ? ` ${oneLine(download.statusText, 60)}` : ''} from ${download.url}${why}${excerpt}`);
    }
    case 'body':
      break;
  }
  const decoded = decodeDailyPapers(display, download.bytes, date);
  if ('diagnostics' in decoded) return failed(`the response from ${download.url} is not valid JSON`, decoded.diagnostics);
  if (Array.isArray(decoded.data) && decoded.data.length === 0) return { kind: 'empty', date };
  const { listing, diagnostics } = readDailyPapers(display, date, decoded.data, decoded.text);
  if (!listing) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    return failed(`the response from ${download.url} is not a valid listing (${errors.length} problem${errors.length === 1 ? '' : 's'})`, errors);
  }
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  // readDailyPapers accepted it, so it is an array.
  const count = (decoded.data as unknown[]).length;
  if (count >= PAGE_LIMIT) {
    warnings.push({
      severity: 'warning',
      file: display,
      line: 0,
      message: `the API returned ${count} papers, as many as one request may ask for (${PAGE_LIMIT}); papers beyond them, if any, are not in the listing`,
      hint: 'nothing to do unless the day lists more papers on huggingface.co/papers; then add them by hand',
    });
  }
  return { kind: 'valid', bytes: download.bytes, papers: listing.entries.length, warnings };
}

/** Says in one line how a day ended. `kept` names the listing a failed --force left in place. */
export function describeOutcome(outcome: DayOutcome, kept?: string): string {
  const unchanged = kept ? `; ${kept} is unchanged` : '; nothing was written';
  switch (outcome.kind) {
    case 'written':
      return `${outcome.date}: ${outcome.replaced ? 'replaced' : 'wrote'} ${outcome.file} (${outcome.papers} paper${outcome.papers === 1 ? '' : 's'})`;
    case 'empty':
      return `${outcome.date}: no papers listed for ${outcome.date} yet${unchanged}`;
    case 'exists':
      return outcome.format === 'txt'
        ? `${outcome.date}: ${outcome.file} already lists this day; nothing was written (a day has one listing: delete the .txt to use the API's instead)`
        : `${outcome.date}: ${outcome.file} already exists; nothing was written (add --force to replace it with a fresh download that validates)`;
    case 'failed':
      return `${outcome.date}: ${outcome.message}${unchanged}`;
  }
}

/** The exit code of a run: a single day's own code; for a range, see the module comment. */
export function exitCode(outcomes: readonly DayOutcome[]): number {
  if (outcomes.some((o) => o.kind === 'failed')) return EXIT.failed;
  if (outcomes.some((o) => o.kind === 'written')) return EXIT.ok;
  if (outcomes.some((o) => o.kind === 'empty')) return EXIT.empty;
  return outcomes.length ? EXIT.exists : EXIT.ok;
}
