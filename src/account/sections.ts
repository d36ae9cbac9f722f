import type { Feature } from './options.ts';

/**
 * The sections of Configuration > Account (PRODUCT.md C1–C6, guide 3.2.2), in the order the page
 * shows them. Each is saved on its own, by its own form, and has its own version in
 * accounts.section_versions: an edit made from an older version of *its* section is refused
 * (stale edit, 409), whatever happened to the other sections meanwhile (decision record 0022).
 */
export const ACCOUNT_SECTIONS = [
  'administrative',
  'billing',
  'subscription',
  'options',
  'languages',
  'terms',
  'currencies',
  'timeZone',
  'retention',
] as const;
export type AccountSection = (typeof ACCOUNT_SECTIONS)[number];

/** The sections an option gates: shown, and accepted, only when the account's options switch the feature on. */
export const SECTION_FEATURE: Partial<Record<AccountSection, Feature>> = {
  terms: 'terms_url',
  currencies: 'currencies',
};

/** The address part of a section (`/account/<slug>`), and back. */
const SLUGS: Record<AccountSection, string> = {
  administrative: 'administrative',
  billing: 'billing',
  subscription: 'subscription',
  options: 'options',
  languages: 'languages',
  terms: 'terms',
  currencies: 'currencies',
  timeZone: 'time-zone',
  retention: 'retention',
};

export function sectionSlug(section: AccountSection): string {
  return SLUGS[section];
}

/** The section of an address part; undefined for anything else. */
export function sectionOfSlug(slug: string): AccountSection | undefined {
  return ACCOUNT_SECTIONS.find((section) => SLUGS[section] === slug);
}

/**
 * The saved version of a section: 1 until its first change (a section never saved has no entry),
 * then one more at each change. A form that sends no version (0) is never current.
 */
export function sectionVersion(account: { sectionVersions: Readonly<Record<string, number>> }, section: AccountSection): number {
  const version = account.sectionVersions[section];
  return typeof version === 'number' && Number.isSafeInteger(version) && version > 0 ? version : 1;
}
