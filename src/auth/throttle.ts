import { isIP } from 'node:net';
import type { RequestContext } from '../context.ts';
import { RuleBroken } from '../errors.ts';
import { message } from '../i18n/catalogue.ts';
import { MINUTE_MS } from '../lib/clock.ts';
import { addOne, takeBackOne, windowOf } from './counters.ts';

/**
 * Limits on login and code attempts from clients without a device cookie for the user (decision
 * record 0018): each attempt costs two argon2 checks (about 45 ms each on the reference
 * machine), so one address, and everyone together, may only make so many. Counted in fixed
 * windows in `rate_limits` before the attempt is checked; a right attempt gives its place back,
 * so the limits count failures (and attempts under way), not people logging in.
 */

/** Failed attempts from one address (an IPv6 address counts with its /64) per 15 minutes. */
export const LOGIN_LIMIT_PER_ADDRESS = 50;
export const LOGIN_ADDRESS_WINDOW_MS = 15 * MINUTE_MS;
/** Failed attempts from all untrusted clients together per minute: about 45% of one core of argon2. */
export const LOGIN_LIMIT_GLOBAL = 300;
export const LOGIN_GLOBAL_WINDOW_MS = MINUTE_MS;

export type ThrottleScope = 'address' | 'global';

/**
 * Too many attempts: answered 429 with Retry-After (the seconds until the window ends) and a
 * message that says how many minutes to wait. A RuleBroken without a field: it is about the
 * whole form.
 */
export class TooManyAttempts extends RuleBroken {
  readonly scope: ThrottleScope;
  readonly retryAfterSeconds: number;
  constructor(scope: ThrottleScope, retryAfterMs: number) {
    const count = Math.max(1, Math.ceil(retryAfterMs / MINUTE_MS));
    super(message(scope === 'address' ? 'login.tooManyFromAddress' : 'login.tooManyEverywhere', { count }));
    this.scope = scope;
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  }
}

/** The places an attempt took, to give back if it turns out right. */
export type Throttle = { places: { key: string; at: Date }[] };

/** The counter key of an address: IPv4 as it is, IPv6 by its /64 (one subscriber's block). */
export function addressKey(ip: string): string {
  if (isIP(ip) !== 6 || /^::ffff:\d/i.test(ip)) return `login:ip:${ip.replace(/^::ffff:/i, '')}`;
  return `login:ip6:${expandIpv6(ip).slice(0, 4).join(':')}::/64`;
}

function expandIpv6(ip: string): string[] {
  const [head = '', tail] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...missing, ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}

const GLOBAL_KEY = 'login:all';

/**
 * Counts an untrusted attempt from `ctx.ip` (skipped when the address is unknown) and in the
 * global counter, before it is checked.
 *
 * @throws TooManyAttempts when either limit is passed; `onFirstRefusal` runs (to audit it) only
 *   for the first refused attempt of a window, so a flood writes one audit entry, not thousands.
 */
export async function claimThrottle(
  ctx: Pick<RequestContext, 'db' | 'clock' | 'ip'>,
  onFirstRefusal: (scope: ThrottleScope) => Promise<void>,
): Promise<Throttle> {
  const now = ctx.clock.now();
  const limits: [ThrottleScope, string | null, number, number][] = [
    ['address', ctx.ip ? addressKey(ctx.ip) : null, LOGIN_LIMIT_PER_ADDRESS, LOGIN_ADDRESS_WINDOW_MS],
    ['global', GLOBAL_KEY, LOGIN_LIMIT_GLOBAL, LOGIN_GLOBAL_WINDOW_MS],
  ];
  const places: Throttle['places'] = [];
  for (const [scope, key, limit, windowMs] of limits) {
    if (!key) continue;
    const at = windowOf(now, windowMs);
    const count = await addOne(ctx.db, key, at);
    if (count > limit) {
      if (count === limit + 1) await onFirstRefusal(scope);
      throw new TooManyAttempts(scope, at.getTime() + windowMs - now.getTime());
    }
    places.push({ key, at });
  }
  return { places };
}

/** A right attempt gives back the places it took. */
export async function releaseThrottle(ctx: Pick<RequestContext, 'db'>, throttle: Throttle): Promise<void> {
  for (const place of throttle.places) await takeBackOne(ctx.db, place.key, place.at);
}
