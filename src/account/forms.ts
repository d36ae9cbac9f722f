import * as v from 'valibot';
import type { BillingMode } from '../db/schema/accounts.ts';
import { BILLING_MODES, RETENTION_DAYS } from '../db/schema/accounts.ts';
import type { FieldSpec } from '../forms/fields.ts';
import { checkbox, choice, email, integer, text, timeZone, wholeNumber } from '../forms/fields.ts';
import { encodeMessage } from '../forms/message-codec.ts';
import { defineForm } from '../forms/parse.ts';
import type { PlainKey } from '../i18n/catalogue.ts';
import { message } from '../i18n/catalogue.ts';
import type { CurrencyCode } from '../lib/money.ts';
import { isPublicHttpsUrl } from '../lib/urls.ts';
import { ACCOUNT_CURRENCIES } from './currencies.ts';
import type { AccountOption } from './options.ts';
import { OPTIONS } from './options.ts';
import type { PaymentPageLanguage } from './payment-page-languages.ts';
import { PAYMENT_PAGE_LANGUAGES } from './payment-page-languages.ts';
import { SUBSCRIPTION_TYPES } from './subscriptions.ts';

/** For the views: a section's address part, and whether a stored subscription type is known. */
export { sectionSlug } from './sections.ts';
export { isSubscriptionType } from './subscriptions.ts';

/** The billing modes, in the order the form offers them. */
export const BILLING_MODE_LIST: readonly BillingMode[] = BILLING_MODES;

/**
 * The forms of Configuration > Account (PRODUCT.md C1–C6): one per section of the page, each with
 * the version of its section (a hidden field; missing or malformed is 0, never current, so the
 * edit is stale). Read by parseForm and by the views (views/account/), so neither repeats an id
 * or a length. The validation rules are decision record 0022's.
 */

/** B5: the account's security settings; "2FA required for every user" keeps its id `otp-required`. */
export const twoFactorRequiredForm = defineForm('account', {
  required: checkbox({ id: 'otp-required' }),
});

/** C6: payment data is kept this many days at least and at most (the database checks the same range). */
export const RETENTION_LIMITS = RETENTION_DAYS;

const m = (key: PlainKey) => encodeMessage(message(key));
const version = () => integer({ min: 0, max: 2_147_483_647, fallback: 0 });

/**
 * A phone number in international format: "+", the country code and the number, with spaces,
 * dots, hyphens, slashes or parentheses between digits if wished; 8 to 15 digits in all (ITU-T
 * E.164 allows 15 at most). Kept as typed (trimmed).
 */
export const PHONE_PATTERN = /^\+(?=(?:[\s./()-]*\d){8,15}[\s./()-]*$)[1-9][\d\s./()-]*$/;

/** What is left of a VAT number once its separators (spaces, dots, hyphens) are removed, upper-cased. */
export function compactVatNumber(typed: string): string {
  return typed.replace(/[\s.-]/g, '').toUpperCase();
}

/**
 * A VAT number, permissive: a two-letter country prefix (EU style: BE, FR, EL for Greece, XI;
 * CHE for Switzerland reads as CH + E...), then 2 to 14 letters, digits, "+" or "*" with at least
 * two digits. Spaces, dots and hyphens are allowed when typed and removed; stored upper-case.
 * Not checked against VIES (no network call to validate a form field).
 */
export const VAT_PATTERN = /^[A-Z]{2}(?=(?:[A-Z+*]*\d){2})[A-Z0-9+*]{2,14}$/;

function vatNumber(): FieldSpec<string> {
  const typed = text({ max: 30 });
  return {
    ...typed,
    schema: (form) =>
      v.pipe(
        typed.schema(form),
        v.check((s: string) => s === '' || VAT_PATTERN.test(compactVatNumber(s)), m('account.error.vatNumber')),
        v.transform((s: string) => compactVatNumber(s)),
      ),
  };
}

/** A public https address (isPublicHttpsUrl); '' when empty (no address). */
function httpsUrl(options: { max: number; invalid: PlainKey }): FieldSpec<string> {
  const typed = text({ max: options.max });
  return {
    ...typed,
    schema: (form) =>
      v.pipe(
        typed.schema(form),
        v.check((s: string) => s === '' || isPublicHttpsUrl(s), m(options.invalid)),
      ),
  };
}

/** C6: days of retention, a whole number within RETENTION_LIMITS; the message says the range. */
function retentionDays(): FieldSpec<number> {
  const { min, max } = RETENTION_LIMITS;
  return wholeNumber({ min, max }, message('account.error.retention', { min, max }));
}

/**
 * A list of codes, each its own checkbox named by the code: the field itself is never posted, it
 * reads the boxes of the form and gives the ticked codes in the list's order. With `atLeastOne`,
 * none ticked is refused with that message (shown beside the group: `id` is the fieldset's).
 */
function checkboxGroup<T extends string>(codes: readonly T[], options: { id: string; atLeastOne?: PlainKey }): FieldSpec<T[]> {
  return {
    id: options.id,
    required: Boolean(options.atLeastOne),
    schema: (form) =>
      v.pipe(
        v.string(),
        v.transform(() => codes.filter((code) => isTicked(form[code]))),
        v.check((list: T[]) => !options.atLeastOne || list.length > 0, m(options.atLeastOne ?? 'form.invalid')),
      ),
  };
}

/** One checkbox per code, named by the code, with the id `<prefix>-<code in lower case, "_" as "-">`. */
function boxes<T extends string>(codes: readonly T[], prefix: string): Record<T, FieldSpec<boolean>> {
  return Object.fromEntries(codes.map((code) => [code, checkbox({ id: boxId(prefix, code) })])) as Record<T, FieldSpec<boolean>>;
}

/** The HTML id of a code's checkbox. */
export function boxId(prefix: string, code: string): string {
  return `${prefix}-${code.toLowerCase().replace(/_/g, '-')}`;
}

/** A checkbox's value as sent or shown: "1" (or "on", a browser's default) is ticked. */
export function isTicked(value: string | undefined): boolean {
  return value === '1' || value === 'on';
}

/** C1 administrative data: the legal name, the name customers see, a phone number and an e-mail address. */
export const administrativeForm = defineForm('account-administrative', {
  companyName: text({ max: 100, required: 'account.error.companyName' }),
  tradeName: text({ max: 100, required: 'account.error.tradeName' }),
  phone: text({ max: 30, pattern: { regex: PHONE_PATTERN, message: 'account.error.phone' } }),
  email: email({ invalid: 'account.error.email' }),
  version: version(),
});

/** C2 billing details. */
export const billingForm = defineForm('account-billing', {
  billingAddress: text({ max: 500 }),
  vatNumber: vatNumber(),
  billingContact: text({ max: 100 }),
  billingMode: choice<BillingMode>(BILLING_MODES, { invalid: 'account.error.billingMode' }),
  version: version(),
});

/** C3 the subscription type (it brings the user limit). */
export const subscriptionForm = defineForm('account-subscription', {
  subscription: choice(SUBSCRIPTION_TYPES, { invalid: 'account.error.subscription' }),
  version: version(),
});

/** C3 the options, one box each; `confirmed` is sent by PRODUCTION's confirmation page. */
export const optionsForm = defineForm('account-options', {
  ...boxes<AccountOption>(OPTIONS, 'account-option'),
  options: checkboxGroup(OPTIONS, { id: 'account-options-list' }),
  confirmed: checkbox(),
  version: version(),
});

/** C4 the payment page's languages, at least one. */
export const languagesForm = defineForm('account-languages', {
  ...boxes<PaymentPageLanguage>(PAYMENT_PAGE_LANGUAGES, 'account-language'),
  languages: checkboxGroup(PAYMENT_PAGE_LANGUAGES, { id: 'account-languages-list', atLeastOne: 'account.error.languagesNone' }),
  version: version(),
});

/** C4 the terms-and-conditions URL (e-Commerce level 3): https, or empty for none. */
export const termsForm = defineForm('account-terms', {
  termsUrl: httpsUrl({ max: 500, invalid: 'account.error.termsUrl' }),
  version: version(),
});

/** C5 the currencies accepted (multi-currency), at least one. */
export const currenciesForm = defineForm('account-currencies', {
  ...boxes<CurrencyCode>(ACCOUNT_CURRENCIES, 'account-currency'),
  currencies: checkboxGroup(ACCOUNT_CURRENCIES, { id: 'account-currencies-list', atLeastOne: 'account.error.currenciesNone' }),
  version: version(),
});

/** D5 the account's time zone: new users start with it. */
export const timeZoneForm = defineForm('account-time-zone', {
  timeZone: timeZone({ invalid: 'account.error.timeZone' }),
  version: version(),
});

/** C6 data retention, in days. */
export const retentionForm = defineForm('account-retention', {
  retentionDays: retentionDays(),
  version: version(),
});

/** What a section's form shows, by field name: what was typed, or the saved values; "1" for a ticked box. */
export type SectionValues = Record<string, string>;
