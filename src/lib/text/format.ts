/**
 * Small text formatters for pages and feeds. Dates are formatted in UTC so a
 * build gives the same bytes in every time zone.
 */

const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Formatted days: a site has a few hundred distinct days and formats them tens of thousands of times. */
const formattedDays = new Map<string, string>();

/** `2025-03-11` → `11 March 2025`. */
export function formatDay(isoDate: string): string {
  let text = formattedDays.get(isoDate);
  if (text === undefined) formattedDays.set(isoDate, (text = DAY_FORMAT.format(new Date(`${isoDate}T00:00:00Z`))));
  return text;
}

/** Cuts text to at most `max` characters at a word boundary, adding an ellipsis. */
export function excerpt(text: string, max = 240): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:]+$/, '')}…`;
}

const MONTH_FORMAT = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2025-03` → `March 2025`. */
export function formatMonth(month: string): string {
  return MONTH_FORMAT.format(new Date(`${month}-01T00:00:00Z`));
}

/** `2025-W11` → `Week 11 of 2025`. */
export function formatWeek(week: string): string {
  const [year, number] = week.split('-W');
  return `Week ${Number(number)} of ${year}`;
}

/** Two days as a range: `10 to 16 March 2025`, `28 February to 6 March 2025`, across years in full. */
export function formatDayRange(start: string, end: string): string {
  const [from, to] = [formatDay(start), formatDay(end)];
  if (start.slice(0, 7) === end.slice(0, 7)) return `${from.split(' ')[0]} to ${to}`;
  if (start.slice(0, 4) === end.slice(0, 4)) return `${from.split(' ').slice(0, 2).join(' ')} to ${to}`;
  return `${from} to ${to}`;
}
