/**
 * The date line of a text listing (`Mar 11`, `March 11`, `Mar 11, 2025`):
 * the one place that knows how the scraped page writes a day.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date line: a month name or its abbreviation, a day, maybe a year. */
const DATE_LINE = new RegExp(`^(${MONTHS.join('|')})[a-z]*\\.?\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?$`, 'i');

/** Whether a (trimmed) line reads as a date line. */
export function isDateLine(line: string): boolean {
  return DATE_LINE.test(line);
}

/** The month (1-12), day and year (when written) of a date line; undefined when it is not one. */
export function parseDateLine(line: string): { month: number; day: number; year?: number } | undefined {
  const match = DATE_LINE.exec(line);
  if (!match) return undefined;
  const [, monthName = '', dayText = '', yearText] = match;
  const month = MONTHS.findIndex((m) => m.toLowerCase() === monthName.toLowerCase().slice(0, 3)) + 1;
  return { month, day: Number(dayText), ...(yearText !== undefined ? { year: Number(yearText) } : {}) };
}

/** The date line the page writes for an ISO day: `2025-03-11` → `Mar 11`. */
export function formatDateLine(isoDate: string): string {
  const [, month, day] = isoDate.split('-').map(Number);
  return `${MONTHS[month! - 1]} ${day}`;
}
