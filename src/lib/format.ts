import type { Language } from '../db/schema/users.ts';
import { localeOf } from '../i18n/catalogue.ts';
import type { CurrencyCode } from './money.ts';
import { currencyDigits, minorToDecimal } from './money.ts';

/**
 * Numbers, amounts and moments written for a reader, through Intl in their language. Formatters
 * are made once per (language, currency or zone) and reused: a new Intl formatter costs far more
 * than a format call (DESIGN.md, Performance).
 */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

/** A count or a plain number: "10,000" in English, "10 000" in French. */
export function formatNumber(value: number, language: Language): string {
  return cached(`n:${language}`, () => new Intl.NumberFormat(localeOf(language))).format(value);
}

/** An amount in minor units with its currency, in the currency's digits: "€1,500.00", "1 500,00 €", "¥1,500". */
export function formatAmount(minor: number, currency: CurrencyCode, language: Language): string {
  const digits = currencyDigits(currency);
  const formatter = cached(
    `a:${language}:${currency}`,
    () =>
      new Intl.NumberFormat(localeOf(language), {
        style: 'currency',
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }),
  );
  return formatter.format(minorToDecimal(minor, currency) as `${number}`);
}

/**
 * A moment as the user reads it: their zone, their language, day/month/year, 24-hour clock and
 * the zone's short name ("01/07/2026 14:00 CEST").
 */
export function formatDateTime(moment: Date, zone: string, language: Language): string {
  const formatter = cached(
    `d:${language}:${zone}`,
    () =>
      new Intl.DateTimeFormat(localeOf(language), {
        timeZone: zone,
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZoneName: 'short',
      }),
  ) as Intl.DateTimeFormat;
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of formatter.formatToParts(moment)) part[type] = value;
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute} ${part.timeZoneName}`;
}
