/**
 * Which days a `npm run fetch` run asks for: today (UTC), one `--date`, or an
 * inclusive `--from`/`--to` range. Pure: the clock comes in as an argument.
 */
import { dateFromFileName } from '../listing/parse.ts';

/** Longest range one run accepts; a longer backfill is a typo more often than a wish. */
export const MAX_RANGE_DAYS = 366;

const DAY_MS = 86_400_000;

/** The UTC calendar day of `now`, `YYYY-MM-DD`. */
export function todayUtc(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Reads a `YYYY-MM-DD` that is a real calendar day, or undefined. */
export function parseDay(text: string): string | undefined {
  // The listing file-name rule is the calendar rule: reuse it.
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? dateFromFileName(`${text}.json`) : undefined;
}

/** Every day from `from` to `to`, both included, oldest first. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** The day options of the command line. */
export interface DayOptions {
  date?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Works out the days to fetch, or says in one line why the options do not name any. */
export function planDays(options: DayOptions, now: Date): { days: string[] } | { error: string } {
  const today = todayUtc(now);
  if (options.date !== undefined && (options.from !== undefined || options.to !== undefined)) {
    return { error: 'give either --date or --from and --to, not both' };
  }
  if ((options.from === undefined) !== (options.to === undefined)) {
    return { error: 'a range needs both --from and --to (both days are included), e.g. --from 2025-03-10 --to 2025-03-14' };
  }
  const named: [string, string | undefined][] = [['--date', options.date], ['--from', options.from], ['--to', options.to]];
  for (const [flag, value] of named) {
    if (value === undefined) continue;
    const day = parseDay(value);
    if (!day) return { error: `${flag} ${JSON.stringify(value)} is not a calendar day; write it as YYYY-MM-DD, e.g. 2025-03-14` };
    if (day > today) return { error: `${flag} ${day} is in the future (today is ${today} in UTC)` };
  }
  if (options.from !== undefined && options.to !== undefined) {
    if (options.from > options.to) return { error: `--from ${options.from} is after --to ${options.to}` };
    const days = daysBetween(options.from, options.to);
    if (days.length > MAX_RANGE_DAYS) return { error: `--from ${options.from} --to ${options.to} is ${days.length} days; fetch at most ${MAX_RANGE_DAYS} in one run` };
    return { days };
  }
  return { days: [options.date ?? today] };
}
