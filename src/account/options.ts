import { Forbidden } from '../errors.ts';

/**
 * The subscription's options and what each one switches on (PRODUCT.md C3, A4; guide 3.2.2).
 * This module is the one place that knows which option enables which feature: menus, pages and
 * services ask `hasFeature` / `requireFeature` with the feature, never an option name. Switching
 * an option off hides its pages and refuses its actions (403); its data stays.
 *
 * Option codes are stored in accounts.options (text[]). A code this version does not know is
 * kept as stored and enables nothing.
 */
export const OPTIONS = [
  'alias_manager',
  'merchant_assistant',
  'e_terminal',
  'batch',
  'subscription_manager',
  'multi_currency',
  'push_reports',
  'advanced_fraud',
  'ecommerce_level3',
] as const;
export type AccountOption = (typeof OPTIONS)[number];

/**
 * Every feature an option enables, with its option. Later issues add the features of their
 * pages here (the option list itself is the guide's).
 */
const FEATURE_OPTION = {
  /** E1 Alias Manager pages. */
  aliases: 'alias_manager',
  /** H1 VAT rules and H2 shipping cost rules. */
  vat_rules: 'merchant_assistant',
  shipping_rules: 'merchant_assistant',
  /** S1 manual payments in the back office. */
  e_terminal: 'e_terminal',
  /** P1 payment files uploaded and processed in batch. */
  batch_upload: 'batch',
  /** R1 recurring payments. */
  subscriptions: 'subscription_manager',
  /** C5 the currencies section of the account page, and payments in them. */
  currencies: 'multi_currency',
  /** Q2 reports pushed to the merchant. */
  push_reports: 'push_reports',
  /** K2 advanced fraud rules. */
  fraud_rules: 'advanced_fraud',
  /** C4 the terms-and-conditions URL shown on the payment page. */
  terms_url: 'ecommerce_level3',
} as const satisfies Record<string, AccountOption>;
export type Feature = keyof typeof FEATURE_OPTION;

/** The options a new subscription recommends first on the account page (the rest are "other available"). */
export const RECOMMENDED_OPTIONS: readonly AccountOption[] = ['alias_manager', 'e_terminal', 'multi_currency'];

/** The option a feature needs. */
export function optionOf(feature: Feature): AccountOption {
  return FEATURE_OPTION[feature];
}

/** The features an option switches on (the account page says what switching it changes). */
export function featuresOf(option: AccountOption): Feature[] {
  return (Object.keys(FEATURE_OPTION) as Feature[]).filter((feature) => FEATURE_OPTION[feature] === option);
}

/** True when `value` is an option code of this version. */
export function isOption(value: string): value is AccountOption {
  return (OPTIONS as readonly string[]).includes(value);
}

/** True when the account's subscription has the option. */
export function hasOption(account: { options: readonly string[] }, option: AccountOption): boolean {
  return account.options.includes(option);
}

/** True when the account's options switch the feature on. */
export function hasFeature(account: { options: readonly string[] }, feature: Feature): boolean {
  return hasOption(account, FEATURE_OPTION[feature]);
}

/**
 * For services and routes: refuses (Forbidden, answered 403) an action of a feature the
 * account's options do not switch on.
 */
export function requireFeature(account: { options: readonly string[] }, feature: Feature): void {
  if (!hasFeature(account, feature)) throw new Forbidden(`option ${FEATURE_OPTION[feature]} is off`);
}
