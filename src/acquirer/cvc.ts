import { inspect } from 'node:util';
import { NCERROR } from '../payments/ncerror.ts';
import { type Brand, CVC_LENGTH } from './brands.ts';
import { type CardProblem, cardProblem } from './problem.ts';

/**
 * A card verification code kept out of reach of logs and serialisation, as CardNumber is: JSON, String()
 * and util.inspect give "XXX"; only `reveal()` gives the digits, for the acquirer. Never stored
 * (PCI DSS v4.0.1 req. 3.3.1.2), not even encrypted.
 */
export class Cvc {
  readonly #digits: string;

  private constructor(digits: string) {
    this.#digits = digits;
  }

  /** @internal For checkCvc: `digits` already checked. */
  static fromCheckedDigits(digits: string): Cvc {
    return new Cvc(digits);
  }

  /** The code's digits. Never log, store or echo them. */
  reveal(): string {
    return this.#digits;
  }

  toJSON(): string {
    return 'XXX';
  }

  toString(): string {
    return 'XXX';
  }

  [inspect.custom](): string {
    return 'Cvc(XXX)';
  }
}

/** The result of checkCvc: the code (undefined when optional and not given), or the CVC problem. */
export type CvcCheck = { readonly ok: true; readonly cvc: Cvc | undefined } | CardProblem;

/**
 * Checks CVC (reference §3): surrounding spaces ignored; empty → 50001090 "CVC required but missing" when
 * `required`, otherwise accepted as absent (an alias charge, an e-Terminal voucher); not exactly the brand's
 * number of digits (3, or 4 for American Express; CVC_LENGTH) → 50001066 "Bad CVC format". With no brand
 * known (the card number was refused), 3 or 4 digits pass this check.
 */
export function checkCvc(input: string | undefined, brand: Brand | undefined, options: { required: boolean }): CvcCheck {
  const value = input?.trim() ?? '';
  if (value === '') {
    return options.required
      ? cardProblem('CVC', 'missing', NCERROR.cvcMissing, 'CVC required but missing')
      : { ok: true, cvc: undefined };
  }
  const lengths = brand ? [CVC_LENGTH[brand]] : [3, 4];
  if (!/^\d+$/.test(value) || !lengths.includes(value.length)) {
    return cardProblem('CVC', 'format', NCERROR.badCvcFormat, 'Bad CVC format');
  }
  return { ok: true, cvc: Cvc.fromCheckedDigits(value) };
}
