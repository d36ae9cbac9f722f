/**
 * The SHA-OUT whitelist: the feedback parameters the platform signs when it tells the merchant the
 * result (redirect URLs, post-sale request, status-change request; reference §2.3). Guichet sends
 * these and signs them with the account's SHA-OUT passphrase; the merchant checks them with the same
 * list, so a parameter Guichet sends that is not here stays unsigned (as COMPLUS' PARAMPLUS pairs do).
 *
 * Source: reference §2.3's list, plus PAYIDSUB and TICKET, which the platform's current published
 * "SHA-OUT_params" list carries (marlon-be/marlon-ogone ShaOutParameterFilter and Odoo's payment_ogone
 * have both), and COMPLETIONID / REQUESTCOMPLETIONID from the same list's latest version. Decision
 * record 0024.
 */
export const SHA_OUT_PARAMETERS: readonly string[] = Object.freeze(
  `
AAVADDRESS AAVCHECK AAVMAIL AAVNAME AAVPHONE AAVZIP ACCEPTANCE ALIAS AMOUNT
BIC BIN BRAND
CARDNO CCCTY CN COLLECTOR_BIC COLLECTOR_IBAN COMPLETIONID COMPLUS CREATION_STATUS CREDITDEBIT CURRENCY CVCCHECK
DCC_COMMPERCENTAGE DCC_CONVAMOUNT DCC_CONVCCY DCC_EXCHRATE DCC_EXCHRATESOURCE DCC_EXCHRATETS DCC_INDICATOR
DCC_MARGINPERCENTAGE DCC_VALIDHOURS DEVICEID DIGESTCARDNO
ECI ED EMAIL ENCCARDNO
FXAMOUNT FXCURRENCY
IP IPCTY
MANDATEID MOBILEMODE
NBREMAILUSAGE NBRIPUSAGE NBRIPUSAGE_ALLTX NBRUSAGE NCERROR
ORDERID
PAYID PAYIDSUB PAYMENT_REFERENCE PM
REQUESTCOMPLETIONID
SCO_CATEGORY SCORING SEQUENCETYPE SIGNDATE STATUS SUBBRAND SUBSCRIPTION_ID
TICKET TRXDATE
VC
`
    .trim()
    .split(/\s+/),
);

const EXACT = new Set(SHA_OUT_PARAMETERS);

/**
 * Whether a feedback parameter is signed by SHA-OUT. `upperName` must already be upper-cased with
 * `upperCaseParameterName` (signature.ts). SHA-OUT has no numbered families. Reference §2.3.
 */
export function isShaOutParameter(upperName: string): boolean {
  return EXACT.has(upperName);
}
