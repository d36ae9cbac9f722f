import type { SettingsState } from '../../views/components/settings-section.tsx';
import type { TechnicalDetails, TechnicalPageProps, TestCardView } from '../../views/technical/technical-props.ts';
import { BRANDS } from '../acquirer/brands.ts';
import { testCardsOfBrands } from '../acquirer/test-cards.ts';
import type { TechnicalSettings } from '../db/schema/technical.ts';
import type { Language } from '../db/schema/users.ts';
import type { FormFailure } from '../http/form-failure.ts';
import { FEEDBACK_PARAMETERS } from './forms.ts';
import type { TechnicalSection } from './sections.ts';
import { TECHNICAL_SECTIONS, technicalSectionVersion } from './sections.ts';

/**
 * What Configuration > Technical information shows of the stored settings: plain props for
 * views/technical/, each section's form filled with the saved values or with what was typed when
 * that section's form was refused. Passphrases only as "set" or "not set".
 */

/** A section's form filled with the saved values (a ticked box is "1", as the form sends it; passphrases empty). */
export function technicalSavedValues(settings: TechnicalSettings, section: TechnicalSection): Record<string, string> {
  const box = (on: boolean) => (on ? '1' : '');
  switch (section) {
    case 'transaction':
      return {
        defaultOperation: settings.defaultOperation,
        dataCapture: settings.dataCapture,
        captureAfterDays: String(settings.captureAfterDays),
        processingMode: settings.processingMode,
        paymentRetries: String(settings.paymentRetries),
        defaultEci: String(settings.defaultEci),
      };
    case 'security':
      return { shaAlgorithm: settings.shaAlgorithm, charset: settings.charset };
    case 'ecommerce':
      return { referrerUrls: settings.referrerUrls.join('\n'), passphrase: '' };
    case 'directLink':
      return { allowedIps: settings.allowedIps.join('\n'), passphrase: '' };
    case 'feedback':
      return {
        passphrase: '',
        postSaleUrlAccepted: settings.postSaleUrlAccepted ?? '',
        postSaleUrlDeclined: settings.postSaleUrlDeclined ?? '',
        postSaleTiming: settings.postSaleTiming,
        statusChangeUrl: settings.statusChangeUrl ?? '',
        ...Object.fromEntries(FEEDBACK_PARAMETERS.map((name) => [name, box(settings.feedbackParameters.includes(name))])),
      };
    case 'emails':
      return {
        merchantEmails: (settings.merchantEmails ?? '').split(';').join('; '),
        merchantConfirmationEmails: box(settings.merchantConfirmationEmails),
        statusChangeEmails: box(settings.statusChangeEmails),
        customerConfirmationEmails: box(settings.customerConfirmationEmails),
      };
  }
}

/** A refused section form, to show again: which section, and the failure as kept. */
export type FailedTechnicalSection = { section: TechnicalSection; failure: FormFailure };

/** The test cards of the brands Guichet accepts (the account has no brand settings yet: all of BRANDS), in the reader's language. */
export function testCardViews(language: Language): TestCardView[] {
  return testCardsOfBrands(BRANDS).map((card) => ({
    number: card.number.replace(/(\d{4})(?=\d)/g, '$1 '),
    brand: card.brand,
    outcome: card.outcome,
    ncerror: card.ncerror,
    description: card.description[language],
  }));
}

/** Everything the page needs but the view context and the "saved" message. */
export function technicalPageProps(
  settings: TechnicalSettings,
  input: { pspid: string; language: Language; manage: boolean; failed?: FailedTechnicalSection },
): Omit<TechnicalPageProps, 'ctx'> {
  const states = Object.fromEntries(
    TECHNICAL_SECTIONS.map((section): [TechnicalSection, SettingsState] => {
      const version = technicalSectionVersion(settings, section);
      const saved = technicalSavedValues(settings, section);
      const failure = input.failed?.section === section ? input.failed.failure : undefined;
      if (!failure) return [section, { values: saved, errors: {}, version }];
      return [section, { values: { ...saved, ...failure.values }, errors: failure.errors, conflict: failure.conflict, version }];
    }),
  ) as Record<TechnicalSection, SettingsState>;
  const { accountId, shaInEcommerceSealed, shaInDirectLinkSealed, shaOutSealed, sectionVersions, updatedAt, ...details } =
    settings;
  return {
    manage: input.manage,
    pspid: input.pspid,
    settings: details satisfies TechnicalDetails,
    passphrases: {
      'sha-in-ecommerce': shaInEcommerceSealed !== null,
      'sha-in-directlink': shaInDirectLinkSealed !== null,
      'sha-out': shaOutSealed !== null,
    },
    states,
    testCards: testCardViews(input.language),
  };
}
