/**
 * The NCERRORPLUS texts Guichet sends with each NCERROR code in DirectLink replies and shows in the
 * error log (reference §3 "Common NCERROR codes", §11).
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
import type { DirectLinkRequestRefusal } from './request.ts';

/** The success text: NCERROR "0" goes with NCERRORPLUS "!" (reference §11, [AM fixtures]). */
export const SUCCESS_TEXT = '!';

/**
 * The platform's text for each NCERROR code Guichet answers (reference [ERR] table, verbatim; the
 * success text from [AM fixtures]). Keyed by code; every code of src/payments/ncerror.ts has one
 * (a test checks it).
 */
export const NCERRORPLUS_TEXTS: Readonly<Record<string, string>> = {
  [NCERROR.ok]: SUCCESS_TEXT,
  [NCERROR.acquirerUncertain]:
    'We have received an unknown status for the transaction. We shall contact your acquirer and update the transaction status within one working day. Please check the status later.',
  [NCERROR.refusedByInstitution]: 'Payment refused by the financial institution',
  [NCERROR.badLogin]: 'Some of the data entered is incorrect. Please retry.',
  [NCERROR.declined]: 'Authorisation declined',
  [NCERROR.invalidCardNumber]: 'Invalid card number',
  [NCERROR.expiredCard]: 'Card expired',
  [NCERROR.suspectedFraud]: 'Suspicion of fraud.',
  [NCERROR.lostCard]: 'Lost card',
  [NCERROR.stolenCard]: 'Stolen card. Pick up.',
  [NCERROR.insufficientFunds]: 'Insufficient funds',
  [NCERROR.badCvc]: 'Invalid security code',
  [NCERROR.overCardLimit]: 'Amount exceeds card limit',
  [NCERROR.notAllowedForProfile]: 'This action is not authorized for your profile.',
  [NCERROR.unknownCardType]: 'Unknown card type',
  [NCERROR.cardFormat]: 'Card number format check failed for given card number.',
  [NCERROR.expiryError]: 'Expiry date error',
  [NCERROR.amountNotNumeric]: 'Amount is not a number',
  [NCERROR.brandNotSupported]: 'Brand not supported for that merchant',
  [NCERROR.invalidCurrency]: 'Invalid currency code',
  [NCERROR.wrongCardLength]: 'Incorrect card length for the brand',
  [NCERROR.badCvcFormat]: 'Invalid CVC code format',
  [NCERROR.wrongDecimals]: 'Invalid number of decimals for the currency',
  [NCERROR.currencyNotAccepted]: 'Currency not accepted by the merchant',
  [NCERROR.dataValidation]: 'Data validation error',
  [NCERROR.orderAlreadyProcessed]: 'This order has already been processed.',
  [NCERROR.unknownIpOrigin]: 'Unknown IP address origin',
  [NCERROR.missingIpOrigin]: 'No IP address origin',
  [NCERROR.pspidNotFound]: 'PSPID not found or incorrect',
  [NCERROR.wrongPassword]: 'Password incorrect or disabled due to number of errors',
  [NCERROR.formatValidation]: 'Format validation error',
  [NCERROR.shaMismatch]: 'SHA Mismatch',
  [NCERROR.operationNotPermitted]: 'Operation not permitted for the merchant',
  [NCERROR.captureOverAuthorisation]: 'DCP amount greater than authorisation amount',
  [NCERROR.partialCaptureNotAllowed]: 'Partial capture not allowed',
  [NCERROR.alreadyCaptured]: "The payment's authorisation has already been captured and can't be captured again",
  [NCERROR.captureOverflow]: 'Overflow in data capture requests for the original order',
  [NCERROR.wrongStatus]: 'Incorrect original order status',
  [NCERROR.refundOverflow]: 'Overflow in refunds requests',
  [NCERROR.originalOrderError]: 'Original order access error',
  [NCERROR.noRefundsAllowed]: 'No Refunds allowed',
  [NCERROR.reauthorisationOverflow]: 'Overflow in redo-authorisation requests',
  [NCERROR.cvcMissing]: 'CVC missing at input, but CVC check requested',
  [NCERROR.aliasIsCardNumber]: 'The alias must be different to the card number.',
  [NCERROR.generic]: 'An error occurred.',
};

/** The text of the generic error 55555555 (reference [ERR]), used for a code without a text. */
export const GENERIC_TEXT = 'An error occurred.';

/** NCERRORPLUS for a code: the table's text, "!" for "0", the generic text for an unknown code. */
export function ncErrorPlusText(ncerror: string): string {
  return NCERRORPLUS_TEXTS[ncerror] ?? GENERIC_TEXT;
}

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
