import type { TestCardOutcome } from '../../src/acquirer/test-cards.ts';
import type { TechnicalSettings } from '../../src/db/schema/technical.ts';
import type { TechnicalSection } from '../../src/technical/sections.ts';
import type { PassphraseUse } from '../../src/technical/settings.ts';
import type { SettingsState } from '../components/settings-section.tsx';
import type { ViewContext } from '../layout/view-context.ts';

/** The settings as saved, as the read-only summaries show them: never a passphrase, sealed or not. */
export type TechnicalDetails = Omit<
  TechnicalSettings,
  'accountId' | 'shaInEcommerceSealed' | 'shaInDirectLinkSealed' | 'shaOutSealed' | 'sectionVersions' | 'updatedAt'
>;

/** A test card as Test info lists it: number in groups of four, brand (null: none), result and NCERROR, description in the reader's language. */
export type TestCardView = {
  number: string;
  brand: string | null;
  outcome: TestCardOutcome;
  ncerror: string;
  description: string;
};

export type TechnicalPageProps = {
  ctx: ViewContext;
  /** Forms for administrators (`technical:manage`); read-only summaries for the others. */
  manage: boolean;
  pspid: string;
  settings: TechnicalDetails;
  /** Whether each passphrase is set (never what it is). */
  passphrases: Record<PassphraseUse, boolean>;
  /** Each section's form state. */
  states: Record<TechnicalSection, SettingsState>;
  testCards: TestCardView[];
  /** A section just saved in place (htmx), with what to say in it. */
  saved?: { section: TechnicalSection; message: string };
};

/** What every section component receives. */
export type TechnicalSectionProps = TechnicalPageProps & { section: TechnicalSection; state: SettingsState };
