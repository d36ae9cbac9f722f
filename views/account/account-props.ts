import type { SectionValues } from '../../src/account/forms.ts';
import type { AccountOption, Feature } from '../../src/account/options.ts';
import type { PaymentPageLanguage } from '../../src/account/payment-page-languages.ts';
import type { AccountSection } from '../../src/account/sections.ts';
import type { SubscriptionType } from '../../src/account/subscriptions.ts';
import type { BillingMode } from '../../src/db/schema/accounts.ts';
import type { FieldErrors } from '../../src/forms/parse.ts';
import type { PlainKey } from '../../src/i18n/catalogue.ts';
import type { CurrencyCode } from '../../src/lib/money.ts';
import type { ViewContext } from '../layout/view-context.ts';
import type { ProductionTwinProps } from '../production/twin-block.tsx';

/** The account as saved, as the read-only summaries show it ('' for nothing). */
export type AccountDetails = {
  pspid: string;
  companyName: string;
  tradeName: string;
  phone: string;
  email: string;
  billingAddress: string;
  vatNumber: string;
  billingContact: string;
  billingMode: BillingMode;
  /** A type this version does not know is shown as stored. */
  subscription: string;
  userLimit: number;
  paymentPageLanguages: string[];
  termsUrl: string;
  currencies: string[];
  timeZone: string;
  retentionDays: number;
};

/** A section's form: the values shown (saved, or typed when refused), its problems, and a stale edit. */
export type SectionState = { values: SectionValues; errors: FieldErrors; conflict?: boolean; version: number };

/** An option as the options section lists it. */
export type OptionView = { code: AccountOption; active: boolean; recommended: boolean; features: Feature[] };

/** A payment-page language: its Ogone code and its name in the reader's language. */
export type LanguageView = { code: PaymentPageLanguage; name: string };

/** A currency: ISO 4217 code, name in the reader's language, minor-unit digits, and whether the acquirer accepts it. */
export type CurrencyView = { code: CurrencyCode; name: string; digits: number; acquirer: boolean };

export type AccountPageProps = {
  ctx: ViewContext;
  /** Forms for administrators (`account:manage`); read-only summaries for the others. */
  manage: boolean;
  account: AccountDetails;
  /** The sections shown, in order: a section whose option is off is left out. */
  shown: AccountSection[];
  /** Each shown section's form state. */
  states: Record<AccountSection, SectionState>;
  subscriptions: { type: SubscriptionType; userLimit: number }[];
  /** Users of the account, all counted (C3 user limit). */
  userCount: number;
  options: OptionView[];
  languages: LanguageView[];
  currencies: CurrencyView[];
  /** C6: what the next retention run would remove, per kind of payment data. */
  retentionPreview: { label: PlainKey; rows: number }[];
  retentionLimits: { min: number; max: number; default: number };
  /** In PRODUCTION, switching options goes through a confirmation page: the section says so. */
  confirmsOptions: boolean;
  /** I1: in TEST, the PRODUCTION account made from this one, once it exists. */
  productionTwin?: ProductionTwinProps;
  /** A section just saved in place (htmx), with what to say in it. */
  saved?: { section: AccountSection; message: string };
};

/** What every section component receives. */
export type SectionProps = AccountPageProps & { state: SectionState };
