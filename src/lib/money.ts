/**
 * Money as Guichet keeps it: an integer amount in the currency's minor units (cents for EUR,
 * yen for JPY, fils for KWD) with its ISO 4217 alphabetic code; never a float (DESIGN.md, Time
 * and money). Minor-unit digits are ISO 4217's (JPY 0, EUR 2, KWD 3).
 */

/** ISO 4217 minor-unit digits of the currencies the platform handles (reference §3, acquirer currencies). */
export const CURRENCY_DIGITS = {
  AED: 2,
  ARS: 2,
  AUD: 2,
  BGN: 2,
  BHD: 3,
  BRL: 2,
  CAD: 2,
  CHF: 2,
  CLP: 0,
  CNY: 2,
  COP: 2,
  CZK: 2,
  DKK: 2,
  EGP: 2,
  EUR: 2,
  GBP: 2,
  HKD: 2,
  HUF: 2,
  IDR: 2,
  ILS: 2,
  INR: 2,
  ISK: 0,
  JOD: 3,
  JPY: 0,
  KRW: 0,
  KWD: 3,
  MAD: 2,
  MXN: 2,
  MYR: 2,
  NOK: 2,
  NZD: 2,
  OMR: 3,
  PHP: 2,
  PLN: 2,
  QAR: 2,
  RON: 2,
  RUB: 2,
  SAR: 2,
  SEK: 2,
  SGD: 2,
  THB: 2,
  TND: 3,
  TRY: 2,
  TWD: 2,
  UAH: 2,
  USD: 2,
  VND: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  ZAR: 2,
} as const satisfies Record<string, 0 | 2 | 3>;
// biome-ignore format: the table reads best in rows

export type CurrencyCode = keyof typeof CURRENCY_DIGITS;
export const CURRENCIES = Object.keys(CURRENCY_DIGITS) as CurrencyCode[];

export function isCurrencyCode(value: string): value is CurrencyCode {
  return Object.hasOwn(CURRENCY_DIGITS, value);
}

/** Minor-unit digits of a currency (ISO 4217). */
export function currencyDigits(currency: CurrencyCode): 0 | 2 | 3 {
  return CURRENCY_DIGITS[currency];
}

/** The largest amount Guichet accepts in minor units: fits a Postgres bigint and a JS safe integer. */
export const MAX_AMOUNT_MINOR = Number.MAX_SAFE_INTEGER;

export type AmountProblem = 'format' | 'separator' | 'decimals' | 'tooLarge';

/**
 * Reads an amount typed as a decimal in the currency's digits ("1500", "15.00", "15,5") into an
 * integer of minor units. The decimal separator is `.` or `,`, at most once; no thousands
 * separators, no sign, no exponent. More decimals than the currency has is an error, never a
 * rounding. One separator followed by exactly three digits ("1,500", "1.500") reads as a
 * thousands separator in half of Europe: it is refused as a separator problem, except "1.500"
 * for a currency with three decimals (KWD, BHD), the form minorToDecimal writes. Returns the
 * amount, or the problem (each has its own message in the forms).
 */
export function parseAmount(text: string, currency: CurrencyCode): { minor: number } | { problem: AmountProblem } {
  const digits = currencyDigits(currency);
  const trimmed = text.trim();
  const match = /^(\d+)(?:([.,])(\d+))?$/.exec(trimmed);
  if (!match) return { problem: /^[\d.,\s'’]+$/.test(trimmed) && /\d/.test(trimmed) ? 'separator' : 'format' };
  const [, whole = '', separator, fraction = ''] = match;
  const looksLikeThousands = fraction.length === 3 && !(separator === '.' && digits === 3);
  if (looksLikeThousands) return { problem: 'separator' };
  if (fraction.length > digits) return { problem: 'decimals' };
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (minor > BigInt(MAX_AMOUNT_MINOR)) return { problem: 'tooLarge' };
  return { minor: Number(minor) };
}

/**
 * An amount as the platform writes it in its replies and feedback (reference §2.3, §3): the
 * decimal amount without trailing zeros ("15" for 15.00 EUR, "2.5" for 2.50, "1500" for ¥1,500).
 */
export function platformAmount(minor: number, currency: CurrencyCode): string {
  const decimal = minorToDecimal(minor, currency);
  return decimal.includes('.') ? decimal.replace(/\.?0+$/, '') : decimal;
}

/** An amount in minor units as a plain decimal in the currency's digits ("15.00", "1500" for JPY), for forms and files. */
export function minorToDecimal(minor: number, currency: CurrencyCode): string {
  const digits = currencyDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
