import type {
  AccountDetails,
  AccountPageProps,
  CurrencyView,
  LanguageView,
  OptionView,
  SectionState,
} from '../../views/account/account-props.ts';
import type { Account, Environment } from '../db/schema/accounts.ts';
import type { Language } from '../db/schema/users.ts';
import type { FormFailure } from '../http/form-failure.ts';
import type { PlainKey } from '../i18n/catalogue.ts';
import { localeOf } from '../i18n/catalogue.ts';
import { currencyDigits } from '../lib/money.ts';
import { ACCOUNT_CURRENCIES, acquirerAccepts } from './currencies.ts';
import type { SectionValues } from './forms.ts';
import { RETENTION_LIMITS } from './forms.ts';
import { featuresOf, hasFeature, OPTIONS, RECOMMENDED_OPTIONS } from './options.ts';
import { languageTag, PAYMENT_PAGE_LANGUAGES } from './payment-page-languages.ts';
import type { AccountSection } from './sections.ts';
import { ACCOUNT_SECTIONS, SECTION_FEATURE, sectionVersion } from './sections.ts';
import { SUBSCRIPTION_TYPES, userLimitOf } from './subscriptions.ts';

/**
 * What the account page shows of a stored account: plain props for views/account/, names in the
 * reader's language (Intl.DisplayNames for languages and currencies), and each section's form
 * filled with the saved values, or with what was typed when that section's form was refused.
 */

/** The sections the account's options let it see, in the page's order. */
export function shownSections(account: Pick<Account, 'options'>): AccountSection[] {
  return ACCOUNT_SECTIONS.filter((section) => {
    const feature = SECTION_FEATURE[section];
    return !feature || hasFeature(account, feature);
  });
}

/** A section's form filled with the saved values (a ticked box is "1", as the form sends it). */
export function savedValues(account: Account, section: AccountSection): SectionValues {
  const ticked = (codes: readonly string[], saved: readonly string[]) =>
    Object.fromEntries(codes.map((code) => [code, saved.includes(code) ? '1' : '']));
  switch (section) {
    case 'administrative':
      return {
        companyName: account.companyName,
        tradeName: account.tradeName,
        phone: account.phone ?? '',
        email: account.email ?? '',
      };
    case 'billing':
      return {
        billingAddress: account.billingAddress ?? '',
        vatNumber: account.vatNumber ?? '',
        billingContact: account.billingContact ?? '',
        billingMode: account.billingMode,
      };
    case 'subscription':
      return { subscription: account.subscription };
    case 'options':
      return ticked(OPTIONS, account.options);
    case 'languages':
      return ticked(PAYMENT_PAGE_LANGUAGES, account.paymentPageLanguages);
    case 'terms':
      return { termsUrl: account.termsUrl ?? '' };
    case 'currencies':
      return ticked(ACCOUNT_CURRENCIES, account.currencies);
    case 'timeZone':
      return { timeZone: account.timeZone };
    case 'retention':
      return { retentionDays: String(account.retentionDays) };
  }
}

/** The account as the read-only summaries show it. */
export function accountDetails(account: Account): AccountDetails {
  return {
    pspid: account.pspid,
    companyName: account.companyName,
    tradeName: account.tradeName,
    phone: account.phone ?? '',
    email: account.email ?? '',
    billingAddress: account.billingAddress ?? '',
    vatNumber: account.vatNumber ?? '',
    billingContact: account.billingContact ?? '',
    billingMode: account.billingMode,
    subscription: account.subscription,
    userLimit: account.userLimit,
    paymentPageLanguages: account.paymentPageLanguages,
    termsUrl: account.termsUrl ?? '',
    currencies: account.currencies,
    timeZone: account.timeZone,
    retentionDays: account.retentionDays,
  };
}

/** The options, each with whether it is on, recommended, and what it switches on. */
export function optionViews(account: Pick<Account, 'options'>): OptionView[] {
  return OPTIONS.map((code) => ({
    code,
    active: account.options.includes(code),
    recommended: RECOMMENDED_OPTIONS.includes(code),
    features: featuresOf(code),
  }));
}

/**
 * The payment-page languages, named in the reader's language: by the language alone ("Czech"),
 * and by its regional name when the list has it twice ("Flemish" for nl_BE, "Dutch" for nl_NL).
 */
export function languageViews(language: Language): LanguageView[] {
  const locale = localeOf(language);
  const names = new Intl.DisplayNames(locale, { type: 'language' });
  const base = (code: string) => code.slice(0, 2);
  const shared = (code: string) => PAYMENT_PAGE_LANGUAGES.filter((other) => base(other) === base(code)).length > 1;
  return PAYMENT_PAGE_LANGUAGES.map((code) => {
    const tag = languageTag(code);
    const regional = shared(code) ? names.of(tag) : undefined;
    const name = (regional && !regional.includes('(') ? regional : names.of(tag.split('-')[0] ?? tag)) ?? code;
    return { code, name: name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) };
  });
}

/** The currencies, named in the reader's language, with their digits and the acquirer's answer. */
export function currencyViews(language: Language): CurrencyView[] {
  const names = new Intl.DisplayNames(localeOf(language), { type: 'currency' });
  return ACCOUNT_CURRENCIES.map((code) => ({
    code,
    name: names.of(code) ?? code,
    digits: currencyDigits(code),
    acquirer: acquirerAccepts(code),
  }));
}

/** A refused section form, to show again: which section, and the failure as kept. */
export type FailedSection = { section: AccountSection; failure: FormFailure };

/** Everything the account page needs but the view context. */
export function accountPageProps(
  account: Account,
  input: {
    language: Language;
    env: Environment;
    manage: boolean;
    userCount: number;
    retentionPreview: { label: PlainKey; rows: number }[];
    failed?: FailedSection;
  },
): Omit<AccountPageProps, 'ctx'> {
  const states = Object.fromEntries(
    ACCOUNT_SECTIONS.map((section): [AccountSection, SectionState] => {
      const version = sectionVersion(account, section);
      const failure = input.failed?.section === section ? input.failed.failure : undefined;
      if (!failure) return [section, { values: savedValues(account, section), errors: {}, version }];
      return [section, { values: failure.values, errors: failure.errors, conflict: failure.conflict, version }];
    }),
  ) as Record<AccountSection, SectionState>;
  return {
    manage: input.manage,
    account: accountDetails(account),
    shown: shownSections(account),
    states,
    subscriptions: SUBSCRIPTION_TYPES.map((type) => ({ type, userLimit: userLimitOf(type) })),
    userCount: input.userCount,
    options: optionViews(account),
    languages: languageViews(input.language),
    currencies: currencyViews(input.language),
    retentionPreview: input.retentionPreview,
    retentionLimits: RETENTION_LIMITS,
    confirmsOptions: input.env === 'prod',
  };
}
