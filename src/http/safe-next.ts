import type { Context } from 'hono';
import type { Environment } from '../db/schema/accounts.ts';
import { paths } from '../paths.ts';

/**
 * Where to go after login or a language switch: only a path (with its query) inside the same
 * environment of this site, at most 2000 characters; anything else (another host, a scheme,
 * "//", backslashes, control characters, the other environment) gives `fallback`, Home unless
 * said. Returns the path normalised ("/test/../prod" is refused, not followed).
 */
export function safeNext(next: string | undefined, env: Environment, fallback = paths.home(env)): string {
  const inside = `${paths.root(env)}/`;
  if (!next || next.length > 2000) return fallback;
  if (!next.startsWith(inside)) return fallback;
  if (next.startsWith('//') || next.includes('\\') || /[\u0000-\u001F\u007F]/.test(next)) return fallback;
  try {
    const url = new URL(next, 'http://guichet.invalid');
    if (url.host !== 'guichet.invalid' || !url.pathname.startsWith(inside)) return fallback;
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
