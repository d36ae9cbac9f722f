/**
 * The NCERRORPLUS text of each NCERROR code Guichet answers, as DirectLink replies carry them and
 * the error log and the e-Terminal show them (reference §3 "Common NCERROR codes", §11).
 *
 * Sources, in order of preference: texts the platform itself sent, seen in client tests (reference
 * §3 and §11 [AM]); the platform's own error table (reference [ERR], code-index file 1947448059);
 * otherwise a short English text in the same style. Texts never hold a card number, a CVC or a password.
 */
import type { Language } from '../i18n/languages.ts';
import { NCERROR } from './ncerror.ts';

/** The success text: NCERROR "0" goes with NCERRORPLUS "!" (reference §11, [AM fixtures]). */
export const SUCCESS_TEXT = '!';

/** The French text of the generic error 55555555 (Guichet's translation of GENERIC_TEXT). */
const GENERIC_TEXT_FR = 'Une erreur s’est produite.';

/**
 * The platform's text for each NCERROR code Guichet answers, in English as the platform sends it
 * (reference [ERR] table, verbatim; the success text from [AM fixtures]) and in French (Guichet's
 * translation, for the back office's French pages only: what the API answers and what the error
 * log stores is always the English text). Keyed by code; every code of src/payments/ncerror.ts
 * has both (a test checks it).
 */
export const NCERROR_TEXTS: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  [NCERROR.ok]: {
    en: SUCCESS_TEXT,
    fr: SUCCESS_TEXT,
  },
  [NCERROR.acquirerUnreachable]: {
    en: 'Communication failure',
    fr: 'Échec de la communication',
  },
  [NCERROR.acquirerUncertain]: {
    en: 'We have received an unknown status for the transaction. We shall contact your acquirer and update the transaction status within one working day. Please check the status later.',
    fr: 'Nous avons reçu un statut inconnu pour la transaction. Nous contacterons votre acquéreur et mettrons à jour le statut de la transaction dans un délai d’un jour ouvré. Vérifiez le statut plus tard.',
  },
  [NCERROR.refusedByInstitution]: {
    en: 'Payment refused by the financial institution',
    fr: 'Paiement refusé par l’établissement financier',
  },
  [NCERROR.badLogin]: {
    en: 'Some of the data entered is incorrect. Please retry.',
    fr: 'Certaines des données saisies sont incorrectes. Réessayez.',
  },
  [NCERROR.declined]: {
    en: 'Authorisation declined',
    fr: 'Autorisation refusée',
  },
  [NCERROR.invalidCardNumber]: {
    en: 'Invalid card number',
    fr: 'Numéro de carte non valide',
  },
  [NCERROR.expiredCard]: {
    en: 'Card expired',
    fr: 'Carte expirée',
  },
  [NCERROR.suspectedFraud]: {
    en: 'Suspicion of fraud.',
    fr: 'Suspicion de fraude.',
  },
  [NCERROR.lostCard]: {
    en: 'Lost card',
    fr: 'Carte perdue',
  },
  [NCERROR.stolenCard]: {
    en: 'Stolen card. Pick up.',
    fr: 'Carte volée. Carte à retenir.',
  },
  [NCERROR.insufficientFunds]: {
    en: 'Insufficient funds',
    fr: 'Fonds insuffisants',
  },
  [NCERROR.badCvc]: {
    en: 'Invalid security code',
    fr: 'Code de sécurité non valide',
  },
  [NCERROR.overCardLimit]: {
    en: 'Amount exceeds card limit',
    fr: 'Le montant dépasse le plafond de la carte',
  },
  [NCERROR.notAllowedForProfile]: {
    en: 'This action is not authorized for your profile.',
    fr: 'Cette action n’est pas autorisée pour votre profil.',
  },
  [NCERROR.unknownCardType]: {
    en: 'Unknown card type',
    fr: 'Type de carte inconnu',
  },
  [NCERROR.cardFormat]: {
    en: 'Card number format check failed for given card number.',
    fr: 'Le contrôle du format du numéro de carte a échoué pour ce numéro.',
  },
  [NCERROR.expiryError]: {
    en: 'Expiry date error',
    fr: 'Erreur de date d’expiration',
  },
  [NCERROR.amountNotNumeric]: {
    en: 'Amount is not a number',
    fr: 'Le montant n’est pas un nombre',
  },
  [NCERROR.brandNotSupported]: {
    en: 'Brand not supported for that merchant',
    fr: 'Marque non acceptée pour ce commerçant',
  },
  [NCERROR.invalidCurrency]: {
    en: 'Invalid currency code',
    fr: 'Code de devise non valide',
  },
  [NCERROR.wrongCardLength]: {
    en: 'Incorrect card length for the brand',
    fr: 'Longueur de numéro de carte incorrecte pour la marque',
  },
  [NCERROR.badCvcFormat]: {
    en: 'Invalid CVC code format',
    fr: 'Format du code CVC non valide',
  },
  [NCERROR.wrongDecimals]: {
    en: 'Invalid number of decimals for the currency',
    fr: 'Nombre de décimales non valide pour la devise',
  },
  [NCERROR.currencyNotAccepted]: {
    en: 'Currency not accepted by the merchant',
    fr: 'Devise non acceptée par le commerçant',
  },
  [NCERROR.dataValidation]: {
    en: 'Data validation error',
    fr: 'Erreur de validation des données',
  },
  [NCERROR.orderAlreadyProcessed]: {
    en: 'This order has already been processed.',
    fr: 'Cette commande a déjà été traitée.',
  },
  [NCERROR.unknownIpOrigin]: {
    en: 'Unknown IP address origin',
    fr: 'Adresse IP d’origine inconnue',
  },
  [NCERROR.missingIpOrigin]: {
    en: 'No IP address origin',
    fr: 'Aucune adresse IP d’origine',
  },
  [NCERROR.pspidNotFound]: {
    en: 'PSPID not found or incorrect',
    fr: 'PSPID introuvable ou incorrect',
  },
  [NCERROR.wrongPassword]: {
    en: 'Password incorrect or disabled due to number of errors',
    fr: 'Mot de passe incorrect, ou désactivé après trop d’erreurs',
  },
  [NCERROR.formatValidation]: {
    en: 'Format validation error',
    fr: 'Erreur de validation du format',
  },
  [NCERROR.shaMismatch]: {
    en: 'SHA Mismatch',
    fr: 'Signature SHA non concordante',
  },
  [NCERROR.operationNotPermitted]: {
    en: 'Operation not permitted for the merchant',
    fr: 'Opération non autorisée pour le commerçant',
  },
  [NCERROR.captureOverAuthorisation]: {
    en: 'DCP amount greater than authorisation amount',
    fr: 'Montant de la capture (DCP) supérieur au montant autorisé',
  },
  [NCERROR.partialCaptureNotAllowed]: {
    en: 'Partial capture not allowed',
    fr: 'Capture partielle non autorisée',
  },
  [NCERROR.alreadyCaptured]: {
    en: "The payment's authorisation has already been captured and can't be captured again",
    fr: 'L’autorisation du paiement a déjà été capturée et ne peut pas l’être à nouveau',
  },
  [NCERROR.captureOverflow]: {
    en: 'Overflow in data capture requests for the original order',
    fr: 'Trop de demandes de capture pour la commande d’origine',
  },
  [NCERROR.wrongStatus]: {
    en: 'Incorrect original order status',
    fr: 'Statut de la commande d’origine incorrect',
  },
  [NCERROR.refundOverflow]: {
    en: 'Overflow in refunds requests',
    fr: 'Trop de demandes de remboursement',
  },
  [NCERROR.originalOrderError]: {
    en: 'Original order access error',
    fr: 'Erreur d’accès à la commande d’origine',
  },
  [NCERROR.noRefundsAllowed]: {
    en: 'No Refunds allowed',
    fr: 'Aucun remboursement autorisé',
  },
  [NCERROR.reauthorisationOverflow]: {
    en: 'Overflow in redo-authorisation requests',
    fr: 'Trop de demandes de nouvelle autorisation',
  },
  [NCERROR.cvcMissing]: {
    en: 'CVC missing at input, but CVC check requested',
    fr: 'CVC absent à la saisie, alors que le contrôle du CVC est demandé',
  },
  [NCERROR.aliasIsCardNumber]: {
    en: 'The alias must be different to the card number.',
    fr: 'L’alias doit être différent du numéro de carte.',
  },
  [NCERROR.generic]: {
    en: 'An error occurred.',
    fr: GENERIC_TEXT_FR,
  },
};

/** The English text of each code: NCERRORPLUS as the API answers it. */
export const NCERRORPLUS_TEXTS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(NCERROR_TEXTS).map(([code, texts]) => [code, texts.en]),
);

/** The text of the generic error 55555555 (reference [ERR]), used for a code without a text. */
export const GENERIC_TEXT = 'An error occurred.';

/** NCERRORPLUS for a code: the table's text, "!" for "0", the generic text for an unknown code. */
export function ncErrorPlusText(ncerror: string): string {
  return NCERRORPLUS_TEXTS[ncerror] ?? GENERIC_TEXT;
}

/**
 * A stored NCERRORPLUS reason as a reader of `language` sees it: when it is the standard text of
 * its code (NCERROR_TEXTS, or GENERIC_TEXT), that code's text in the reader's language;
 * otherwise (a field-specific or technical text such as " no orderid" or "unknown order/1/s")
 * the stored text as it is, marked as English (`lang`) for a reader of another language, with
 * the code's general meaning in that language when the code is known. The stored text is never
 * changed: it is what the API answered.
 */
export function ncErrorReasonFor(
  ncerror: string,
  stored: string,
  language: Language,
): { text: string; lang?: 'en'; meaning?: string } {
  const texts = NCERROR_TEXTS[ncerror];
  if (texts && stored === texts.en) return { text: texts[language] };
  if (!texts && stored === GENERIC_TEXT) return { text: language === 'en' ? GENERIC_TEXT : GENERIC_TEXT_FR };
  if (language === 'en') return { text: stored };
  return texts && ncerror !== NCERROR.ok ? { text: stored, lang: 'en', meaning: texts[language] } : { text: stored, lang: 'en' };
}
