import { choice } from '../forms/fields.ts';
import { defineForm } from '../forms/parse.ts';

/** The three cookie levels of the guide (T1), from the fewest cookies to the most. */
export const COOKIE_LEVELS = ['functional', 'optimised', 'personalised'] as const;
export type CookieLevel = (typeof COOKIE_LEVELS)[number];

/** The guide's default level, in force until the browser saves a choice. */
export const DEFAULT_COOKIE_LEVEL: CookieLevel = 'optimised';

export function isCookieLevel(value: unknown): value is CookieLevel {
  return typeof value === 'string' && (COOKIE_LEVELS as readonly string[]).includes(value);
}

/**
 * The id of one level's radio button, `level-<level>`; the group's error message is
 * `level-error`. The field's own id is the first button's: where the error summary sends the user.
 */
export const levelOptionId = (level: CookieLevel) => `level-${level}`;
export const LEVEL_ERROR_ID = 'level-error';

/** T1's one form: the cookie level, one of COOKIE_LEVELS. */
export const cookieForm = defineForm('cookies', {
  level: choice(COOKIE_LEVELS, { invalid: 'cookies.levelInvalid', id: levelOptionId(COOKIE_LEVELS[0]) }),
});
