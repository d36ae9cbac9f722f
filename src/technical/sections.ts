import type { PassphraseUse } from './settings.ts';

/**
 * The tabs of Configuration > Technical information (PRODUCT.md F1; reference §0 "Technical
 * information"), in the page's order, and the sections with a form. "Data and origin
 * verification" holds two forms ("Checks for e-Commerce & Alias Gateway", "Checks for DirectLink
 * & Batch"); "Test info" has none. Each form is saved on its own and has its own version in
 * technical_settings.section_versions: an edit made from an older version of its section is
 * refused (stale edit, 409), as on the account page (decision record 0022).
 */
export const TECHNICAL_TABS = ['transaction', 'security', 'verification', 'feedback', 'emails', 'testInfo'] as const;
export type TechnicalTab = (typeof TECHNICAL_TABS)[number];

/** The sections with a form, in the page's order. */
export const TECHNICAL_SECTIONS = ['transaction', 'security', 'ecommerce', 'directLink', 'feedback', 'emails'] as const;
export type TechnicalSection = (typeof TECHNICAL_SECTIONS)[number];

/** The tab each section is shown in. */
export const SECTION_TAB: Record<TechnicalSection, TechnicalTab> = {
  transaction: 'transaction',
  security: 'security',
  ecommerce: 'verification',
  directLink: 'verification',
  feedback: 'feedback',
  emails: 'emails',
};

/** The passphrase a section sets (its "new passphrase" field and its "generate" button), if any. */
export const SECTION_PASSPHRASE: Partial<Record<TechnicalSection, PassphraseUse>> = {
  ecommerce: 'sha-in-ecommerce',
  directLink: 'sha-in-directlink',
  feedback: 'sha-out',
};

/** The address part of a section (`/technical-information/<slug>`) and of a tab's anchor. */
const SLUGS: Record<TechnicalSection | TechnicalTab, string> = {
  transaction: 'transaction',
  security: 'security',
  verification: 'verification',
  ecommerce: 'ecommerce-checks',
  directLink: 'directlink-checks',
  feedback: 'feedback',
  emails: 'emails',
  testInfo: 'test-info',
};

/** The address part of a section or tab. */
export function technicalSlug(part: TechnicalSection | TechnicalTab): string {
  return SLUGS[part];
}

/** The section of an address part; undefined for anything else. */
export function technicalSectionOfSlug(slug: string): TechnicalSection | undefined {
  return TECHNICAL_SECTIONS.find((section) => SLUGS[section] === slug);
}

/**
 * The saved version of a section: 1 until its first change (no entry yet), then one more at each
 * change. A form that sends no version (0) is never current.
 */
export function technicalSectionVersion(
  settings: { sectionVersions: Readonly<Record<string, number>> },
  section: TechnicalSection,
) {
  const version = settings.sectionVersions[section];
  return typeof version === 'number' && Number.isSafeInteger(version) && version > 0 ? version : 1;
}
