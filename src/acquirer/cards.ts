import { NCERROR } from '../payments/ncerror.ts';
import { type Brand, brandOf, isBrandLength, passesLuhn } from './brands.ts';
import { CardNumber } from './card-number.ts';
import { type Cvc, checkCvc } from './cvc.ts';
import { checkExpiry, type Expiry } from './expiry.ts';
import { type CardProblem, cardProblem } from './problem.ts';

/**
 * The platform's own checks of the card data of a new order (issue 10 item 3, PRODUCT.md S3), before
 * any acquirer is asked: card number, expiry date, CVC. Each refusal carries its NCERROR and STATUS 0
 * (reference §1.1, §3); decision record 0025 gives the order of the checks and the codes chosen.
 * Results never contain the card number or the CVC in clear (CardNumber and Cvc serialise masked).
 */

export type { Brand } from './brands.ts';
export { BRAND_LENGTHS, BRANDS, brandOf, CVC_LENGTH, isBrandLength, passesLuhn } from './brands.ts';
export { CardNumber, maskCardNumber, maskCardNumberForFeedback } from './card-number.ts';
export { Cvc, type CvcCheck, checkCvc } from './cvc.ts';
export { checkExpiry, type Expiry, type ExpiryCheck, isExpired, parseExpiry } from './expiry.ts';
export type { CardField, CardProblem, CardProblemKind } from './problem.ts';

/** The result of checkCardNumber: the number with its brand and masked form, or the CARDNO problem. */
export type CardNumberCheck =
  | { readonly ok: true; readonly number: CardNumber; readonly brand: Brand; readonly masked: string }
  | CardProblem;

/**
 * Checks CARDNO, in this order (the first failure answers):
 * 1. spaces and dashes removed; nothing left → 50001111 "no card no";
 * 2. any other character than a digit → 50001002 (card format check failed);
 * 3. no brand issues numbers with this prefix → 50001001 "No brand or invalid card number" (reference §11:
 *    1111111111111111);
 * 4. a length the brand does not issue → 50001036 (wrong card length);
 * 5. the Luhn check digit is wrong → 50001002.
 */
export function checkCardNumber(input: string | undefined): CardNumberCheck {
  const digits = (input ?? '').replace(/[\s-]/g, '');
  if (digits === '') return cardProblem('CARDNO', 'missing', NCERROR.dataValidation, 'no card no');
  if (!/^\d+$/.test(digits)) return cardProblem('CARDNO', 'format', NCERROR.cardFormat, 'Card number format check failed');
  const brand = brandOf(digits);
  if (!brand) return cardProblem('CARDNO', 'brand', NCERROR.unknownCardType, 'No brand or invalid card number');
  if (!isBrandLength(brand, digits.length)) {
    return cardProblem('CARDNO', 'length', NCERROR.wrongCardLength, 'Wrong card number length');
  }
  if (!passesLuhn(digits)) return cardProblem('CARDNO', 'luhn', NCERROR.cardFormat, 'Card number check digit is wrong');
  const number = CardNumber.fromCheckedDigits(digits);
  return { ok: true, number, brand, masked: number.masked() };
}

/** The card data of a new order, as typed (DirectLink CARDNO, ED, CVC; the e-Terminal's fields). */
export type CardInput = {
  readonly cardNumber: string | undefined;
  readonly expiryDate: string | undefined;
  readonly cvc?: string | undefined;
};

/** Card data that passed every check: what the acquirer and the order need (masked: first 6 / last 4 at most). */
export type CheckedCard = {
  readonly number: CardNumber;
  readonly brand: Brand;
  readonly masked: string;
  readonly expiry: Expiry;
  readonly cvc: Cvc | undefined;
};

/** The result of checkCard: the card, or every problem found, in field order CARDNO, ED, CVC. */
export type CardCheck =
  | { readonly ok: true; readonly card: CheckedCard }
  | { readonly ok: false; readonly problems: readonly CardProblem[] };

/**
 * Checks the three card fields of a new order at `now` (UTC): checkCardNumber, checkExpiry, and checkCvc
 * against the brand found (3 or 4 digits when the number was refused). Every field is checked, so a form can
 * show each message beside its field; a DirectLink reply answers with the first problem's NCERROR.
 */
export function checkCard(input: CardInput, options: { readonly now: Date; readonly cvcRequired: boolean }): CardCheck {
  const number = checkCardNumber(input.cardNumber);
  const expiry = checkExpiry(input.expiryDate, options.now);
  const cvc = checkCvc(input.cvc, number.ok ? number.brand : undefined, { required: options.cvcRequired });
  if (number.ok && expiry.ok && cvc.ok) {
    return {
      ok: true,
      card: { number: number.number, brand: number.brand, masked: number.masked, expiry: expiry.expiry, cvc: cvc.cvc },
    };
  }
  const problems = [number, expiry, cvc].filter((check): check is CardProblem => !check.ok);
  return { ok: false, problems };
}
