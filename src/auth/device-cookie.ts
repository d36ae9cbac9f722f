import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DAY_MS } from '../lib/clock.ts';
import { purposeKey } from './keys.ts';

/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"; decision
 * record 0018). Each successful login gives the browser a token naming the user:
 * `<user id>.<device id>.<issued, base-36 seconds>.<signature>`, the signature being the first
 * 16 bytes (base64url) of HMAC-SHA256 under the device-cookie key (derived from the server's
 * secret key). A browser that later presents a valid token for the user it logs in as is that
 * user's "device": its failures count for it alone, and the user's lockout, which strangers
 * can cause, does not stop it. The cookie holds the tokens of the last few users of the browser.
 * No name, USERID or PSPID is in it: a user id is a random UUID.
 */

/** How long a device token stays valid, and the cookie's lifetime. */
export const DEVICE_TOKEN_MAX_AGE_MS = 365 * DAY_MS;
/** Users a browser is remembered for (a shared office computer), newest first. */
export const DEVICE_TOKENS_PER_BROWSER = 5;

const ENTRY_SEPARATOR = '~';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Token = { userId: string; device: string; issuedAt: number; text: string };

function sign(secretKey: Buffer, payload: string): string {
  return createHmac('sha256', purposeKey(secretKey, 'device-cookie'))
    .update(payload)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

/** A new token for the user, with a new random device id. */
export function issueDeviceToken(secretKey: Buffer, userId: string, now: Date): string {
  const payload = [userId, randomBytes(16).toString('base64url'), Math.floor(now.getTime() / 1000).toString(36)].join('.');
  return `${payload}.${sign(secretKey, payload)}`;
}

/** The cookie's tokens whose signature holds and which have not expired; anything else is ignored. */
function validTokens(secretKey: Buffer, cookie: string | undefined, now: Date): Token[] {
  if (!cookie || cookie.length > 2048) return [];
  const tokens: Token[] = [];
  for (const text of cookie.split(ENTRY_SEPARATOR).slice(0, DEVICE_TOKENS_PER_BROWSER)) {
    const parts = text.split('.');
    if (parts.length !== 4) continue;
    const [userId = '', device = '', issued = '', signature = ''] = parts;
    if (!UUID.test(userId) || !/^[\w-]{22}$/.test(device) || !/^[0-9a-z]{1,10}$/.test(issued)) continue;
    const expected = Buffer.from(sign(secretKey, `${userId}.${device}.${issued}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) continue;
    const issuedAt = Number.parseInt(issued, 36) * 1000;
    if (issuedAt > now.getTime() + DAY_MS || now.getTime() - issuedAt > DEVICE_TOKEN_MAX_AGE_MS) continue;
    tokens.push({ userId, device, issuedAt, text });
  }
  return tokens;
}

/** The device id this browser holds a valid token of for the user, or null (an untrusted client). */
export function trustedDevice(secretKey: Buffer, cookie: string | undefined, userId: string, now: Date): string | null {
  return validTokens(secretKey, cookie, now).find((token) => token.userId === userId)?.device ?? null;
}

/**
 * The cookie's new value after a successful login of the user: a fresh token for them first,
 * then the other users' valid tokens, at most DEVICE_TOKENS_PER_BROWSER in all.
 */
export function withNewDeviceToken(secretKey: Buffer, cookie: string | undefined, userId: string, now: Date): string {
  const others = validTokens(secretKey, cookie, now).filter((token) => token.userId !== userId);
  return [issueDeviceToken(secretKey, userId, now), ...others.map((token) => token.text)]
    .slice(0, DEVICE_TOKENS_PER_BROWSER)
    .join(ENTRY_SEPARATOR);
}
