/**
 * The NCERRORPLUS texts of DirectLink's own refusals (missing fields, addresses, signatures,
 * aliases, unread bodies); each code's own text is the payment engine's (src/payments/ncerror-texts.ts).
 *
 * Sources, in order of preference:
 * 1. texts the platform itself sent, seen in client tests (reference §3 and §11 [AM]):
 *    " no orderid", " no card no|no exp date|no brand" (a leading space, then `|`-separated items),
 *    "unknown order/1/i/<ip>" (NCERROR 50001116), "Overflow in refunds requests" (50001129);
 *    "unknown order/1/s" for a refused SHA signature (a Perl client, Business::OnlinePayment::Ogone,
 *    reads that prefix as "Ogone refused SHA digest");
 * 2. the platform's own error table (reference [ERR], code-index file 1947448059), one text per code;
 * 3. otherwise a short English text in the same style (marked "ours" below).
 * Texts never hold a card number, a CVC or a password.
 */
import { NCERROR, type NcError } from '../payments/ncerror.ts';
import { ncErrorPlusText } from '../payments/ncerror-texts.ts';
import type { DirectLinkRequestRefusal } from './request.ts';

/**
 * How the platform names a missing field in a NCERRORPLUS list (reference §3 and §11 [AM]:
 * "no orderid", "no card no", "no exp date", "no brand"; the others are ours, same style).
 */
export const MISSING_FIELD_TEXTS: Readonly<Record<string, string>> = {
  ORDERID: 'no orderid',
  CARDNO: 'no card no',
  ED: 'no exp date',
  BRAND: 'no brand',
  AMOUNT: 'no amount',
  CURRENCY: 'no currency',
  CVC: 'no cvc',
  PSPID: 'no pspid',
  USERID: 'no userid',
  PSWD: 'no pswd',
  PAYID: 'no payid',
  OPERATION: 'no operation',
  SHASIGN: 'no shasign',
  ALIAS: 'no alias',
};

/**
 * NCERRORPLUS for missing fields, as the platform writes it: a leading space, then one "no …" item
 * per field joined by `|` (reference §3: " no card no|no exp date|no brand"; " no orderid").
 * `fields` are parameter names in any case; a name without a known text reads "no <name>" in lower
 * case. Goes with NCERROR 50001111 (data validation). An empty list gives the table's text.
 */
export function missingFieldsText(fields: readonly string[]): string {
  if (fields.length === 0) return ncErrorPlusText(NCERROR.dataValidation);
  const items = fields.map((field) => MISSING_FIELD_TEXTS[field.toUpperCase()] ?? `no ${field.toLowerCase()}`);
  return ` ${items.join('|')}`;
}

/** NCERRORPLUS for a caller whose IP is not in the account's list: "unknown order/1/i/<ip>", with NCERROR 50001116 (reference §3, §11 [AM]). */
export function unknownIpText(ip: string): string {
  return `unknown order/1/i/${ip}`;
}

/**
 * NCERRORPLUS for a SHA-IN signature that does not match, with NCERROR 50001184: "unknown order/1/s",
 * the text a client library checks for a refused signature (Business::OnlinePayment::Ogone).
 */
export const SHA_MISMATCH_TEXT = 'unknown order/1/s';

/** NCERRORPLUS for a stored card reference that does not exist, with NCERROR 50001111 (reference §3: "Alias … not Found"). */
export function aliasNotFoundText(alias: string): string {
  return `Alias "${alias}" not Found`;
}

/** NCERRORPLUS for a back-office (non-API) user on DirectLink, with NCERROR 50001111 (reference §3, [DL §7]). */
export const API_NOT_ALLOWED_TEXT = 'Connection to API feature not allowed for this user';

/**
 * NCERRORPLUS for a card number from which no brand can be told (reference §11: 1111111111111111;
 * a client shows it as "No brand or invalid card number"), with NCERROR 50001001 (unknown card
 * type). The exact raw text is UNCONFIRMED.
 */
export const NO_BRAND_TEXT = 'no brand or invalid card number';

/**
 * The NCERROR and NCERRORPLUS for a body readDirectLinkRequest refused: all 50001125 (format
 * validation error, reference §3) with a text saying what to fix (ours); names a parameter, never
 * its value.
 */
export function requestRefusalError(refusal: DirectLinkRequestRefusal): { ncerror: NcError; ncerrorplus: string } {
  const prefix = ncErrorPlusText(NCERROR.formatValidation);
  switch (refusal.problem) {
    case 'contentType':
      return {
        ncerror: NCERROR.formatValidation,
        ncerrorplus: `${prefix}: send the request as application/x-www-form-urlencoded`,
      };
    case 'tooLarge':
      return { ncerror: NCERROR.formatValidation, ncerrorplus: `${prefix}: the request is over ${refusal.limitBytes} bytes` };
    case 'encoding':
      return { ncerror: NCERROR.formatValidation, ncerrorplus: `${prefix}: ${refusal.parameter} is not valid UTF-8` };
    case 'repeated':
      return { ncerror: NCERROR.formatValidation, ncerrorplus: `${prefix}: ${refusal.parameter} is sent more than once` };
    case 'nul':
      return { ncerror: NCERROR.formatValidation, ncerrorplus: `${prefix}: ${refusal.parameter} contains a NUL character` };
  }
}
