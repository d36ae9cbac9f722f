import { NCERROR } from '../payments/ncerror.ts';
import { type CardProblem, cardProblem } from './problem.ts';

/**
 * A card's expiry date (the ED parameter, reference §3): `month` 1–12, `year` with four digits (20YY),
 * `ed` the normalised "MMYY" form the platform stores and returns.
 */
export type Expiry = { readonly month: number; readonly year: number; readonly ed: string };

/** The result of checkExpiry: the expiry, or the ED problem (NCERROR 50001111 missing, 50001005 otherwise). */
export type ExpiryCheck = { readonly ok: true; readonly expiry: Expiry } | CardProblem;

/**
 * Reads ED as the platform accepts it, "MMYY" or "MM/YY" (reference §3), surrounding spaces ignored; the
 * two-digit year is 2000 + YY. Returns undefined for anything else, and for a month outside 01–12.
 */
export function parseExpiry(input: string): Expiry | undefined {
  const match = /^(\d{2})\/?(\d{2})$/.exec(input.trim());
  if (!match) return undefined;
  const month = Number(match[1]);
  const year = 2000 + Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  return { month, year, ed: `${match[1]}${match[2]}` };
}

/**
 * Whether the card has expired at `now`: a card is valid up to the last moment of its month, in UTC, so it
 * expires when that month has passed (a card "12/26" works on 31 December 2026 23:59:59 UTC, not on
 * 1 January 2027 00:00 UTC).
 */
export function isExpired(expiry: Expiry, now: Date): boolean {
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
  return expiry.year * 12 + (expiry.month - 1) < current;
}

/**
 * Checks ED: missing → 50001111 "no exp date"; not "MMYY"/"MM/YY" or month not 01–12 → 50001005;
 * a month that has passed at `now` (UTC) → 50001005. The platform refuses these itself (STATUS 0), before
 * the acquirer; decision record 0025.
 */
export function checkExpiry(input: string | undefined, now: Date): ExpiryCheck {
  if (input === undefined || input.trim() === '') {
    return cardProblem('ED', 'missing', NCERROR.dataValidation, 'no exp date');
  }
  const expiry = parseExpiry(input);
  if (!expiry) return cardProblem('ED', 'format', NCERROR.expiryError, 'Expiry date error');
  if (isExpired(expiry, now)) return cardProblem('ED', 'expired', NCERROR.expiryError, 'Expiry date error: the card has expired');
  return { ok: true, expiry };
}
