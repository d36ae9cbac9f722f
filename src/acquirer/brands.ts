/**
 * Card brands told from the card number: the issuer identification number (IIN, the number's first
 * digits) and the lengths each brand issues, and the Luhn check digit (ISO/IEC 7812-1, annex B).
 * Brand names are spelled as the platform's BRAND parameter spells them (reference §2.3, §3, §11).
 * Decision record 0025 lists the sources of each range and why Bancontact is not detected.
 */

/** The brands Guichet recognises from a card number, as the platform's BRAND spells them. */
export const BRANDS = ['VISA', 'MasterCard', 'American Express', 'Maestro', 'JCB', 'Diners Club'] as const;

/** One of BRANDS. */
export type Brand = (typeof BRANDS)[number];

/**
 * IIN ranges: every number whose first `from.length` digits lie between `from` and `to` (inclusive, as
 * numbers of the same length) belongs to `brand`. When several ranges match, the longest prefix wins.
 */
type IinRange = { readonly brand: Brand; readonly from: string; readonly to: string };

const IIN_RANGES: readonly IinRange[] = [
  { brand: 'VISA', from: '4', to: '4' },
  { brand: 'MasterCard', from: '51', to: '55' },
  { brand: 'MasterCard', from: '2221', to: '2720' },
  { brand: 'American Express', from: '34', to: '34' },
  { brand: 'American Express', from: '37', to: '37' },
  { brand: 'Diners Club', from: '300', to: '305' },
  { brand: 'Diners Club', from: '3095', to: '3095' },
  { brand: 'Diners Club', from: '36', to: '36' },
  { brand: 'Diners Club', from: '38', to: '39' },
  { brand: 'JCB', from: '3528', to: '3589' },
  ...['5018', '5020', '5038', '5893', '6304', '6759', '6761', '6762', '6763', '676770', '676774'].map(
    (prefix): IinRange => ({ brand: 'Maestro', from: prefix, to: prefix }),
  ),
];

/** The numbers of digits each brand issues (a number of another length is refused with NCERROR 50001036). */
export const BRAND_LENGTHS: Readonly<Record<Brand, readonly number[]>> = {
  VISA: [13, 16, 19],
  MasterCard: [16],
  'American Express': [15],
  Maestro: [12, 13, 14, 15, 16, 17, 18, 19],
  JCB: [16, 17, 18, 19],
  'Diners Club': [14, 15, 16, 17, 18, 19],
};

/** The number of digits of each brand's card verification code (American Express: 4, CID; others: 3). */
export const CVC_LENGTH: Readonly<Record<Brand, number>> = {
  VISA: 3,
  MasterCard: 3,
  'American Express': 4,
  Maestro: 3,
  JCB: 3,
  'Diners Club': 3,
};

/**
 * The brand of a card number from its IIN (the longest matching range of IIN_RANGES), or undefined when
 * no brand issues numbers starting so. `digits` is the number as digits only; its length is not checked.
 */
export function brandOf(digits: string): Brand | undefined {
  let found: IinRange | undefined;
  for (const range of IIN_RANGES) {
    const size = range.from.length;
    if (digits.length < size) continue;
    const prefix = Number(digits.slice(0, size));
    if (prefix < Number(range.from) || prefix > Number(range.to)) continue;
    if (!found || size > found.from.length) found = range;
  }
  return found?.brand;
}

/** Whether `brand` issues card numbers of `length` digits (BRAND_LENGTHS). */
export function isBrandLength(brand: Brand, length: number): boolean {
  return BRAND_LENGTHS[brand].includes(length);
}

/**
 * The Luhn check (ISO/IEC 7812-1 annex B): from the rightmost digit, every second digit is doubled (9 taken
 * off results over 9) and the sum of all digits must end in 0. `digits` must be digits only; an empty
 * string fails.
 */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
