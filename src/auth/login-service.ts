import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/service.ts';
import type { Db } from '../db/client.ts';
import type { Account, Environment } from '../db/schema/accounts.ts';
import { accounts } from '../db/schema/accounts.ts';
import type { User } from '../db/schema/users.ts';
import { users } from '../db/schema/users.ts';
import type { Clock } from '../lib/clock.ts';
import { MINUTE_MS } from '../lib/clock.ts';
import { verifyAgainstDummy, verifyPassword } from '../lib/password-hash.ts';

export const MAX_FAILED_LOGINS = 10;
export const LOCKOUT_MS = 30 * MINUTE_MS;

export type LoginAttempt = {
  environment: Environment;
  pspid: string;
  /** Absent for the PSPID form: the account's default administrator, whose USERID is the PSPID. */
  userid?: string;
  password: string;
  ip: string | null;
};

/** Why a login failed: written to the audit log only, never shown (the user sees one message). */
export type LoginFailure =
  | 'unknown_account'
  | 'unknown_user'
  | 'wrong_password'
  | 'issued_password_used'
  | 'locked'
  | 'inactive'
  | 'api_user';

export type LoginResult =
  | {
      ok: true;
      user: User;
      account: Account;
      /** A system-issued or one-time password was used: the password must be changed before anything else. */
      passwordChangeRequired: boolean;
    }
  | { ok: false; reason: LoginFailure };

/**
 * Checks a login. Every failure costs one password hash (unknown users are checked against a
 * dummy hash), counts toward the user's lockout, and is audited; so is every success.
 */
export async function attemptLogin(db: Db, clock: Clock, attempt: LoginAttempt): Promise<LoginResult> {
  const userid = attempt.userid ?? attempt.pspid;
  const audit = (accountId: string | null, userId: string | null, success: boolean, details: Record<string, unknown>) =>
    recordAudit(db, clock, {
      accountId,
      userId,
      actor: userid,
      eventType: 'login',
      success,
      ip: attempt.ip,
      object: userId ? `user:${userId}` : null,
      details: { form: attempt.userid === undefined ? 'pspid' : 'userid', pspid: attempt.pspid, ...details },
    });

  const [account] = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.environment, attempt.environment), eq(sql`lower(${accounts.pspid})`, attempt.pspid.toLowerCase())));
  const [user] = account
    ? await db
        .select()
        .from(users)
        .where(and(eq(users.accountId, account.id), eq(sql`lower(${users.userid})`, userid.toLowerCase())))
    : [];

  if (!account || !user) {
    await verifyAgainstDummy(attempt.password);
    const reason: LoginFailure = account ? 'unknown_user' : 'unknown_account';
    await audit(account?.id ?? null, null, false, { reason });
    return { ok: false, reason };
  }

  const now = clock.now();
  const matched = await matchPassword(user, attempt.password, now);
  const locked = user.lockedUntil !== null && user.lockedUntil.getTime() > now.getTime();
  const refusal: LoginFailure | null = locked
    ? 'locked'
    : !matched
      ? 'wrong_password'
      : matched === 'current' && user.passwordIssued && user.passwordIssuedUsedAt !== null
        ? 'issued_password_used'
        : !user.active
        ? 'inactive'
        : user.isApiUser
          ? 'api_user'
          : null;

  if (refusal) {
    await registerFailure(db, clock, user, account, attempt.ip, refusal);
    await audit(account.id, user.id, false, { reason: refusal });
    return { ok: false, reason: refusal };
  }

  const [updated] = await db
    .update(users)
    .set({
      otpFailures: 0,
      // The one login of an issued password; a one-time password is spent, and so is any pending one.
      ...(matched === 'current' && user.passwordIssued ? { passwordIssuedUsedAt: now } : {}),
      resetPasswordHash: null,
      resetPasswordExpiresAt: null,
    })
    .where(and(eq(users.accountId, account.id), eq(users.id, user.id)))
    .returning();
  await audit(account.id, user.id, true, matched === 'reset' ? { password: 'one-time' } : {});
  // With 2FA the login is complete only after the code step: until then failures keep counting.
  const completed = user.totpEnabledAt === null ? await completeLogin(db, clock, updated ?? user) : (updated ?? user);
  return { ok: true, user: completed, account, passwordChangeRequired: matched === 'reset' || user.passwordIssued };
}

/**
 * A login that passed every step: the failure counter starts again (Home shows how many
 * failures preceded it), and the previous login time is kept for Home.
 */
export async function completeLogin(db: Db, clock: Clock, user: User): Promise<User> {
  const [updated] = await db
    .update(users)
    .set({
      failedSinceLastLogin: sql`${users.failedLoginCount}`,
      failedLoginCount: 0,
      lockedUntil: null,
      previousLoginAt: sql`${users.lastLoginAt}`,
      lastLoginAt: clock.now(),
    })
    .where(and(eq(users.accountId, user.accountId), eq(users.id, user.id)))
    .returning();
  return updated ?? user;
}

/** Which of the user's passwords this is: the current one, or a one-time password still valid. */
async function matchPassword(user: User, password: string, now: Date): Promise<'current' | 'reset' | null> {
  if (await verifyPassword(user.passwordHash, password)) return 'current';
  const resetValid = user.resetPasswordHash && user.resetPasswordExpiresAt && user.resetPasswordExpiresAt.getTime() > now.getTime();
  if (resetValid && (await verifyPassword(user.resetPasswordHash!, password))) return 'reset';
  return null;
}

/**
 * Counts a failure against the user (a wrong password, or a wrong code at the code step) in one atomic statement, so parallel attempts cannot slip
 * past the limit. After a lock has run out, counting starts again from one.
 */
export async function registerFailure(
  db: Db,
  clock: Clock,
  user: User,
  account: Account,
  ip: string | null,
  reason: LoginFailure | 'wrong_code',
): Promise<void> {
  if (reason === 'locked') return;
  const now = clock.now();
  const lockUntil = new Date(now.getTime() + LOCKOUT_MS);
  const lockExpired = sql`(${users.lockedUntil} is not null and ${users.lockedUntil} <= ${now.toISOString()}::timestamptz)`;
  const newCount = sql`case when ${lockExpired} then 1 else ${users.failedLoginCount} + 1 end`;
  const [row] = await db
    .update(users)
    .set({
      failedLoginCount: newCount,
      lockedUntil: sql`case when ${newCount} >= ${MAX_FAILED_LOGINS} then ${lockUntil.toISOString()}::timestamptz when ${lockExpired} then null else ${users.lockedUntil} end`,
    })
    .where(and(eq(users.accountId, account.id), eq(users.id, user.id)))
    .returning({ count: users.failedLoginCount, lockedUntil: users.lockedUntil });
  if (row && row.count === MAX_FAILED_LOGINS) {
    await recordAudit(db, clock, {
      accountId: account.id,
      userId: user.id,
      actor: user.userid,
      eventType: 'user.locked',
      success: true,
      ip,
      object: `user:${user.id}`,
      details: { failedLogins: row.count, lockedUntil: row.lockedUntil?.toISOString() },
    });
  }
}
