/**
 * The platform's error codes (NCERROR) and the texts sent with them (NCERRORPLUS), as
 * DirectLink replies carry them and the error log shows them (reference §3 "Common NCERROR
 * codes", §1.3 "Maintenance errors", §11). The first digit is the family, and NCSTATUS: 0 OK,
 * 1 communication, 2 uncertain (resolved later), 3 refused by the acquirer or the fraud checks,
 * 4 temporary or technical, 5 validation or configuration. A success is NCERROR "0" with
 * NCERRORPLUS "!" (reference §11).
 */
export const NCERROR = {
  ok: '0',
  // 1: the acquirer could not be reached (nothing was authorised).
  acquirerUnreachable: '10001001',
  // 2: the acquirer's answer is not known yet.
  acquirerUncertain: '20001001',
  // 3: refused.
  refusedByInstitution: '30001001',
  badLogin: '30001204',
  declined: '30051001',
  invalidCardNumber: '30141001',
  expiredCard: '30331001',
  suspectedFraud: '30341001',
  lostCard: '30411001',
  stolenCard: '30431001',
  insufficientFunds: '30511001',
  badCvc: '30551001',
  overCardLimit: '30611001',
  // 4: not allowed.
  notAllowedForProfile: '40001202',
  // 5: card and amount.
  unknownCardType: '50001001',
  cardFormat: '50001002',
  expiryError: '50001005',
  amountNotNumeric: '50001006',
  brandNotSupported: '50001011',
  invalidCurrency: '50001015',
  wrongCardLength: '50001036',
  badCvcFormat: '50001066',
  wrongDecimals: '50001121',
  currencyNotAccepted: '50001122',
  // 5: the request.
  dataValidation: '50001111',
  orderAlreadyProcessed: '50001113',
  unknownIpOrigin: '50001116',
  missingIpOrigin: '50001117',
  pspidNotFound: '50001118',
  wrongPassword: '50001119',
  formatValidation: '50001125',
  shaMismatch: '50001184',
  // 5: maintenance.
  operationNotPermitted: '50001046',
  captureOverAuthorisation: '50001076',
  partialCaptureNotAllowed: '50001093',
  alreadyCaptured: '50001098',
  captureOverflow: '50001126',
  wrongStatus: '50001127',
  refundOverflow: '50001129',
  originalOrderError: '50001130',
  noRefundsAllowed: '50001218',
  reauthorisationOverflow: '50001153',
  aliasIsCardNumber: '50001216',
  generic: '55555555',
  // 5: card data (simulated acquirer, decision record 0025).
  cvcMissing: '50001090',
} as const;

export type NcError = (typeof NCERROR)[keyof typeof NCERROR];

/** NCSTATUS: the first digit of NCERROR ('0' for success). */
export function ncStatus(ncerror: string): string {
  return ncerror === '' ? '0' : ncerror.charAt(0);
}
