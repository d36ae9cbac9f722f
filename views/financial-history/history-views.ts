/**
 * What the financial history's views show (props only: src/financial-history/present.ts makes
 * them). Amounts are already written in the currency's digits, times in the reader's zone.
 */

/** One operation of an order, as a line of the history. */
export type HistoryLineView = {
  time: { text: string; iso: string };
  /** "3000000001/1": PAYID and PAYIDSUB. */
  payId: string;
  orderId: string;
  operation: string;
  status: string;
  brand: string;
  userid: string;
  amount: string;
  /** Whether the line counts in the totals (a captured, pending or handled payment or refund). */
  counted: boolean;
};

/** One currency's totals of a day, or of the whole range. */
export type TotalsAmounts = { currency: string; payments: string; refunds: string; net: string };

/** A day of the page: its lines, and its totals per currency over the whole day. */
export type HistoryDayView = { date: string; label: string; lines: HistoryLineView[]; totals: TotalsAmounts[] };

/** The totals table: each day with operations, per currency; then the range's totals per currency. */
export type HistoryTotalsView = { days: (TotalsAmounts & { date: string; label: string })[]; range: TotalsAmounts[] };

/** One currency's chart of daily net totals, already laid out in SVG user units. */
export type HistoryChartView = {
  currency: string;
  /** The SVG's id; its title and description are `<id>-title` and `<id>-desc`. */
  id: string;
  title: string;
  description: string;
  zeroY: number;
  bars: { x: number; y: number; width: number; height: number; negative: boolean }[];
  /** The highest net (as a decimal) at the top of the scale, when above zero. */
  top?: string;
  /** The lowest net at the bottom of the scale, when below zero. */
  bottom?: string;
  firstDay: string;
  lastDay: string;
};
