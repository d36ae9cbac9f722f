import { inspect } from 'node:util';

/**
 * A full card number (PAN) kept out of reach of logs and serialisation (PCI DSS v4.0.1 req. 3.3–3.4,
 * DESIGN.md Security baseline): JSON.stringify, String(), template literals and util.inspect (console.log,
 * the logger) all give the masked form; only `reveal()` gives the digits, for the acquirer, the alias's
 * encryption and its keyed fingerprint. Made by checkCardNumber (cards.ts) once the number passed its checks.
 */
export class CardNumber {
  readonly #digits: string;

  private constructor(digits: string) {
    this.#digits = digits;
  }

  /** @internal For cards.ts: `digits` must be digits only, already checked. */
  static fromCheckedDigits(digits: string): CardNumber {
    return new CardNumber(digits);
  }

  /** The full number, digits only. Never log it, store it in clear, or put it in a reply or an error. */
  reveal(): string {
    return this.#digits;
  }

  /** How many digits the number has. */
  get length(): number {
    return this.#digits.length;
  }

  /** The last four digits, as lists and the alias show them. */
  get last4(): string {
    return this.#digits.slice(-4);
  }

  /** The masked number (maskCardNumber), e.g. "411111XXXXXX1111". */
  masked(): string {
    return maskCardNumber(this.#digits);
  }

  toJSON(): string {
    return this.masked();
  }

  toString(): string {
    return this.masked();
  }

  [inspect.custom](): string {
    return `CardNumber(${this.masked()})`;
  }
}

/** Below this many digits nothing is shown: such an input is no card number and could be one's end. */
const MIN_DIGITS_SHOWN = 12;
/** The first six digits are shown only when at least five digits stay hidden (15 digits or more). */
const MIN_DIGITS_WITH_IIN = 15;
const MAX_MASK_LENGTH = 21;

/**
 * The number as the back office shows and stores it (reference §3 query reply CARDNO, issue 10 item 1):
 * at most the first 6 and the last 4 digits (PCI DSS 3.4.1), the others as "X" — "411111XXXXXX1111",
 * "374111XXXXX1111". Numbers of 12 to 14 digits show only the last 4 ("XXXXXXXXXX7913"), since 6 + 4 would
 * leave too few hidden digits for the Luhn digit not to give them away. Spaces and dashes are removed first;
 * fewer than 12 digits, or any other character, gives X only (at most 21, the CARDNO field's size).
 */
export function maskCardNumber(input: string): string {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits) || digits.length < MIN_DIGITS_SHOWN) return hidden(digits.length);
  const shownFirst = digits.length >= MIN_DIGITS_WITH_IIN ? 6 : 0;
  return digits.slice(0, shownFirst) + 'X'.repeat(digits.length - shownFirst - 4) + digits.slice(-4);
}

/**
 * The number as the payment page's feedback and e-mails give it (reference §2.3 CARDNO): every digit but the
 * last 4 as "X" — "XXXXXXXXXXXX1111". Same input rules as maskCardNumber.
 */
export function maskCardNumberForFeedback(input: string): string {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits) || digits.length < MIN_DIGITS_SHOWN) return hidden(digits.length);
  return 'X'.repeat(digits.length - 4) + digits.slice(-4);
}

function hidden(length: number): string {
  return 'X'.repeat(Math.min(Math.max(length, 1), MAX_MASK_LENGTH));
}
