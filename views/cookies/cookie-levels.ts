import type { CookieLevel } from '../../src/cookies/forms.ts';
import type { PlainKey } from '../../src/i18n/catalogue.ts';

/** Each cookie level's name and what it means, as the settings page shows them. */
export const COOKIE_LEVEL_TEXT: Record<CookieLevel, { label: PlainKey; hint: PlainKey }> = {
  functional: { label: 'cookies.level.functional', hint: 'cookies.level.functional.hint' },
  optimised: { label: 'cookies.level.optimised', hint: 'cookies.level.optimised.hint' },
  personalised: { label: 'cookies.level.personalised', hint: 'cookies.level.personalised.hint' },
};

/** One cookie Guichet sets, as the settings page lists it. */
export type CookieRow = { name: string; purpose: PlainKey; lifetime: PlainKey };
