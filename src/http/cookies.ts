import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config.ts';
import type { Environment } from '../db/schema/accounts.ts';

/**
 * Every cookie Guichet sets, all functional. The cookie-settings page lists these same names.
 * Over HTTPS they get the __Host- prefix and Secure.
 */
export const COOKIES = {
  session: (env: Environment) => `guichet_${env}_session`,
  csrf: 'guichet_csrf',
  language: 'guichet_lang',
  flash: 'guichet_flash',
  /** A refused form's problems and what was typed, sealed, for the page that shows them again (form-failure.ts). */
  form: 'guichet_form',
  consent: 'guichet_cookie_consent',
  /** Signed tokens naming the users who logged in with this browser (src/auth/device-cookie.ts, decision record 0018). */
  device: 'guichet_device',
} as const;

/** The name a cookie really has in this deployment: `__Host-<base>` over HTTPS, else `<base>`. */
export function cookieName(config: Config, base: string): string {
  return config.secureCookies ? `__Host-${base}` : base;
}

type CookieOptions = { maxAgeSeconds?: number };

/**
 * Sets one of COOKIES: HttpOnly, SameSite=Lax, path /, Secure over HTTPS; a session cookie unless
 * `maxAgeSeconds` is given.
 */
export function writeCookie(c: Context, config: Config, base: string, value: string, options: CookieOptions = {}): void {
  setCookie(c, cookieName(config, base), value, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.secureCookies,
    ...(options.maxAgeSeconds !== undefined ? { maxAge: options.maxAgeSeconds } : {}),
  });
}

/** The value the browser sent for one of COOKIES, under this deployment's name. */
export function readCookie(c: Context, config: Config, base: string): string | undefined {
  return getCookie(c, cookieName(config, base));
}

/** Tells the browser to forget one of COOKIES (same attributes as when it was written). */
export function clearCookie(c: Context, config: Config, base: string): void {
  deleteCookie(c, cookieName(config, base), { path: '/', secure: config.secureCookies, httpOnly: true, sameSite: 'Lax' });
}
