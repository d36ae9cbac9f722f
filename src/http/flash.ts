import type { Context } from 'hono';
import type { Config } from '../config.ts';
import type { Message, PlainKey } from '../i18n/catalogue.ts';
import { isMessageKey } from '../i18n/catalogue.ts';
import { COOKIES, clearCookie, readCookie, writeCookie } from './cookies.ts';

/** Leaves a message for the next page. Only a catalogue key travels in the cookie, never free text. */
export function setFlash(c: Context, config: Config, key: PlainKey): void {
  writeCookie(c, config, COOKIES.flash, key, { maxAgeSeconds: 60 });
}

/** Reads and forgets the message left by the previous action. */
export function takeFlash(c: Context, config: Config): Message | undefined {
  const value = readCookie(c, config, COOKIES.flash);
  if (value === undefined) return undefined;
  clearCookie(c, config, COOKIES.flash);
  return isMessageKey(value) ? { key: value } : undefined;
}
