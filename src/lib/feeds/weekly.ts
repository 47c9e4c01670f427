/**
 * The weekly digest feed (`/weekly.xml`): one item per finished week, with
 * its top papers as links. A week is finished once a later listing day
 * exists (the data decides, never the build clock); an item's guid is the
 * week's page and its date the moment the week ended, so neither changes
 * once published.
 */
import { addDays, RANKING_RULE } from '../archive/periods.ts';
import type { PeriodView } from '../catalog/catalog.ts';
import { routes } from '../site/routes.ts';
import { formatDayRange, formatWeek } from '../text/format.ts';
import { escapeHtml } from './escape.ts';
import { dayStart, type FeedEntry } from './items.ts';

/** Papers named in a week's item. */
export const DIGEST_PAPERS = 10;

/** Weeks the feed holds, newest first: a year of them. */
export const DIGEST_WEEKS = 52;

/** The item of a finished week. */
function weekEntry(week: PeriodView, absolute: (path: string) => string): FeedEntry {
  const page = absolute(routes.week(week.id));
  const range = formatDayRange(week.start, week.end);
  const top = week.entries.slice(0, DIGEST_PAPERS);
  const count = `${week.entries.length} ${week.entries.length === 1 ? 'paper' : 'papers'} listed on ${week.days.length} ${week.days.length === 1 ? 'day' : 'days'}`;
  const summary = `The ${top.length} most trending of the ${count}, ${range}. ${RANKING_RULE}`;
  const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
  return {
    id: page,
    link: page,
    title: `${formatWeek(week.id)}: ${range}`,
    abstract: `${summary} ${top.map(({ paper }, i) => `${i + 1}. ${paper.data.title}`).join(' ')}`,
    // Listing text is escaped here for HTML readers; the RSS renderer escapes the whole for XML.
    contentHtml: [
      `<p>${escapeHtml(summary)}</p>`,
      '<ol>',
      ...top.map(({ paper, standing }) => `<li><a href="${escapeHtml(absolute(routes.paper(paper.slug)))}">${escapeHtml(paper.data.title)}</a> (best place ${standing.bestRank}, listed ${days(standing.daysListed)})</li>`),
      '</ol>',
      `<p><a href="${escapeHtml(page)}">All ${week.entries.length} papers of ${escapeHtml(formatWeek(week.id))}</a></p>`,
    ].join(''),
    // The week ended when its Sunday did: midnight UTC of the Monday after.
    date: dayStart(addDays(week.end, 1)),
    categories: [],
    authors: [],
  };
}

/** The digest items of the finished weeks among `weeks` (newest first), at most DIGEST_WEEKS. */
export function weeklyEntries(weeks: readonly PeriodView[], absolute: (path: string) => string): FeedEntry[] {
  return weeks.filter((week) => week.finished).slice(0, DIGEST_WEEKS).map((week) => weekEntry(week, absolute));
}
