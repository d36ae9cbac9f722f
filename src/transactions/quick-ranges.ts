import { DateTime } from 'luxon';

/** The quick ranges offered beside a date range: today, yesterday, last 7 days, this month, last month. */
export const QUICK_RANGES = ['today', 'yesterday', 'last7', 'thisMonth', 'lastMonth'] as const;
export type QuickRange = (typeof QUICK_RANGES)[number];

/**
 * The calendar days (YYYY-MM-DD, both included) of a quick range at `now` in the user's `zone`:
 * the range is counted in the zone's calendar, so "yesterday" on the morning after a
 * daylight-saving change is the 23- or 25-hour day before it; the search reads the days back
 * in the same zone (zonedDayRange). "Last 7 days" ends today; "this month" runs to today.
 */
export function quickRange(range: QuickRange, now: Date, zone: string): { from: string; to: string } {
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const day = (moment: DateTime) => moment.toISODate() ?? '';
  switch (range) {
    case 'today':
      return { from: day(today), to: day(today) };
    case 'yesterday':
      return { from: day(today.minus({ days: 1 })), to: day(today.minus({ days: 1 })) };
    case 'last7':
      return { from: day(today.minus({ days: 6 })), to: day(today) };
    case 'thisMonth':
      return { from: day(today.startOf('month')), to: day(today) };
    case 'lastMonth': {
      const previous = today.minus({ months: 1 });
      return { from: day(previous.startOf('month')), to: day(previous.endOf('month')) };
    }
  }
}
