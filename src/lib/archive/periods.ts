/**
 * Weeks and months of listing days, for the archives and the weekly feed.
 * Days are calendar days in UTC (`YYYY-MM-DD`); weeks are ISO 8601 weeks
 * (Monday to Sunday, `2025-W11`), so a week belongs to the year its
 * Thursday falls in.
 */

const DAY_MS = 86_400_000;

/** Midnight UTC of a day, in ms. */
function dayMs(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

/** The day `days` days after `iso`. */
export function addDays(iso: string, days: number): string {
  return new Date(dayMs(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The ISO week of a day: `2025-03-11` → `2025-W11`. */
export function isoWeek(iso: string): string {
  const ms = dayMs(iso);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(ms + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday and Sunday of an ISO week (`2025-W11` → 10 and 16 March 2025). */
export function weekRange(week: string): { start: string; end: string } {
  const [, yearText, weekText] = /^(\d{4})-W(\d{2})$/.exec(week) ?? [];
  const year = Number(yearText);
  // 4 January is always in week 1.
  const jan4 = Date.UTC(year, 0, 4);
  const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  const start = new Date(monday1 + (Number(weekText) - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
  return { start, end: addDays(start, 6) };
}

/** The month of a day: `2025-03-11` → `2025-03`. */
export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

/** The first and last day of a month (`2025-02` → 1 and 28 February 2025). */
export function monthRange(month: string): { start: string; end: string } {
  const [year, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year!, m!, 0)).getUTCDate();
  return { start: `${month}-01`, end: `${month}-${String(last).padStart(2, '0')}` };
}

/** A paper's place in a period: its best rank on the period's days, and on how many of them it was listed. */
export interface PeriodStanding {
  bestRank: number;
  daysListed: number;
  /** The first of the period's days it was listed on. */
  firstDay: string;
}

/** The period's standing of a paper listed on `listings`; undefined when it was not listed in the period. */
export function standingIn(listings: readonly { date: string; rank: number }[], start: string, end: string): PeriodStanding | undefined {
  let standing: PeriodStanding | undefined;
  for (const { date, rank } of listings) {
    if (date < start || date > end) continue;
    if (!standing) standing = { bestRank: rank, daysListed: 1, firstDay: date };
    else {
      standing.bestRank = Math.min(standing.bestRank, rank);
      standing.daysListed++;
      if (date < standing.firstDay) standing.firstDay = date;
    }
  }
  return standing;
}

/**
 * The archives' ranking rule, as the pages state it: best rank in the
 * period first, then more days listed, then listed earlier in the period,
 * then by slug (so ties always fall the same way).
 */
export function comparePeriodStanding(a: PeriodStanding & { slug: string }, b: PeriodStanding & { slug: string }): number {
  return a.bestRank - b.bestRank || b.daysListed - a.daysListed || a.firstDay.localeCompare(b.firstDay) || a.slug.localeCompare(b.slug);
}

/** The ranking rule in words, for the archive pages and the weekly feed. */
export const RANKING_RULE = 'Ranked by the best place a paper reached on any day of the period, then by how many days it was listed.';
