import { and, isNull, lte, or, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/service.ts';
import type { RequestContext } from '../context.ts';
import type { User } from '../db/schema/users.ts';
import { users } from '../db/schema/users.ts';
import { MINUTE_MS } from '../lib/clock.ts';
import { userRow } from '../users/queries.ts';

export const MAX_FAILED_LOGINS = 10;
export const LOCKOUT_MS = 30 * MINUTE_MS;
/** Wrong codes in a row at the login's code step before the half-open session ends. */
export const MAX_OTP_FAILURES = 5;

export type Claim = { failedLoginCount: number; otpFailures: number };

/**
 * Counts an attempt (password or code) against the user *before* it is checked, in one atomic
 * statement: parallel attempts each take their own place, and once the 10th is taken the user is
 * locked for 30 minutes, so no burst of guesses gets past the limit. Returns null while the user
 * is locked (the attempt is then neither checked nor counted). After a lock has run out, counting
 * starts again from one. A correct attempt gives its place back with `releaseAttempt`.
 */
export async function claimAttempt(
  ctx: Pick<RequestContext, 'db' | 'clock'>,
  user: Pick<User, 'accountId' | 'id'>,
  options: { otp?: boolean } = {},
): Promise<Claim | null> {
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

/** A correct attempt gives back the place it claimed (and the lock it may have caused). */
export async function releaseAttempt(
  ctx: Pick<RequestContext, 'db'>,
  user: Pick<User, 'accountId' | 'id'>,
  options: { otp?: boolean } = {},
): Promise<void> {
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

/** Writes the lockout to the audit log when this claim was the one that locked the user. */
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
    details: { failedAttempts: claim.failedLoginCount, minutes: LOCKOUT_MS / MINUTE_MS },
  });
}
