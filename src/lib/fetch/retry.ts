/**
 * When to ask again: a bounded number of attempts, exponential backoff, and
 * the server's `Retry-After` (seconds or an HTTP date) when it gives one.
 * Only "too many requests" (429) and server errors (5xx) are worth another
 * attempt; any other answer will not change by asking again. Pure.
 */

/** How hard to try. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Wait before the second attempt; each later wait doubles. */
  baseDelayMs: number;
  /** Longest backoff wait. */
  maxDelayMs: number;
  /** Longest Retry-After honoured; a longer one ends the run ("try later"). */
  maxRetryAfterMs: number;
}

/** Four attempts, 1 s, 2 s, 4 s apart, or as long as the server asks up to 2 minutes. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 1_000, maxDelayMs: 30_000, maxRetryAfterMs: 120_000 };

/** True for the statuses another attempt may fix: 429 and 5xx. */
export function isRetryable(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/** Reads a Retry-After header as milliseconds from `now`, or undefined when it is absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1_000;
  // An HTTP date (IMF-fixdate, as RFC 9110 requires senders to use).
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** What to do after a failed attempt. */
export type RetryDecision = { retryInMs: number } | { giveUp: string };

/**
 * Decides whether to try again after attempt number `attempt` (1-based)
 * ended with HTTP `status`, and how long to wait first.
 */
export function nextAttempt(attempt: number, status: number, retryAfter: string | null | undefined, now: Date, policy: RetryPolicy = DEFAULT_RETRY): RetryDecision {
  if (!isRetryable(status)) return { giveUp: 'another attempt would get the same answer' };
  if (attempt >= policy.attempts) return { giveUp: `after ${policy.attempts} attempts` };
  const asked = parseRetryAfter(retryAfter, now);
  if (asked !== undefined) {
    if (asked > policy.maxRetryAfterMs) return { giveUp: `the server asks to wait ${Math.ceil(asked / 1_000)} s before asking again; try again later` };
    return { retryInMs: asked };
  }
  return { retryInMs: Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs) };
}
