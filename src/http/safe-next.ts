import type { Context } from 'hono';
import type { Environment } from '../db/schema/accounts.ts';

/**
 * Where to go after login or a language switch: only a path inside the same environment of
 * this site; anything else (another host, a scheme, "//", backslashes) falls back to Home.
 */
export function safeNext(next: string | undefined, env: Environment, fallback = `/${env}/home`): string {
  if (!next || next.length > 2000) return fallback;
  if (!next.startsWith(`/${env}/`)) return fallback;
  if (next.startsWith('//') || next.includes('\\') || /[\u0000-\u001F\u007F]/.test(next)) return fallback;
  try {
    const url = new URL(next, 'http://guichet.invalid');
    if (url.host !== 'guichet.invalid' || !url.pathname.startsWith(`/${env}/`)) return fallback;
    return url.pathname + url.search;
  } catch {
    return fallback;
  }
}

/** The page the user came from, when it is one of ours: where to return after logging in again. */
export function sameOriginRefererPath(c: Context): string | undefined {
  const referer = c.req.header('Referer');
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    return url.origin === new URL(c.req.url).origin ? url.pathname + url.search : undefined;
  } catch {
    return undefined;
  }
}
