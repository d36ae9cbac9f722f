import type { PlainKey } from '../../src/i18n/catalogue.ts';

/** The three cookie levels of the guide, from the fewest cookies to the most. */
export const COOKIE_LEVELS = ['functional', 'optimised', 'personalised'] as const;
export type CookieLevel = (typeof COOKIE_LEVELS)[number];

/** The guide's default level. */
export const DEFAULT_COOKIE_LEVEL: CookieLevel = 'optimised';

export function isCookieLevel(value: unknown): value is CookieLevel {
  return typeof value === 'string' && (COOKIE_LEVELS as readonly string[]).includes(value);
}

export const COOKIE_LEVEL_TEXT: Record<CookieLevel, { label: PlainKey; hint: PlainKey }> = {
  functional: { label: 'cookies.level.functional', hint: 'cookies.level.functional.hint' },
  optimised: { label: 'cookies.level.optimised', hint: 'cookies.level.optimised.hint' },
  personalised: { label: 'cookies.level.personalised', hint: 'cookies.level.personalised.hint' },
};

/** One cookie Guichet sets, as the settings page lists it. */
export type CookieRow = { name: string; purpose: PlainKey; lifetime: PlainKey };
