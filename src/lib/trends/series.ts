/**
 * Topic trends: how many papers of each topic were listed each week, over
 * the whole archive, and which topics are rising. Pure: the catalog's weeks
 * in, numbers out.
 */
import { addDays, isoWeek, weekRange } from '../archive/periods.ts';
import type { PeriodView } from '../catalog/catalog.ts';
import type { Topic } from '../topics/schema.ts';

/** One week of a series. */
export interface WeekCount {
  week: string;
  /** Papers of the topic listed that week. */
  count: number;
  /** Papers listed that week, all topics. */
  total: number;
  /** A later listing day exists: the week's numbers are final. */
  finished: boolean;
}

/** A topic's papers per week, and how much its share grew lately. */
export interface TopicTrend {
  topic: Topic;
  weeks: WeekCount[];
  /** Percentage points the topic's share of papers gained: the last RECENT_WEEKS weeks against the RECENT_WEEKS before. */
  growth: number;
}

/** Weeks compared by the rising rule. */
export const RECENT_WEEKS = 4;

/** The rising rule in words, for the page that orders topics by it. */
export const RISING_RULE = `Rising topics first: ordered by how many percentage points a topic's share of the listed papers gained in the last ${RECENT_WEEKS} weeks against the ${RECENT_WEEKS} weeks before (ties in the taxonomy's order).`;

/** Every ISO week from the first to the last listing week, oldest first: weeks without listings count as zero. */
export function weekSpan(weeks: readonly PeriodView[]): string[] {
  if (weeks.length === 0) return [];
  const first = weeks[weeks.length - 1]!.start;
  const last = weeks[0]!.start;
  const span: string[] = [];
  for (let monday = first; monday <= last; monday = addDays(monday, 7)) span.push(isoWeek(monday));
  return span;
}

/** A topic's share of the papers over some weeks, in percent (0 with no papers). */
function share(weeks: readonly WeekCount[]): number {
  const total = weeks.reduce((sum, w) => sum + w.total, 0);
  return total === 0 ? 0 : (100 * weeks.reduce((sum, w) => sum + w.count, 0)) / total;
}

/** The trend of every topic, rising first (RISING_RULE), over the weeks of the catalog (newest first, as it keeps them). */
export function topicTrends(topics: readonly Topic[], weeks: readonly PeriodView[]): TopicTrend[] {
  const byId = new Map(weeks.map((w) => [w.id, w]));
  const span = weekSpan(weeks);
  const trends = topics.map((topic, order) => {
    const series = span.map((week): WeekCount => {
      const view = byId.get(week);
      // A week with no listing day lies between two that have one: it is over.
      if (!view) return { week, count: 0, total: 0, finished: true };
      const count = view.entries.filter(({ paper }) => paper.topics.some((t) => t.topic.slug === topic.slug)).length;
      return { week, count, total: view.entries.length, finished: view.finished };
    });
    const recent = series.slice(-RECENT_WEEKS);
    const before = series.slice(-2 * RECENT_WEEKS, -RECENT_WEEKS);
    const growth = before.length === 0 ? 0 : Math.round((share(recent) - share(before)) * 10) / 10;
    return { topic, weeks: series, growth, order };
  });
  return trends.sort((a, b) => b.growth - a.growth || a.order - b.order).map(({ order: _, ...trend }) => trend);
}

/** The first day of a week, for labels. */
export function weekStart(week: string): string {
  return weekRange(week).start;
}

/** A series in words: the text alternative of its chart. */
export function describeTrend(trend: TopicTrend, formatWeek: (week: string) => string): string {
  const { weeks, topic } = trend;
  if (weeks.length === 0) return `No papers on ${topic.name} yet.`;
  const total = weeks.reduce((sum, w) => sum + w.count, 0);
  const peak = weeks.reduce((best, w) => (w.count > best.count ? w : best), weeks[0]!);
  const last = weeks[weeks.length - 1]!;
  const span = weeks.length === 1 ? formatWeek(weeks[0]!.week) : `${formatWeek(weeks[0]!.week)} to ${formatWeek(last.week)}`;
  return `Papers on ${topic.name} listed each week, ${span}: ${total} in all; most in ${formatWeek(peak.week)} (${peak.count}); ${last.count} in the latest week${last.finished ? '' : ' so far'}.`;
}
