import { and, isNull, lte, or, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/service.ts';
import type { RequestContext } from '../context.ts';
import type { User } from '../db/schema/users.ts';
import { users } from '../db/schema/users.ts';
import { MINUTE_MS } from '../lib/clock.ts';
import { userRow } from '../users/queries.ts';
import type { DeviceSlot } from './device-attempts.ts';
import { claimDeviceAttempt, clearDevice, releaseDeviceAttempt } from './device-attempts.ts';

export const MAX_FAILED_LOGINS = 10;
export const LOCKOUT_MS = 30 * MINUTE_MS;
/** Wrong codes in a row at the login's code step before the half-open session ends. */
export const MAX_OTP_FAILURES = 5;

/**
 * Where the counts stand after claiming an attempt: the failures that count toward the lock (the
 * user's, or with `device` that device's) and the wrong codes of this code step.
 */
export type Claim = { failedLoginCount: number; otpFailures: number; device?: DeviceSlot };

/** How an attempt is counted: a code (`otp`), and from a device the user's device cookie names (decision record 0018). */
export type AttemptOptions = { otp?: boolean; device?: string | null };

/**
 * Counts an attempt (password or code) against the user *before* it is checked, in one atomic
 * statement: parallel attempts each take their own place, and once the 10th is taken the user is
 * locked for 30 minutes, so no burst of guesses gets past the limit. Returns null while the user
 * is locked (the attempt is then neither checked nor counted). After a lock has run out, counting
 * starts again from one. A correct attempt gives its place back with `releaseAttempt`.
 *
 * With `device` (the browser presented a valid device cookie for this user), the attempt counts
 * for that device alone, with the same limits (src/auth/device-attempts.ts), and the user's own
 * lock, which anyone can cause, does not stop it.
 */
export async function claimAttempt(
  ctx: Pick<RequestContext, 'db' | 'clock'>,
  user: Pick<User, 'accountId' | 'id'>,
  options: AttemptOptions = {},
): Promise<Claim | null> {
  if (options.device) return claimOnDevice(ctx, user, options.device, options.otp ?? false);
  const now = ctx.clock.now();
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const lockUntil = sql`${new Date(now.getTime() + LOCKOUT_MS).toISOString()}::timestamptz`;
  const lockExpired = sql`(${users.lockedUntil} is not null and ${users.lockedUntil} <= ${nowSql})`;
  const count = sql`case when ${lockExpired} then 1 else ${users.failedLoginCount} + 1 end`;
  const [claim] = await ctx.db
    .update(users)
    .set({
      failedLoginCount: count,
      failuresSinceLogin: sql`${users.failuresSinceLogin} + 1`,
      lockedUntil: sql`case when ${count} >= ${MAX_FAILED_LOGINS} then ${lockUntil} when ${lockExpired} then null else ${users.lockedUntil} end`,
      ...(options.otp ? { otpFailures: sql`${users.otpFailures} + 1` } : {}),
    })
    .where(and(userRow(user), or(isNull(users.lockedUntil), lte(users.lockedUntil, now))))
    .returning({ failedLoginCount: users.failedLoginCount, otpFailures: users.otpFailures });
  return claim ?? null;
}

const DEVICE_LIMITS = { max: MAX_FAILED_LOGINS, windowMs: LOCKOUT_MS };

/** A device's attempt: its own count and lock; the user's row only keeps the tally Home shows and the wrong codes. */
async function claimOnDevice(
  ctx: Pick<RequestContext, 'db' | 'clock'>,
  user: Pick<User, 'accountId' | 'id'>,
  device: string,
  otp: boolean,
): Promise<Claim | null> {
  const slot = await claimDeviceAttempt(ctx, user.id, device, DEVICE_LIMITS);
  if (!slot) return null;
  const [row] = await ctx.db
    .update(users)
    .set({
      failuresSinceLogin: sql`${users.failuresSinceLogin} + 1`,
      ...(otp ? { otpFailures: sql`${users.otpFailures} + 1` } : {}),
    })
    .where(userRow(user))
    .returning({ otpFailures: users.otpFailures });
  return { failedLoginCount: slot.count, otpFailures: row?.otpFailures ?? 0, device: slot };
}

/**
 * A correct attempt gives back the place it claimed (and the lock it may have caused): on the
 * device's count when `claim` was a device's, else on the user's.
 */
export async function releaseAttempt(
  ctx: Pick<RequestContext, 'db'>,
  user: Pick<User, 'accountId' | 'id'>,
  options: { otp?: boolean; claim?: Claim } = {},
): Promise<void> {
  const slot = options.claim?.device;
  if (slot) {
    await releaseDeviceAttempt(ctx, user.id, slot, DEVICE_LIMITS);
    await ctx.db
      .update(users)
      .set({
        failuresSinceLogin: sql`greatest(${users.failuresSinceLogin} - 1, 0)`,
        ...(options.otp ? { otpFailures: 0 } : {}),
      })
      .where(userRow(user));
    return;
  }
  const released = sql`greatest(${users.failedLoginCount} - 1, 0)`;
  await ctx.db
    .update(users)
    .set({
      failedLoginCount: released,
      failuresSinceLogin: sql`greatest(${users.failuresSinceLogin} - 1, 0)`,
      lockedUntil: sql`case when ${released} < ${MAX_FAILED_LOGINS} then null else ${users.lockedUntil} end`,
      ...(options.otp ? { otpFailures: 0 } : {}),
    })
    .where(userRow(user));
}

/** A completed login from a device: that device's count starts again (the user's own is left as it is). */
export async function clearDeviceAttempts(ctx: Pick<RequestContext, 'db'>, user: Pick<User, 'id'>, device: string) {
  await clearDevice(ctx, user.id, device);
}

/** Writes the lockout to the audit log when this claim was the one that locked the user (or, from a device, that device). */
export async function auditLockout(
  ctx: Pick<RequestContext, 'db' | 'clock' | 'ip'>,
  user: Pick<User, 'accountId' | 'id' | 'userid'>,
  claim: Claim,
) {
  if (claim.failedLoginCount !== MAX_FAILED_LOGINS) return;
  const { ip } = ctx;
  await recordAudit(ctx, {
    accountId: user.accountId,
    userId: user.id,
    actor: user.userid,
    eventType: 'user.locked',
    success: true,
    ip,
    object: `user:${user.id}`,
    details: {
      failedAttempts: claim.failedLoginCount,
      minutes: LOCKOUT_MS / MINUTE_MS,
      ...(claim.device ? { scope: 'device' } : {}),
    },
  });
}
