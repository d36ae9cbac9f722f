import type { Context } from 'hono';
import { DEVICE_TOKEN_MAX_AGE_MS, withNewDeviceToken } from '../auth/device-cookie.ts';
import type { Config } from '../config.ts';
import type { Deps } from './context.ts';
import { COOKIES, readCookie, writeCookie } from './cookies.ts';

/** The device cookie this browser sent, as it is (the login services check it; src/auth/device-cookie.ts). */
export function presentedDeviceCookie(c: Context, config: Config): string | undefined {
  return readCookie(c, config, COOKIES.device);
}

/** After a completed login: a fresh device token for the user, kept with the browser's other users' (one year). */
export function rememberDevice(c: Context, deps: Pick<Deps, 'config' | 'clock' | 'secretKey'>, userId: string): void {
  const value = withNewDeviceToken(deps.secretKey, presentedDeviceCookie(c, deps.config), userId, deps.clock.now());
  writeCookie(c, deps.config, COOKIES.device, value, { maxAgeSeconds: DEVICE_TOKEN_MAX_AGE_MS / 1000 });
}
