/**
 * The NCERRORPLUS text of each NCERROR code Guichet answers, as DirectLink replies carry them and
 * the error log and the e-Terminal show them (reference §3 "Common NCERROR codes", §11).
 *
 * Sources, in order of preference: texts the platform itself sent, seen in client tests (reference
 * §3 and §11 [AM]); the platform's own error table (reference [ERR], code-index file 1947448059);
 * otherwise a short English text in the same style. Texts never hold a card number, a CVC or a password.
 */
import { NCERROR } from './ncerror.ts';

/** The success text: NCERROR "0" goes with NCERRORPLUS "!" (reference §11, [AM fixtures]). */
export const SUCCESS_TEXT = '!';

/**
 * The platform's text for each NCERROR code Guichet answers (reference [ERR] table, verbatim; the
 * success text from [AM fixtures]). Keyed by code; every code of src/payments/ncerror.ts has one
 * (a test checks it).
 */
export const NCERRORPLUS_TEXTS: Readonly<Record<string, string>> = {
  [NCERROR.ok]: SUCCESS_TEXT,
  [NCERROR.acquirerUnreachable]: 'Communication failure',
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
