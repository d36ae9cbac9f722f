/**
 * C4: the languages the hosted payment page can be shown in, by their Ogone LANGUAGE codes
 * (reference/ogone-platform.md §2.1: "LANGUAGE: e.g. en_US, fr_FR, nl_BE"). The list is the
 * platform's own, with its two odd codes kept as the platform writes them: dk_DK (Danish) and
 * se_SE (Swedish). An account shows its payment page in at least one of them.
 */
export const PAYMENT_PAGE_LANGUAGES = [
  'ar_AR',
  'cs_CZ',
  'de_DE',
  'dk_DK',
  'el_GR',
  'en_US',
  'es_ES',
  'fi_FI',
  'fr_FR',
  'he_IL',
  'hu_HU',
  'it_IT',
  'ja_JP',
  'ko_KR',
  'nl_BE',
  'nl_NL',
  'no_NO',
  'pl_PL',
  'pt_PT',
  'ru_RU',
  'se_SE',
  'sk_SK',
  'tr_TR',
  'zh_CN',
] as const;
export type PaymentPageLanguage = (typeof PAYMENT_PAGE_LANGUAGES)[number];

/** The BCP 47 tag of each Ogone code whose language part is not ISO 639-1 (for Intl.DisplayNames). */
const BCP47: Partial<Record<PaymentPageLanguage, string>> = { ar_AR: 'ar', dk_DK: 'da-DK', se_SE: 'sv-SE', no_NO: 'no-NO' };

/** The BCP 47 tag of an Ogone language code ("fr_FR" → "fr-FR"), to name it in the reader's language. */
export function languageTag(code: PaymentPageLanguage): string {
  return BCP47[code] ?? code.replace('_', '-');
}

/** True when `value` is an Ogone language code of the list. */
export function isPaymentPageLanguage(value: string): value is PaymentPageLanguage {
  return (PAYMENT_PAGE_LANGUAGES as readonly string[]).includes(value);
}
