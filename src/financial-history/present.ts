import { DateTime } from 'luxon';
import { CHART_BOX } from '../../views/financial-history/chart-box.ts';
import type {
  HistoryChartView,
  HistoryDayView,
  HistoryLineView,
  HistoryTotalsView,
} from '../../views/financial-history/history-views.ts';
import type { Language } from '../db/schema/users.ts';
import type { Translate } from '../i18n/catalogue.ts';
import { localeOf } from '../i18n/catalogue.ts';
import { formatAmount, formatDateTime } from '../lib/format.ts';
import { isCurrencyCode } from '../lib/money.ts';
import { isoUtc } from '../lib/time.ts';
import { statusWords } from '../payments/status-words.ts';
import type { DayTotals, HistoryRow } from './queries.ts';
import { COUNTED_PAYMENT_STATUSES, COUNTED_REFUND_STATUSES, OPERATION_KINDS } from './queries.ts';

/** The reader: their zone (days and times) and language (words and numbers). */
export type Reader = { timeZone: string; language: Language };

const dayFormats = new Map<Language, Intl.DateTimeFormat>();

/** A date (YYYY-MM-DD) as the reader reads a day: "Sun 29/03/2026", "dim. 29/03/2026". */
export function dayLabel(date: string, language: Language): string {
  let format = dayFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(language), {
      timeZone: 'UTC',
      weekday: 'short',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    });
    dayFormats.set(language, format);
  }
  return format.format(new Date(`${date}T00:00:00Z`));
}

/** An amount in minor units, in the currency's digits; a currency Guichet does not know as a plain decimal with its code. */
export function amountText(minor: number, currency: string, language: Language): string {
  return isCurrencyCode(currency) ? formatAmount(minor, currency, language) : `${minor} ${currency}`;
}

/** The operation in words, with its code: "Sale (SAL)", "Partial refund (RFD)"; PAYIDSUB 0 is the order itself. */
export function operationWords(t: Translate, operation: string, payIdSub: number): string {
  const words = (() => {
    if (payIdSub === 0) {
      if (operation === 'RES') return t('history.op.RES');
      if (operation === 'SAL') return t('history.op.sale');
      if (operation === 'PAU') return t('history.op.PAU');
      if (operation === 'RFD') return t('history.op.credit');
    }
    switch (operation) {
      case 'SAL':
        return t('history.op.SAL');
      case 'SAS':
        return t('history.op.SAS');
      case 'DEL':
        return t('history.op.DEL');
      case 'DES':
        return t('history.op.DES');
      case 'RFD':
        return t('history.op.RFD');
      case 'RFS':
        return t('history.op.RFS');
      case 'REN':
        return t('history.op.REN');
      default:
        return undefined;
    }
  })();
  return words ? `${words} (${operation})` : operation;
}

/** Whether a line counts in the totals, and as what (queries.ts COUNTED_*_STATUSES). */
export function countedAs(row: Pick<HistoryRow, 'operation' | 'status'>): 'payment' | 'refund' | undefined {
  if ((OPERATION_KINDS.payments as readonly string[]).includes(row.operation)) {
    return (COUNTED_PAYMENT_STATUSES as readonly number[]).includes(row.status) ? 'payment' : undefined;
  }
  if ((OPERATION_KINDS.refunds as readonly string[]).includes(row.operation)) {
    return (COUNTED_REFUND_STATUSES as readonly number[]).includes(row.status) ? 'refund' : undefined;
  }
  return undefined;
}

function lineView(row: HistoryRow, t: Translate, reader: Reader): HistoryLineView {
  return {
    time: { text: formatDateTime(row.requestedAt, reader.timeZone, reader.language), iso: isoUtc(row.requestedAt) },
    payId: `${row.payId}/${row.payIdSub}`,
    orderId: row.orderId,
    operation: operationWords(t, row.operation, row.payIdSub),
    status: `${row.status} – ${statusWords(t, row.status)}`,
    brand: row.brand ?? '—',
    userid: row.userid ?? '—',
    amount: amountText(row.amount, row.currency, reader.language),
    counted: countedAs(row) !== undefined,
  };
}

/** One day's totals of a currency, as amounts in words. */
function totalsView(totals: DayTotals, reader: Reader) {
  const money = (minor: number) => amountText(minor, totals.currency, reader.language);
  return {
    currency: totals.currency,
    payments: money(totals.payments),
    refunds: money(totals.refunds),
    net: money(totals.payments - totals.refunds),
  };
}

/**
 * The lines of a page grouped by their day in the reader's zone, in order, each day with its
 * totals per currency over the whole day (not only the lines on this page). `dates` are the
 * range's days (rangeDays), which `totals[].day` indexes.
 */
export function dayGroups(
  rows: HistoryRow[],
  totals: DayTotals[],
  dates: readonly string[],
  t: Translate,
  reader: Reader,
): HistoryDayView[] {
  const groups: HistoryDayView[] = [];
  for (const row of rows) {
    const date = DateTime.fromJSDate(row.requestedAt, { zone: reader.timeZone }).toISODate() ?? '';
    let group = groups.at(-1);
    if (group?.date !== date) {
      const index = dates.indexOf(date);
      group = {
        date,
        label: dayLabel(date, reader.language),
        lines: [],
        totals: totals.filter((total) => total.day === index).map((total) => totalsView(total, reader)),
      };
      groups.push(group);
    }
    group.lines.push(lineView(row, t, reader));
  }
  return groups;
}

/**
 * The totals table: every day of the range that has operations, by currency, then the range's
 * total for each currency.
 */
export function totalsTable(totals: DayTotals[], dates: readonly string[], reader: Reader): HistoryTotalsView {
  const days = totals.map((total) => ({
    date: dates[total.day] ?? '',
    label: dayLabel(dates[total.day] ?? '', reader.language),
    ...totalsView(total, reader),
  }));
  const byCurrency = new Map<string, DayTotals>();
  for (const total of totals) {
    const sum = byCurrency.get(total.currency) ?? { day: -1, currency: total.currency, payments: 0, refunds: 0, lines: 0 };
    sum.payments += total.payments;
    sum.refunds += total.refunds;
    sum.lines += total.lines;
    byCurrency.set(total.currency, sum);
  }
  const range = [...byCurrency.values()]
    .sort((a, b) => a.currency.localeCompare(b.currency))
    .map((sum) => totalsView(sum, reader));
  return { days, range };
}

const CHART = CHART_BOX;

/**
 * One bar chart per currency of the daily net totals (payments − refunds) over every day of the
 * range, drawn to scale around a zero line: a day with no counted operation has no bar. Its
 * title and description say what it shows in words, for screen readers; the numbers are in the
 * totals table.
 */
export function netCharts(totals: DayTotals[], dates: readonly string[], t: Translate, reader: Reader): HistoryChartView[] {
  const currencies = [...new Set(totals.map((total) => total.currency))].sort();
  const plotWidth = CHART.width - CHART.left - CHART.right;
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  const slot = plotWidth / Math.max(dates.length, 1);
  return currencies.map((currency) => {
    const nets = totals
      .filter((total) => total.currency === currency)
      .map((total) => ({ day: total.day, net: total.payments - total.refunds }));
    const highest = Math.max(0, ...nets.map((n) => n.net));
    const lowest = Math.min(0, ...nets.map((n) => n.net));
    const span = highest - lowest || 1;
    const zeroY = CHART.top + (highest / span) * plotHeight;
    const bars = nets
      .filter((n) => n.net !== 0)
      .map((n) => {
        const height = (Math.abs(n.net) / span) * plotHeight;
        return {
          x: round(CHART.left + n.day * slot + slot * 0.15),
          y: round(n.net > 0 ? zeroY - height : zeroY),
          width: round(Math.max(slot * 0.7, 0.5)),
          height: round(Math.max(height, 0.5)),
          negative: n.net < 0,
        };
      });
    const money = (minor: number) => amountText(minor, currency, reader.language);
    const best = nets.reduce((a, b) => (b.net > a.net ? b : a), nets[0] ?? { day: 0, net: 0 });
    const worst = nets.reduce((a, b) => (b.net < a.net ? b : a), nets[0] ?? { day: 0, net: 0 });
    const first = dates[0] ?? '';
    const last = dates.at(-1) ?? '';
    return {
      currency,
      id: `history-chart-${currency.toLowerCase()}`,
      title: t('history.chart.title', { currency }),
      description: t('history.chart.description', {
        from: dayLabel(first, reader.language),
        to: dayLabel(last, reader.language),
        highest: money(best.net),
        highestDay: dayLabel(dates[best.day] ?? first, reader.language),
        lowest: money(worst.net),
        lowestDay: dayLabel(dates[worst.day] ?? first, reader.language),
      }),
      zeroY: round(zeroY),
      bars,
      top: highest > 0 ? money(highest) : undefined,
      bottom: lowest < 0 ? money(lowest) : undefined,
      firstDay: dayLabel(first, reader.language),
      lastDay: dayLabel(last, reader.language),
    };
  });
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
