import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/service.ts';
import type { RequestContext } from '../context.ts';
import type { Account, Environment } from '../db/schema/accounts.ts';
import { accounts } from '../db/schema/accounts.ts';
import type { User } from '../db/schema/users.ts';
import { users } from '../db/schema/users.ts';
import { RuleBroken } from '../errors.ts';
import { message } from '../i18n/catalogue.ts';
import { verifyAgainstDummy, verifyPassword } from '../lib/password-hash.ts';
import { withinRateLimit } from '../lib/rate-limit.ts';
import { userRow } from '../users/queries.ts';
import { auditLockout, claimAttempt, LOCKOUT_MS, releaseAttempt } from './attempts.ts';

export type LoginAttempt = {
  environment: Environment;
  pspid: string;
  /** Absent for the PSPID form: the account's default administrator, whose USERID is the PSPID. */
  userid?: string;
  password: string;
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

export type LoginSuccess = {
  user: User;
  account: Account;
  /** A system-issued or one-time password was used: the password must be changed before anything else. */
  passwordChangeRequired: boolean;
};

/** What a login needs from the request context: the database, the clock and the client's address. */
export type LoginContext = Pick<RequestContext, 'db' | 'clock' | 'ip'>;

/**
 * Checks a login (A2). Every attempt costs the same two hash checks (against dummy hashes where
 * there is nothing to check), is counted toward the user's lockout before it is checked
 * (src/auth/attempts.ts), and is audited with its reason. Without 2FA a success completes the
 * login (completeLogin); with 2FA the code step does.
 *
 * @throws RuleBroken `login.failed` for every kind of failure alike (the user never learns which
 *   part was wrong), on the first field of the form used: `userid` for the USERID form, `pspid`
 *   for the PSPID form.
 */
export async function attemptLogin(ctx: LoginContext, attempt: LoginAttempt): Promise<LoginSuccess> {
  const { db, clock } = ctx;
  const userid = attempt.userid ?? attempt.pspid;
  const audit = (accountId: string | null, userId: string | null, success: boolean, details: Record<string, unknown>) =>
    recordAudit(ctx, {
      accountId,
      userId,
      actor: userid,
      eventType: 'login',
      success,
      ip: ctx.ip,
      object: userId ? `user:${userId}` : null,
      details: { form: attempt.userid === undefined ? 'pspid' : 'userid', pspid: attempt.pspid, ...details },
    });
  // The reason goes to the audit log only: every refusal reads the same.
  const refused = () => new RuleBroken(message('login.failed'), attempt.userid === undefined ? 'pspid' : 'userid');

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
    // The same work as a known user: two hash checks and one counter write.
    await verifyAgainstDummy(attempt.password);
    await verifyAgainstDummy(attempt.password);
    await withinRateLimit(
      db,
      clock,
      `login:unknown:${attempt.environment}:${attempt.pspid.toLowerCase()}:${userid.toLowerCase()}`,
      0,
      LOCKOUT_MS,
    );
    const reason: LoginFailure = account ? 'unknown_user' : 'unknown_account';
    await audit(account?.id ?? null, null, false, { reason });
    throw refused();
  }

  const now = clock.now();
  // The attempt is counted first: parallel guesses cannot outrun the lockout.
  const claim = await claimAttempt(ctx, user);
  const matched = await matchPassword(user, attempt.password, now);
  const refusal: LoginFailure | null = !claim
    ? 'locked'
    : !matched
      ? 'wrong_password'
      : !user.active
        ? 'inactive'
        : user.isApiUser
          ? 'api_user'
          : !(await spendOneTimePassword(ctx, user, matched))
            ? 'issued_password_used'
            : null;

  if (refusal) {
    if (claim) await auditLockout(ctx, user, claim);
    await audit(account.id, user.id, false, { reason: refusal });
    throw refused();
  }

  await releaseAttempt(ctx, user);
  const [updated] = await db
    .update(users)
    // A one-time password is spent by any login, and so is one still pending.
    .set({ otpFailures: 0, resetPasswordHash: null, resetPasswordExpiresAt: null })
    .where(userRow(user))
    .returning();
  await audit(account.id, user.id, true, matched === 'reset' ? { password: 'one-time' } : {});
  // With 2FA the login is complete only after the code step: until then failures keep counting.
  const completed = user.totpEnabledAt === null ? await completeLogin(ctx, updated ?? user) : (updated ?? user);
  return { user: completed, account, passwordChangeRequired: matched === 'reset' || user.passwordIssued };
}

/**
 * The one login of a system-issued password, or of a "Password forgotten?" one, claimed
 * atomically: false when a parallel login spent it first. Other passwords always pass.
 */
async function spendOneTimePassword(
  { db, clock }: Pick<RequestContext, 'db' | 'clock'>,
  user: User,
  matched: 'current' | 'reset',
): Promise<boolean> {
  if (matched === 'reset') {
    const spent = await db
      .update(users)
      .set({ resetPasswordHash: null, resetPasswordExpiresAt: null })
      .where(and(userRow(user), eq(users.resetPasswordHash, user.resetPasswordHash!)))
      .returning({ id: users.id });
    return spent.length === 1;
  }
  if (!user.passwordIssued) return true;
  const spent = await db
    .update(users)
    .set({ passwordIssuedUsedAt: clock.now() })
    .where(and(userRow(user), isNull(users.passwordIssuedUsedAt)))
    .returning({ id: users.id });
  return spent.length === 1;
}

/**
 * A login that passed every step: the failure counter starts again (Home shows how many
 * failures preceded it), and the previous login time is kept for Home.
 */
export async function completeLogin(ctx: Pick<RequestContext, 'db' | 'clock'>, user: User): Promise<User> {
  const { db, clock } = ctx;
  const [updated] = await db
    .update(users)
    .set({
      failedSinceLastLogin: sql`${users.failuresSinceLogin}`,
      failuresSinceLogin: 0,
      failedLoginCount: 0,
      lockedUntil: null,
      previousLoginAt: sql`${users.lastLoginAt}`,
      lastLoginAt: clock.now(),
    })
    .where(userRow(user))
    .returning();
  return updated ?? user;
}

/**
 * Which of the user's passwords this is: the current one, or a one-time password still valid.
 * Both checks always run (the second against a dummy hash when there is no one-time password),
 * so the time taken says nothing about a pending "Password forgotten?" request.
 */
async function matchPassword(user: User, password: string, now: Date): Promise<'current' | 'reset' | null> {
  const current = await verifyPassword(user.passwordHash, password);
  const resetValid = user.resetPasswordHash !== null && user.resetPasswordExpiresAt !== null && user.resetPasswordExpiresAt > now;
  const reset = resetValid ? await verifyPassword(user.resetPasswordHash!, password) : await verifyAgainstDummy(password);
  return current ? 'current' : reset ? 'reset' : null;
}
