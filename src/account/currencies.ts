import type { CurrencyCode } from '../lib/money.ts';
import { CURRENCIES } from '../lib/money.ts';

/**
 * C5: the currencies an account may accept (multi-currency option), and which of them the
 * acquirer accepts (guide 3.2.2 "Devise : ... lesquelles sont acceptées par votre acquéreur").
 *
 * Guichet has no real acquirer: the payment issues simulate one. Its accepted currencies are
 * ACQUIRER_CURRENCIES below, the one place that says so; the payment engine reads the same
 * constant when it simulates the acquirer's answer. An account may still tick a currency the
 * acquirer does not accept (the merchant may change acquirer); the account page marks it "not
 * accepted by the acquirer" (decision record 0022).
 */

/** Every currency the account page offers: those whose ISO 4217 minor-unit digits Guichet knows (src/lib/money.ts). */
export const ACCOUNT_CURRENCIES: readonly CurrencyCode[] = [...CURRENCIES].sort();

/**
 * The simulated acquirer's currencies: the euro area's and Europe's main trading currencies,
 * with the three other digit counts represented (JPY 0 decimals; KWD is left out on purpose, so
 * a three-decimal currency shows "not accepted by the acquirer").
 */
export const ACQUIRER_CURRENCIES: ReadonlySet<CurrencyCode> = new Set<CurrencyCode>([
  'AUD',
  'CAD',
  'CHF',
  'CZK',
  'DKK',
  'EUR',
  'GBP',
  'HUF',
  'JPY',
  'NOK',
  'PLN',
  'SEK',
  'USD',
]);

/** True when the simulated acquirer accepts payments in the currency. */
export function acquirerAccepts(currency: CurrencyCode): boolean {
  return ACQUIRER_CURRENCIES.has(currency);
}

/** The known currency codes of a stored list, in the page's order (a code this version does not know is dropped). */
export function knownCurrencies(codes: readonly string[]): CurrencyCode[] {
  return ACCOUNT_CURRENCIES.filter((code) => codes.includes(code));
}

/**
 * The currency a payment form starts with: EUR when the account accepts it (the platform's own
 * currency), else the first the account accepts in the list's order; undefined for none.
 */
export function defaultCurrency(codes: readonly string[]): CurrencyCode | undefined {
  const known = knownCurrencies(codes);
  return known.includes('EUR') ? 'EUR' : known[0];
}
