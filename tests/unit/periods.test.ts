/** Weeks and months of listing days (src/lib/archive/periods.ts): ISO weeks, ranges, and the archives' ranking rule. */
import { describe, expect, test } from 'vitest';
import { addDays, comparePeriodStanding, isoWeek, monthRange, standingIn, weekRange } from '../../src/lib/archive/periods.ts';

describe('isoWeek and weekRange', () => {
  test('name the ISO week of a day, Monday to Sunday', () => {
    expect(isoWeek('2025-03-10')).toBe('2025-W11');
    expect(isoWeek('2025-03-16')).toBe('2025-W11');
    expect(isoWeek('2025-03-17')).toBe('2025-W12');
    expect(weekRange('2025-W11')).toEqual({ start: '2025-03-10', end: '2025-03-16' });
  });

  test('put the days around New Year in the week of their Thursday', () => {
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
    expect(weekRange('2020-W53')).toEqual({ start: '2020-12-28', end: '2021-01-03' });
  });

  test('agree with each other on every day of several years', () => {
    for (let day = '2019-12-01'; day < '2027-02-01'; day = addDays(day, 1)) {
      const { start, end } = weekRange(isoWeek(day));
      expect(start <= day && day <= end, day).toBe(true);
      expect(new Date(`${start}T00:00:00Z`).getUTCDay(), start).toBe(1);
    }
  });
});

describe('monthRange', () => {
  test('knows the length of every month, leap years included', () => {
    expect(monthRange('2025-02')).toEqual({ start: '2025-02-01', end: '2025-02-28' });
    expect(monthRange('2024-02').end).toBe('2024-02-29');
    expect(monthRange('2025-12').end).toBe('2025-12-31');
  });
});

describe('the archives ranking', () => {
  const listings = [{ date: '2025-03-09', rank: 1 }, { date: '2025-03-11', rank: 7 }, { date: '2025-03-12', rank: 3 }];

  test('takes a paper\'s best rank and days listed within the period only', () => {
    expect(standingIn(listings, '2025-03-10', '2025-03-16')).toEqual({ bestRank: 3, daysListed: 2, firstDay: '2025-03-11' });
    expect(standingIn(listings, '2025-03-17', '2025-03-23')).toBeUndefined();
  });

  test('orders by best rank, then more days listed, then earlier in the period, then slug', () => {
    const papers = [
      { slug: 'c', bestRank: 2, daysListed: 1, firstDay: '2025-03-10' },
      { slug: 'b', bestRank: 1, daysListed: 1, firstDay: '2025-03-12' },
      { slug: 'a', bestRank: 1, daysListed: 3, firstDay: '2025-03-12' },
      { slug: 'e', bestRank: 1, daysListed: 1, firstDay: '2025-03-11' },
      { slug: 'd', bestRank: 1, daysListed: 1, firstDay: '2025-03-11' },
    ];
    expect(papers.sort(comparePeriodStanding).map((p) => p.slug)).toEqual(['a', 'd', 'e', 'b', 'c']);
  });
});
